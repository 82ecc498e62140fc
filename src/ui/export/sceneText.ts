// The words of an exported picture: the caption strip's lines, and text cut or wrapped to fit.

import type { SceneInput } from './sceneModel';

/** The most lines the caption strip has: the title, four violations and how many more. */
export const MAX_CAPTION_LINES = 6;

/** The caption strip's lines: the title, the tick and time, and the violations so far (or none). */
export function captionLines(input: Pick<SceneInput, 'title' | 'tick' | 'tickNs' | 'violations'>): string[] {
  const us = (input.tick * input.tickNs) / 1000;
  const lines = [`${input.title} — tick ${input.tick} (${us.toLocaleString('en-US', { maximumFractionDigits: 3 })} µs)`];
  if (input.violations.length === 0) lines.push('No invariant violated so far.');
  const shown = input.violations.slice(0, 4);
  for (const x of shown) lines.push(`${x.number} at tick ${x.t}: ${x.message}`);
  if (input.violations.length > shown.length) lines.push(`…and ${input.violations.length - shown.length} more violations.`);
  return lines;
}

/** Cuts `text` to about `chars` characters with an ellipsis. */
export const cut = (text: string, chars: number) => (text.length > chars ? text.slice(0, chars - 1) + '…' : text);

/** `text` in lines of at most `chars` characters, broken between words; at most `most` lines. */
export function wrap(text: string, chars: number, most: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.length > most ? [...lines.slice(0, most - 1), cut(lines.slice(most - 1).join(' '), chars)] : lines;
}
