// The toolbar, its menus and the shortcut list are drawn from the actions table: every button and
// control names an action, and its accessible name, text and tooltip are that action's. Rendered
// to a string, components read the store's initial state (React's server snapshot): what follows
// the state (Play or Pause, what Undo undoes) is checked on the table in registry.test.ts.

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Toolbar } from '../panels/Toolbar';
import { ShortcutList } from '../panels/Shortcuts';
import { useApp } from '../../store/appStore';
import { ACTIONS, KEYED, tooltip, type Action } from './registry';

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const text = (html: string) => decode(html.replace(/<[^>]*>/g, '')).trim();

interface Element {
  tag: string;
  attrs: Record<string, string>;
  /** The text inside (buttons only). */
  text: string;
}

/** The markup's buttons, selects and inputs with their attributes. */
function controls(html: string): Element[] {
  const found: Element[] = [];
  for (const m of html.matchAll(/<(button|select|input)\b([^>]*)>/g)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)]));
    const inner = m[1] === 'button' ? html.slice(m.index + m[0].length, html.indexOf('</button>', m.index)) : '';
    found.push({ tag: m[1], attrs, text: text(inner) });
  }
  return found;
}

const byName = new Map<string, Action>(ACTIONS.map((a) => [a.name, a]));

describe('the toolbar', () => {
  const html = () => renderToStaticMarkup(<Toolbar />);

  it('every button and control performs an action from the table', () => {
    const all = controls(html());
    expect(all.length).toBeGreaterThan(10);
    for (const c of all) expect(byName.has(c.attrs['data-action']), `${c.tag} ${JSON.stringify(c.attrs)}`).toBe(true);
  });

  it('each button is named by its action and its tooltip is the action’s label and shortcut', () => {
    const s = useApp.getInitialState();
    for (const c of controls(html()).filter((x) => x.tag === 'button')) {
      const a = byName.get(c.attrs['data-action'])!;
      const name = a.labelNow?.(s) ?? a.label;
      if (c.attrs['aria-label'] !== undefined) expect(c.attrs['aria-label']).toBe(name);
      else expect(c.text.startsWith(name), `${c.text} names ${a.name}`).toBe(true);
      expect(c.attrs.title).toBe(tooltip(a, s));
    }
  });

  it('selects and inputs carry their action’s label as their name', () => {
    for (const c of controls(html()).filter((x) => x.tag !== 'button' && x.attrs.type !== 'checkbox' && x.attrs.type !== 'file'))
      expect(c.attrs['aria-label']).toBe(byName.get(c.attrs['data-action'])!.label);
  });

  it('keeps the names the browser tests and users know', () => {
    const names = controls(html()).map((c) => c.attrs['aria-label'] ?? c.text);
    for (const n of [
      'Gallery',
      'Policy',
      'Start',
      'Previous operation',
      'Previous event',
      'Next event',
      'Step one tick',
      'Play',
      'Next operation',
      'End',
      'Speed',
    ])
      expect(names).toContain(n);
    for (const n of ['Go to tick', 'Undo', 'Redo', 'Present', 'Keyboard shortcuts', 'Export .json file', 'Import .json file…'])
      expect(names).toContain(n);
    expect(names.some((n) => n.startsWith('Copy link'))).toBe(true);
  });

  it('with nothing to undo, undo and redo are disabled and say so', () => {
    const undo = controls(html()).find((c) => c.attrs['data-action'] === 'undo')!;
    expect(undo.attrs.title).toBe('Nothing to undo (Ctrl/⌘ + Z)');
    expect(undo.attrs.disabled).toBe('');
    expect(controls(html()).find((c) => c.attrs['data-action'] === 'redo')!.attrs.disabled).toBe('');
  });
});

describe('the shortcut list', () => {
  it('lists every action with a shortcut, in the table’s order, as the table writes it', () => {
    const html = renderToStaticMarkup(<ShortcutList />);
    const rows = [...html.matchAll(/<tr data-action="(\w+)"><td><kbd>(.*?)<\/kbd><\/td><td>(.*?)<\/td><\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(KEYED.map((a) => a.name));
    expect(rows.map((r) => decode(r[2]))).toEqual(KEYED.map((a) => a.keys));
    expect(rows.map((r) => decode(r[3]))).toEqual(KEYED.map((a) => a.description ?? a.label));
  });
});
