// A gallery scenario is a scenario *document* (JSON, addresses as hex strings), exactly what a user
// could paste or link; it goes through the same validation as any other document.

export type GalleryDoc = Record<string, unknown> & { format: 'dma-handoff/scenario'; version: 1; title: string };

export interface GalleryEntry {
  id: string;
  doc: GalleryDoc;
}
