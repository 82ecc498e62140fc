// The store over the in-process engine host: opening scenarios, policy and mutation switches,
// live operations inserted into the script, refused edits, layout, autosave.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, loadAutosave, useApp } from './appStore';
import { inProcessClient, type SimClient } from '../worker/client';
import { Router, type OverlayFrame } from '../worker/route';
import { Server } from '../worker/serve';
import type { Request, Response } from '../worker/protocol';
import { galleryEntry } from '../scenario/gallery';
import { readDocument } from '../scenario/read';
import { memoryStorage } from '../testing/storage';
import { scenarioFragment, toBase64Url } from '../scenario/codec';
import { crc32 } from '../scenario/crc32';
import { deflateSync } from 'fflate';

const storage = memoryStorage();

/** Waits until the engine host has answered everything sent so far. */
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  storage.clear();
  useApp.getState().reset();
  useApp.getState().connect(inProcessClient());
  useApp.getState().openGallery('seed-attack');
  await settle();
});

const state = () => useApp.getState();
/** The session's frame bus and painter channel. */
const session = () => state().session!;

describe('app store', () => {
  it('opens a gallery scenario and receives its run', () => {
    expect(state().galleryId).toBe('seed-attack');
    expect(state().host).toBe('in-process');
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(true);
    expect(state().view!.devices[0].id).toBe('X');
  });

  it('a new view keeps every part that did not change as the object the store already has', async () => {
    state().seek(40);
    await settle();
    const before = state().view!;
    state().seek(41);
    await settle();
    const after = state().view!;
    expect(after.now).toBe(41);
    expect(after.endpoints).toBe(before.endpoints);
    expect(after.regions).toBe(before.regions);
    expect(after.devices.filter((d, i) => d === before.devices[i]).length).toBeGreaterThan(0);
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
    const errors = state().open(readDocument({ ...galleryEntry('seed-attack')!.doc, devices: [{ id: 'X', streams: [17], owner: 'Q' }] }));
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
    expect(loadAutosave()).toEqual({
      galleryId: 'seed-attack',
      dirty: true,
      edited: true,
      raw: storage.get(AUTOSAVE_KEY),
      read: expect.objectContaining({ ok: true, document: state().doc }),
    });
  });

  it('remembers the scenario as opened, which an edit does not change (the canvas fits the view to an opened one)', async () => {
    const opened = state().opened;
    expect(opened).toBe(state().scenario);
    state().setPolicy('P1');
    await settle();
    expect(state().scenario).not.toBe(opened);
    expect(state().opened).toBe(opened);
    state().openGallery('vmid-reuse');
    await settle();
    expect(state().opened).toBe(state().scenario);
    expect(state().opened!.title).not.toBe(opened!.title);
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
    expect(state().linkFragment()).toBe('g=seed-attack@1');
    state().setPolicy('P2');
    await settle();
    const f = state().linkFragment()!;
    expect(f).toMatch(/^s=2\./);
    state().openGallery('vmid-reuse');
    await settle();
    expect(state().openLink('#' + f)).toBe(true);
    await settle();
    expect(state().scenario!.title).toBe("The seed's attack");
    expect(state().scenario!.policy.id).toBe('P2');
  });

  it('a link too large to decode at once opens when decoded, and a bomb is refused then', async () => {
    const seed = galleryEntry('seed-attack')!.doc;
    const captions = Array.from({ length: 200 }, (_, i) => ({ at: i, text: `caption ${i} `.padEnd(400, '.') }));
    const big = readDocument({ ...seed, title: 'Many captions', captions });
    if (!big.ok) throw new Error(big.errors[0].message);
    const opened = state().openLink('#' + scenarioFragment(big.scenario));
    expect(opened).toBeInstanceOf(Promise);
    expect(state().scenario!.title).toBe("The seed's attack");
    expect(await opened).toBe(true);
    await settle();
    expect(state().scenario!.title).toBe('Many captions');

    const zeros = deflateSync(new Uint8Array(10_000_000));
    const payload = new Uint8Array(zeros.length + 4);
    payload.set(zeros);
    new DataView(payload.buffer).setUint32(zeros.length, crc32(zeros));
    expect(await state().openLink(`#s=2.${toBase64Url(payload)}`)).toBe(false);
    await settle();
    expect(state().notice?.text).toBe(
      'This link is too large: it expands past 2,000,000 bytes, the limit for a scenario. Your current work is unchanged.',
    );
    expect(state().scenario!.title).toBe('Many captions');
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

describe('playing', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('Play shows at once, and the run starts after the next frame', async () => {
    state().togglePlay();
    expect(state().playing).toBe(true);
    // The panels' playhead moves with the views, a few a second.
    await vi.waitFor(() => expect(state().clock).toBeGreaterThan(0), { timeout: 2000 });
    expect(state().playing).toBe(true);
    state().togglePlay();
    await sleep(40);
    expect(state().playing).toBe(false);
  });

  it('a speed asked of the host holds while frames it sent before hearing it arrive', async () => {
    const held: Request[] = [];
    const c = inProcessClient();
    const send = (r: Request) => (r.type === 'speed' ? void held.push(r) : c.send(r));
    state().connect({ ...c, kind: c.kind, send, onResponse: c.onResponse, dispose: c.dispose });
    await vi.waitFor(() => expect(state().view).not.toBeNull());
    state().setSpeed(5);
    state().seek(30); // answered with a frame at the old speed
    await vi.waitFor(() => expect(state().clock).toBe(30));
    expect(state().speed).toBe(5);
    for (const r of held.splice(0)) c.send(r);
    state().seek(31);
    await vi.waitFor(() => expect(state().clock).toBe(31));
    expect(state().speed).toBe(5);
  });

  it('paused before the run started, it does not start', async () => {
    state().togglePlay();
    state().togglePlay();
    await sleep(400); // longer than a view's interval: a run that started would have moved the playhead
    expect(state().playing).toBe(false);
    expect(state().clock).toBe(0);
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
  });
});

describe('a load the engine host cannot run', () => {
  /**
   * The in-process host, whose engine fails on a scenario titled "explodes": the load it is sent
   * carries no endpoints, so building the engine throws inside the host, as a bug would.
   */
  function explodingClient(): SimClient {
    const c = inProcessClient();
    const send = (r: Request) =>
      c.send(r.type === 'load' && r.scenario.title === 'explodes' ? { ...r, scenario: { ...r.scenario, endpoints: null as never } } : r);
    return { ...c, kind: c.kind, send, onResponse: c.onResponse, dispose: c.dispose };
  }

  beforeEach(async () => {
    state().connect(explodingClient());
    state().openGallery('seed-attack');
    await settle();
  });

  it('leaves no run on screen and names the error; the document stays, and the old run sends no frame', async () => {
    state().seek(60);
    await settle();
    expect(state().view).not.toBeNull();
    const frames: unknown[] = [];
    session().frames.subscribe((f) => void frames.push(f));
    state().edit('Rename', (d) => {
      d.title = 'explodes';
    });
    await settle();
    expect(state().doc!.title).toBe('explodes');
    expect(state().view).toBeNull();
    expect(state().summary).toBeNull();
    expect(state().playing).toBe(false);
    expect(state().notice).toEqual({ kind: 'error', text: expect.stringContaining('could not be run') });
    expect(session().frames.latest).toBeNull();
    // Whatever the page asks now, no frame of the old run comes back.
    state().seek(30);
    state().step('tick');
    state().setSpeed(100);
    await settle();
    expect(frames.filter((f) => f !== null)).toEqual([]);
    expect(state().view).toBeNull();
    expect(state().summary).toBeNull();
    expect(state().notice?.text).toContain('could not be run');
  });

  it('runs again once the document is fixed', async () => {
    state().edit('Rename', (d) => {
      d.title = 'explodes';
    });
    await settle();
    expect(state().view).toBeNull();
    state().undo();
    await settle();
    expect(state().doc!.title).toBe("The seed's attack");
    expect(state().view).not.toBeNull();
    expect(state().summary!.violations.some((v) => v.number === 'I1b')).toBe(true);
  });
});

describe('a painter with its own channel to the engine', () => {
  /** The worker's routing in-process; `asked` lists the requests the store sent; `hung()` true stops all answers. */
  function routedClient(asked: Request['type'][], hung = () => false): SimClient {
    let cb: (r: Response) => void = () => {};
    const router = new Router(new Server(), (r) => void (hung() || cb(r)));
    return {
      kind: 'in-process',
      send: (req) => {
        asked.push(req.type);
        queueMicrotask(() => router.fromApp(structuredClone(req)));
      },
      connectOverlay: (port) =>
        queueMicrotask(() => {
          router.fromApp({ type: 'overlay', port });
          // The painter's requests, dropped while hung.
          const handle = port?.onmessage;
          if (port && handle) port.onmessage = (e) => void (hung() || handle.call(port, e));
        }),
      onResponse: (f) => void (cb = f),
      dispose: () => {},
    };
  }

  it('gets every frame while playing, asking for them itself; the store gets the views and asks for none', async () => {
    const asked: Request['type'][] = [];
    state().connect(routedClient(asked));
    state().openGallery('seed-attack');
    await vi.waitFor(() => expect(state().summary).not.toBeNull());
    const painted: OverlayFrame[] = [];
    let port: MessagePort | null = null;
    const detach = session().attachPainter((p) => {
      port = p;
      p.onmessage = (e: MessageEvent<OverlayFrame>) => void painted.push(e.data);
    });
    try {
      await vi.waitFor(() => expect(painted).toHaveLength(1)); // the frame at the playhead
      state().setSpeed(200);
      state().play();
      await vi.waitFor(() => expect(session().frames.latest?.playing).toBe(true));
      expect(session().frames.latest!.direct).toBe(true);
      // The painter's animation frames, one request each.
      for (let i = 0; i < 8; i++) {
        const n = painted.length;
        port!.postMessage({ type: 'frame', ms: 50 });
        await vi.waitFor(() => expect(painted.length).toBe(n + 1));
      }
      const last = painted[painted.length - 1];
      expect(last.playing).toBe(true);
      expect(last.clock).toBeGreaterThanOrEqual(80);
      expect(painted.some((f) => f.inflight.length > 0)).toBe(true);
      // The store asked for no frame; what it shows came with the views, without transactions.
      expect(asked).not.toContain('frame');
      expect(session().frames.latest!.inflight).toHaveLength(0);
      state().pause();
      await vi.waitFor(() => expect(state().playing).toBe(false));
    } finally {
      detach();
      port!.close();
    }
  });

  it('a host that hangs mid-run is asked after a second without a view, and replaced when it does not answer', async () => {
    const asked: Request['type'][] = [];
    let hang = false;
    let made = 0;
    const factory = () => (made++ === 0 ? routedClient(asked, () => hang) : inProcessClient());
    vi.useFakeTimers({ toFake: ['setInterval', 'performance'] });
    let port: MessagePort | null = null;
    state().connect(factory(), factory);
    const detach = session().attachPainter((p) => (port = p));
    try {
      state().openGallery('seed-attack');
      await vi.waitFor(() => expect(state().summary).not.toBeNull());
      state().play();
      await vi.waitFor(() => expect(session().frames.latest).toMatchObject({ playing: true, direct: true }));
      hang = true;
      vi.advanceTimersByTime(750);
      expect(asked).not.toContain('frame');
      vi.advanceTimersByTime(500); // over a second without a view: the store asks
      expect(asked).toContain('frame');
      expect(made).toBe(1);
      vi.advanceTimersByTime(2250);
      expect(made).toBe(2);
      expect(state().notice?.text).toMatch(/stopped answering for 2 s/);
    } finally {
      vi.useRealTimers();
      detach();
      (port as MessagePort | null)?.close();
    }
  });
});

describe('a run computed in the background', () => {
  /** The in-process host, with a way to send the page what a host computing a long run sends unasked. */
  function injectable(): { client: SimClient; emit: (r: Response) => void } {
    const inner = inProcessClient();
    let cb: (r: Response) => void = () => {};
    inner.onResponse((r) => cb(r));
    return { client: { ...inner, kind: inner.kind, onResponse: (f) => void (cb = f) }, emit: (r) => cb(r) };
  }

  it('the readout follows every progress summary; the panels take one with news, not each one', async () => {
    const { client, emit } = injectable();
    state().connect(client);
    state().openGallery('seed-attack');
    await settle();
    const loaded = state().summary!;
    const progress = (scoutedTo: number, extra: Partial<typeof loaded> = {}) =>
      emit({ type: 'progress', summary: { ...loaded, scoutedTo, complete: false, ...extra } });
    progress(100);
    expect(state().computedTo).toBe(100);
    expect(state().summary).toBe(loaded);
    progress(200);
    expect(state().computedTo).toBe(200);
    expect(state().summary).toBe(loaded);
    // A new violation is news at once.
    progress(300, { violations: [...loaded.violations, loaded.violations[0]] });
    expect(state().summary!.scoutedTo).toBe(300);
    // So is the end of the computation.
    emit({ type: 'progress', summary: { ...loaded, scoutedTo: loaded.horizon, complete: true } });
    expect(state().computedTo).toBeNull();
    expect(state().summary!.complete).toBe(true);
  });
});
