// The embed's options, read from the address: `?embed=1` (or `embed` among the fragment's
// parameters) makes the page a read-only player; `autoplay` starts it playing; `controls=0` hides
// its toolbar. The scenario, `&t=` and `&sel=` are the fragment's, as for any link.

export interface EmbedOptions {
  autoplay: boolean;
  controls: boolean;
}

/** The options when the address asks for the embed, else null. */
export function embedOptions(search: string, hash: string): EmbedOptions | null {
  const q = new URLSearchParams(search.replace(/^\?/, ''));
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const flag = (name: string) => (q.has(name) ? q.get(name) : h.has(name) ? h.get(name) : null);
  const on = (v: string | null) => v !== null && v !== '0' && v !== 'false';
  if (!on(flag('embed'))) return null;
  return { autoplay: on(flag('autoplay')), controls: flag('controls') === null || on(flag('controls')) };
}

/** The address of the full app for the same link: the embed's own options removed. */
export function fullAppUrl(origin: string, pathname: string, hash: string): string {
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  for (const k of ['embed', 'autoplay', 'controls']) h.delete(k);
  const rest = h.toString().replace(/=(?=&|$)/g, '');
  return `${origin}${pathname}${rest ? `#${rest}` : ''}`;
}

/** The `<iframe>` a design document pastes to embed a link fragment (`g=…` or `s=…`, with `&t=` if any). */
export function embedCode(origin: string, pathname: string, fragment: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const src = `${origin}${pathname}?embed=1#${fragment}`;
  return `<iframe src="${esc(src)}" title="${esc(`DMA Handoff: ${title}`)}" width="960" height="600" style="border:0" loading="lazy"></iframe>`;
}
