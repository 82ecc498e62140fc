// The store over the in-process engine host: opening scenarios, policy and mutation switches,
// live operations inserted into the script, refused edits, layout, autosave.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, frames, loadAutosave, useApp } from './appStore';
import { inProcessClient, type SimClient } from '../worker/client';
import { Server } from '../worker/serve';
import { deliver } from '../worker/route';
import type { Frame, OverlayMessage, Request, Response } from '../worker/protocol';
import { galleryEntry } from '../scenario/gallery';

const storage = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  },
});

/** Waits until the engine host has answered everything sent so far. */
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  storage.clear();
  useApp.getState().connect(inProcessClient());
  useApp.getState().openGallery('seed-attack');
  await settle();
});

const state = () => useApp.getState();

describe('app store', () => {
  it('opens a gallery scenario and receives its run', () => {
    expect(state().galleryId).toBe('seed-attack');
    expect(state().host).toBe('in-process');
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(true);
    expect(state().view!.devices[0].id).toBe('X');
  });

  it('switching the policy re-runs: P1 keeps I1b', async () => {
    state().setPolicy('P1');
    await settle();
    expect(state().scenario!.policy.id).toBe('P1');
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(false);
  });

  it('a mutation toggles on and off', async () => {
    state().setPolicy('P3');
    state().toggleMutation('skip-sync');
    await settle();
    expect(state().scenario!.policy.mutations).toEqual(['skip-sync']);
    state().toggleMutation('skip-sync');
    await settle();
    expect(state().scenario!.policy.mutations).toEqual([]);
  });

  it('a live operation is inserted into the script at the playhead and is in the run', async () => {
    state().seek(20);
    await settle();
    expect(state().clock).toBe(20);
    state().applyLive({
      at: 0,
      op: 'program',
      device: 'X',
      by: 'A',
      dma: [{ iova: 0x40001000, pages: 1, dir: 'write', loop: false, every: 5 }],
    });
    await settle();
    const script = state().doc!.script as { at: number; op: string; dma?: { iova: string }[] }[];
    const inserted = script.find((o) => o.at === 20 && o.op === 'program');
    expect(inserted?.dma?.[0].iova).toBe('0x40001000');
    expect(state().summary!.ops.some((o) => o.t === 20 && o.op.op === 'program')).toBe(true);
    expect(state().clock).toBe(20);
  });

  it('an edit that would make the scenario invalid is refused with a message; the document stays', async () => {
    const before = state().doc;
    state().applyLive({ at: 0, op: 'transfer', device: 'X', to: 'Nobody' });
    await settle();
    expect(state().doc).toBe(before);
    expect(state().notice).toEqual({ kind: 'error', text: expect.stringContaining('no endpoint "Nobody"') });
  });

  it('opening an invalid document names the problem and keeps the current work', () => {
    const before = state().doc;
    const errors = state().open({ ...galleryEntry('seed-attack')!.doc, devices: [{ id: 'X', streams: [17], owner: 'Q' }] });
    expect(errors).toEqual(['devices[0].owner: no endpoint "Q"']);
    expect(state().doc).toBe(before);
    expect(state().notice?.text).toContain('devices[0].owner');
  });

  it('moving a node changes the layout only, and is autosaved', () => {
    const summary = state().summary;
    state().moveNode('A', [123.4, 456.7]);
    expect(state().scenario!.layout.A).toEqual([123, 457]);
    expect(state().summary).toBe(summary);
    expect(JSON.parse(storage.get(AUTOSAVE_KEY)!).doc.layout.A).toEqual([123, 457]);
    expect(loadAutosave()).toEqual({ version: 1, galleryId: 'seed-attack', doc: state().doc, dirty: true });
  });

  it('frames update the view with structural sharing: unchanged parts keep their identity', async () => {
    state().seek(100);
    await settle();
    const endpoints = state().view!.endpoints;
    state().seek(101);
    await settle();
    expect(state().view!.endpoints).toBe(endpoints);
  });
});

describe('undo history', () => {
  it('undoes and redoes edits in order, with their labels', async () => {
    state().setPolicy('P3');
    await settle();
    state().toggleMutation('skip-sync');
    await settle();
    expect(state().past.map((p) => p.label)).toEqual(['Policy P3', 'Mutation skip-sync']);
    state().undo();
    await settle();
    expect(state().scenario!.policy).toMatchObject({ id: 'P3', mutations: [] });
    state().undo();
    await settle();
    expect(state().scenario!.policy.id).toBe('P0');
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(true); // the run follows
    state().redo();
    state().redo();
    await settle();
    expect(state().scenario!.policy).toMatchObject({ id: 'P3', mutations: ['skip-sync'] });
    expect(state().future).toEqual([]);
  });

  it('a new edit after an undo drops the redo branch', async () => {
    state().setPolicy('P1');
    state().undo();
    state().setPolicy('P2');
    await settle();
    expect(state().future).toEqual([]);
    expect(state().past.map((p) => p.label)).toEqual(['Policy P2']);
  });

  it('a drag is one step, and undoing it does not re-run the engine', async () => {
    state().moveNode('X', [10, 20]);
    const summary = state().summary;
    state().undo();
    await settle();
    expect(state().scenario!.layout.X).toBeUndefined();
    expect(state().summary).toBe(summary);
    state().redo();
    expect(state().scenario!.layout.X).toEqual([10, 20]);
  });

  it('placing many nodes at once (arranging the canvas) is one step to undo', async () => {
    const summary = state().summary;
    state().placeNodes({ A: [0, 0], X: [300.2, 40], P: [0, 200] }, 'Arrange in columns');
    expect(state().scenario!.layout).toMatchObject({ A: [0, 0], X: [300, 40], P: [0, 200] });
    expect(state().past.at(-1)!.label).toBe('Arrange in columns');
    expect(state().summary).toBe(summary);
    state().undo();
    await settle();
    expect(state().scenario!.layout.A).toBeUndefined();
    expect(state().scenario!.layout.X).toBeUndefined();
  });

  it('a refused edit leaves no history entry', () => {
    state().edit('Break it', (d) => {
      (d.devices as { owner: string }[])[0].owner = 'Nobody';
    });
    expect(state().past).toEqual([]);
    expect(state().notice?.text).toBe('Break it: refused — devices[0].owner: no endpoint "Nobody"');
  });

  it('opening another scenario starts a fresh history, keeping edited work in My scenarios', async () => {
    state().setPolicy('P5');
    await settle();
    state().openGallery('quarantine');
    await settle();
    expect(state().past).toEqual([]);
    expect(state().library.map((e) => e.name)).toEqual(["The seed's attack (edited)"]);
  });
});

describe('links and files', () => {
  it('an unedited gallery scenario links by id; an edited one carries the document', async () => {
    expect(state().linkFragment()).toBe('g=seed-attack');
    state().setPolicy('P2');
    await settle();
    const f = state().linkFragment()!;
    expect(f).toMatch(/^s=1\./);
    state().openGallery('vmid-reuse');
    await settle();
    expect(state().openLink('#' + f)).toBe(true);
    await settle();
    expect(state().scenario!.title).toBe("The seed's attack");
    expect(state().scenario!.policy.id).toBe('P2');
  });

  it('a bad file names the problem and keeps the work', () => {
    const before = state().doc;
    expect(state().importText('{"format":"dma-handoff/scenario","version":1,"endpoints":[]}', 'empty.json')).toBe(false);
    expect(state().notice?.text).toBe(
      'empty.json: Not a valid scenario — endpoints: needs at least 1 item Your current work is unchanged.',
    );
    expect(state().doc).toBe(before);
  });
});

describe('engine host failures', () => {
  it('a host that stops answering is replaced within two seconds and reloaded at the playhead', async () => {
    state().seek(50);
    await settle();
    const doc = state().doc;
    vi.useFakeTimers({ toFake: ['setInterval', 'performance'] });
    try {
      const made: string[] = [];
      // The first host answers the load, then hangs on the next request.
      const factory = () => {
        made.push('client');
        const first = made.length === 1;
        const c = inProcessClient();
        return {
          ...c,
          kind: c.kind,
          send: (r: Parameters<typeof c.send>[0]) => (first && r.type === 'step' ? undefined : c.send(r)),
          onResponse: c.onResponse,
          dispose: c.dispose,
        };
      };
      state().connect(factory(), factory);
      await vi.waitFor(() => expect(state().summary).not.toBeNull());
      state().step('tick'); // never answered
      vi.advanceTimersByTime(1500);
      expect(made).toHaveLength(1);
      vi.advanceTimersByTime(1000);
      expect(made).toHaveLength(2);
      expect(state().notice?.text).toMatch(/stopped answering for 2 s\. It was restarted at t=50; your scenario is unchanged\./);
      expect(state().doc).toBe(doc);
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(state().clock).toBe(50);
    useApp.getState().connect(inProcessClient());
  });
});

/**
 * An engine host that can be linked like the worker (engine.worker.ts): the same Server and routing,
 * in-process. `paint()` is the painter asking for a frame over the link.
 */
function linkableClient() {
  const server = new Server();
  let cb: (r: Response) => void = () => {};
  let port: MessagePort | null = null;
  const sent: Request[] = [];
  const toOverlay: OverlayMessage[] = [];
  const outbox = () => ({ app: (r: Response) => cb(r), overlay: port === null ? null : (m: OverlayMessage) => void toOverlay.push(m) });
  const client: SimClient & { sent: Request[]; toOverlay: OverlayMessage[]; ports: (MessagePort | null)[]; paint(): void; crash(): void } =
    {
      kind: 'worker',
      sent,
      toOverlay,
      ports: [],
      send: (req) => {
        sent.push(req);
        queueMicrotask(() => deliver(server.handle(structuredClone(req)), 'app', outbox()));
      },
      link: (p) => {
        port = p;
        client.ports.push(p);
      },
      paint: () => deliver(server.handle({ type: 'frame', ms: 16 }), 'overlay', outbox()),
      crash: () => cb({ type: 'crashed', message: 'gone' }),
      onResponse: (f) => void (cb = f),
      dispose: () => {},
    };
  return client;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the overlay linked to the engine', () => {
  const channels: MessageChannel[] = [];
  const make = () => {
    const ch = new MessageChannel();
    channels.push(ch);
    return ch.port1;
  };
  const cleanup = () => {
    state().linkOverlay(null);
    channels.splice(0).forEach((ch) => (ch.port1.close(), ch.port2.close()));
    state().connect(inProcessClient());
  };

  it('cannot link to an in-process engine: frames keep coming through the store', async () => {
    expect(state().linkOverlay(make)).toBe(false);
    const got: (Frame | null)[] = [];
    const off = frames.subscribe((f) => got.push(f));
    state().seek(62);
    await settle();
    off();
    expect(got.at(-1)!.inflight.length).toBeGreaterThan(0);
    cleanup();
  });

  it('linked, the store neither asks for frames nor hands them on; views still reach the panels', async () => {
    const c = linkableClient();
    state().connect(c);
    state().openGallery('stale-atc');
    await settle();
    expect(state().linkOverlay(make)).toBe(true);
    expect(c.ports).toHaveLength(1);
    const got: (Frame | null)[] = [];
    const off = frames.subscribe((f) => got.push(f));
    state().togglePlay();
    await sleep(80); // several animation frames' worth
    expect(state().playing).toBe(true);
    expect(c.sent.filter((r) => r.type === 'frame')).toEqual([]);
    expect(got).toEqual([]);
    expect(c.toOverlay.at(-1)).toMatchObject({ type: 'frame', playing: true });
    // The painter paces the run; the panels follow the frames that carry a view.
    const clock = state().clock;
    await sleep(260);
    c.paint();
    expect(state().clock).toBeGreaterThan(clock);
    expect(got).toEqual([]);
    // Unlinked during play, the store paces the run again.
    state().linkOverlay(null);
    expect(c.ports.at(-1)).toBeNull();
    await sleep(80);
    expect(c.sent.filter((r) => r.type === 'frame').length).toBeGreaterThan(0);
    expect(got.length).toBeGreaterThan(0);
    off();
    state().togglePlay();
    await sleep(40);
    cleanup();
  });

  it('a replaced engine is linked again; a stalled link replaces the engine', async () => {
    const made: ReturnType<typeof linkableClient>[] = [];
    const factory = () => {
      const c = linkableClient();
      made.push(c);
      return c;
    };
    state().connect(factory(), factory);
    await settle();
    state().linkOverlay(make);
    made[0].crash();
    expect(made).toHaveLength(2);
    expect(made[1].ports).toHaveLength(1);
    expect(made[1].ports[0]).not.toBe(made[0].ports[0]);
    state().overlayStalled(2300);
    expect(made).toHaveLength(3);
    expect(made[2].ports).toHaveLength(1);
    expect(state().notice?.text).toMatch(
      /^The simulation stopped answering for 2 s\. It was restarted at t=\d+; your scenario is unchanged\.$/,
    );
    await settle();
    cleanup();
  });
});
