import { describe, expect, it } from 'vitest';
import { embedCode, embedOptions, fullAppUrl } from './embedOptions';
import { readCommand } from './hostMessages';

describe('embed options', () => {
  it('is off without embed, and reads its options from the query or the fragment', () => {
    expect(embedOptions('', '#g=seed-attack')).toBeNull();
    expect(embedOptions('?embed=0', '#g=seed-attack')).toBeNull();
    expect(embedOptions('?embed=1', '#g=seed-attack')).toEqual({ autoplay: false, controls: true });
    expect(embedOptions('', '#g=seed-attack&embed&autoplay&controls=0')).toEqual({ autoplay: true, controls: false });
  });

  it('leads out to the full app with the same link, without the embed options', () => {
    expect(fullAppUrl('https://x.test', '/app/', '#g=seed-attack&embed&autoplay&t=60')).toBe('https://x.test/app/#g=seed-attack&t=60');
    expect(fullAppUrl('https://x.test', '/', '')).toBe('https://x.test/');
  });

  it('writes an iframe with the link and an escaped title', () => {
    const code = embedCode('https://x.test', '/', 'g=seed-attack&t=60', 'A "quoted" <title> & more');
    expect(code).toContain('src="https://x.test/?embed=1#g=seed-attack&amp;t=60"');
    expect(code).toContain('title="DMA Handoff: A &quot;quoted&quot; &lt;title&gt; &amp; more"');
    expect(code).toMatch(/^<iframe [^>]*><\/iframe>$/);
  });
});

describe('host messages', () => {
  it('reads the four commands', () => {
    expect(readCommand({ type: 'seek', t: 60 })).toEqual({ ok: true, command: { type: 'seek', t: 60 } });
    expect(readCommand({ type: 'play' })).toEqual({ ok: true, command: { type: 'play' } });
    expect(readCommand({ type: 'pause' })).toEqual({ ok: true, command: { type: 'pause' } });
    expect(readCommand({ type: 'load', link: 'https://x.test/#g=quarantine' })).toEqual({
      ok: true,
      command: { type: 'load', link: 'g=quarantine' },
    });
    expect(readCommand({ type: 'load', link: '#s=2.abc' })).toEqual({ ok: true, command: { type: 'load', link: 's=2.abc' } });
  });

  it('names what is wrong with anything else', () => {
    expect(readCommand('seek')).toMatchObject({ ok: false, message: expect.stringContaining('"type"') });
    expect(readCommand({ type: 'seek', t: -1 })).toMatchObject({ ok: false, message: expect.stringContaining('whole tick') });
    expect(readCommand({ type: 'seek', t: 1.5 })).toMatchObject({ ok: false });
    expect(readCommand({ type: 'load', link: 'https://x.test/' })).toMatchObject({ ok: false, message: expect.stringContaining('#g=') });
    expect(readCommand({ type: 'fly' })).toMatchObject({ ok: false, message: expect.stringContaining('unknown message type "fly"') });
  });
});
