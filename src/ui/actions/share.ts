// Getting a scenario out of the app: a link on the clipboard (to the scenario, or to a moment of it),
// a .json file; and in: a file (a scenario's JSON, or a picture exported with its moment).

import { useApp } from '../../store/appStore';
import { toDocument } from '../../scenario/document';
import { LINK_WARN_CHARS } from '../../scenario/codec';
import { fingerprintParams } from '../../scenario/fingerprint';
import { MODEL_VERSION } from '../../sim';
import { momentParams, type Moment } from '../../scenario/moment';
import { embedCode } from '../embed/embedOptions';
import { isPng, readText } from '../export/pngText';
import { META_KEY, readSvgPayload } from '../export/svgMeta';

/**
 * The address of a link fragment (the scenario's own by default), as the user shares it: it records
 * the model and, once the run is computed, its trace (fingerprint.ts).
 */
export function shareUrl(fragment: string | null = useApp.getState().linkFragment()): string | null {
  if (fragment === null) return null;
  const { summary } = useApp.getState();
  const trace = summary?.complete ? summary.traceHash : null;
  return `${location.origin}${location.pathname}#${fragment}&${fingerprintParams(MODEL_VERSION, trace)}`;
}

/** Copies `text` to the clipboard and says `said`, or says the browser refused. */
export async function copyText(text: string, said: string): Promise<void> {
  const set = useApp.getState().setNotice;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return set({ kind: 'error', text: 'The browser did not allow copying to the clipboard. Export the scenario to a file instead.' });
  }
  set({ kind: 'info', text: said });
}

/** A link to this scenario at a moment: the playhead's tick and the selection, or those given. */
export function momentUrl(moment?: Moment): string | null {
  const s = useApp.getState();
  if (moment === undefined) return shareUrl(s.momentFragment());
  const f = s.linkFragment();
  return f === null ? null : shareUrl(f + momentParams(moment));
}

/** Copies a link (the scenario's own by default) and says how long it is. */
export async function copyLink(url: string | null = shareUrl()): Promise<void> {
  if (url === null) return;
  await copyText(
    url,
    url.length > LINK_WARN_CHARS
      ? `Link copied (${url.length} characters). Some chat tools cut links over ${LINK_WARN_CHARS} characters — export to a file to be safe.`
      : `Link copied (${url.length} characters).`,
  );
}

export function exportFile(): void {
  const { scenario } = useApp.getState();
  if (scenario === null) return;
  const name =
    scenario.title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'scenario';
  download(`${name}.json`, JSON.stringify(toDocument(scenario), null, 2) + '\n');
}

/** Saves `text` as a file named `filename` (the browser's download). */
export function download(filename: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Reads a dropped or chosen file and opens it (or says what is wrong with it). */
export async function importFile(file: File): Promise<void> {
  if (file.size > 2_000_000)
    return useApp.getState().setNotice({
      kind: 'error',
      text: `${file.name}: too large to be a scenario (${Math.round(file.size / 1e6)} MB). Your current work is unchanged.`,
    });
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (isPng(head) || /\.png$/i.test(file.name)) return openImage(file.name, readText(new Uint8Array(await file.arrayBuffer()), META_KEY));
  const text = await file.text();
  if (/\.svg$/i.test(file.name) || /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(text)) return openImage(file.name, readSvgPayload(text));
  useApp.getState().importText(text, file.name);
}

/** Opens the moment an exported picture carries (its link fragment), or says it carries none. */
function openImage(name: string, payload: string | null): void {
  if (payload === null)
    return useApp.getState().setNotice({
      kind: 'error',
      text: `${name}: this image does not carry a DMA Handoff scenario. Your current work is unchanged.`,
    });
  void useApp.getState().openLink('#' + payload);
}

/** Copies the `<iframe>` that embeds this scenario at the playhead in a design document (docs/embed.md). */
export async function copyEmbedCode(): Promise<void> {
  const s = useApp.getState();
  const f = s.linkFragment();
  if (f === null || s.scenario === null) return;
  const t = Math.floor(s.clock);
  const code = embedCode(location.origin, location.pathname, t > 0 ? `${f}&t=${t}` : f, s.scenario.title);
  await copyText(code, `Embed code copied: an <iframe> of ${code.length} characters for a design document.`);
}
