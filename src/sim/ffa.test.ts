// FF-A memory operations with Hafnium's preconditions (DESIGN.md §2.2): every precondition both
// accepted and refused, the V/O/X modes after each step, and refusals as operation errors.

import { describe, expect, it } from 'vitest';
import { NOBODY, O, R, V, W, X } from './model/state';
import type { Engine } from './engine';
import {
  type OpDoc,
  type TwoVmsOptions,
  epIndex,
  modeOf,
  opErrors,
  pageAt,
  report,
  run,
  twoVmsOneDevice,
  violated,
} from '../testing/scenarios';

const BUF = 0x88000000;
const BUF_IPA = 0x48000000;
const VOX = V | O | X;

/** A, P and Q; A owns a-ram and a two-page buffer a-buf. X is A's device under P0 (no device table). */
function ffa(script: OpDoc[], o: TwoVmsOptions = {}): Engine {
  const sc = twoVmsOneDevice({
    ...o,
    endpoints: [{ id: 'Q', kind: 'vm', vmid: 3 }],
    memory: [{ id: 'a-buf', owner: 'A', pa: '0x88000000', ipa: '0x48000000', pages: 2 }, ...(o.memory ?? [])],
    script,
  });
  return run(sc, 200);
}

let tick = 0;
/** Script ops one tick apart, in the order written. */
function seq(...ops: Record<string, unknown>[]): OpDoc[] {
  tick = 0;
  return ops.map((x) => ({ at: ++tick, ...x }) as OpDoc);
}
const send = (op: 'memShare' | 'memLend' | 'memDonate', to: string[] = ['P'], extra: Record<string, unknown> = {}) => ({
  op,
  from: 'A',
  to,
  region: 'a-buf',
  handle: 'h',
  ...extra,
});
const retrieve = (by = 'P') => ({ op: 'memRetrieve', by, handle: 'h' });
const relinquish = (by = 'P') => ({ op: 'memRelinquish', by, handle: 'h' });
const reclaim = (by = 'A') => ({ op: 'memReclaim', by, handle: 'h' });

/** The V/O/X bits only. */
const vox = (e: Engine, id: string, pa = BUF) => modeOf(e, pa, id) & VOX;
const maps = (e: Engine, id: string, pa: number) => [...e.state.endpoints[epIndex(e, id)].s2.values()].includes(pa / 4096);

describe('send: share / lend / donate from an owner-exclusive sender', () => {
  it.each([
    ['memShare', V | O, V],
    ['memLend', O | X, V | X],
    ['memDonate', 0, V | O | X],
  ] as const)('%s: sender mode after the send, receiver mode only after its retrieve', (op, senderAfter, receiverAfter) => {
    const sent = ffa(seq(send(op)));
    expect(opErrors(sent)).toEqual([]);
    expect(vox(sent, 'A')).toBe(senderAfter);
    expect(vox(sent, 'P')).toBe(0); // FF-A's acceptance step: nothing is mapped for P yet
    expect(maps(sent, 'P', BUF)).toBe(false);

    const got = ffa(seq(send(op), retrieve()));
    expect(opErrors(got)).toEqual([]);
    expect(vox(got, 'P')).toBe(receiverAfter);
    expect(modeOf(got, BUF, 'P') & (R | W)).toBe(R | W);
    expect(maps(got, 'P', BUF)).toBe(true);
    if (op === 'memDonate') expect(pageAt(got, BUF).owner).toBe(epIndex(got, 'P'));
    else expect(pageAt(got, BUF).owner).toBe(epIndex(got, 'A'));
    // Access follows the modes: the sender keeps its CPU mapping only when it shares.
    expect(maps(got, 'A', BUF)).toBe(op === 'memShare');
  });

  it('the owner-exclusive starting point is V O X with read and write', () => {
    const e = ffa([]);
    expect(modeOf(e, BUF, 'A')).toBe(V | O | X | R | W);
    expect(modeOf(e, BUF, 'P')).toBe(0);
  });

  it.each(['memShare', 'memLend', 'memDonate'] as const)('%s is refused (FFA_DENIED) when the sender does not own the pages', (op) => {
    const e = ffa(seq({ op, from: 'P', to: ['Q'], region: 'a-buf', handle: 'h' }));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op, error: 'FFA_DENIED' })]);
    expect(opErrors(e)[0].message).toMatch(/not owner-exclusive/);
    expect(vox(e, 'A')).toBe(VOX);
  });

  it.each([
    ['memShare', 'memShare'],
    ['memShare', 'memLend'],
    ['memShare', 'memDonate'],
    ['memLend', 'memShare'],
    ['memLend', 'memLend'],
    ['memLend', 'memDonate'],
  ] as const)('after %s the sender is no longer exclusive: %s of the same pages is refused (FFA_DENIED)', (first, second) => {
    const e = ffa(seq(send(first), { ...send(second, ['Q']), handle: 'h2' }));
    const errs = opErrors(e);
    expect(errs).toEqual([expect.objectContaining({ t: 2, op: second, error: 'FFA_DENIED' })]);
    expect(e.state.handles.has('h2')).toBe(false);
  });

  it('donate needs exactly one receiver (FFA_INVALID_PARAMETERS), and nothing changes', () => {
    const e = ffa(seq(send('memDonate', ['P', 'Q'])));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memDonate', error: 'FFA_INVALID_PARAMETERS' })]);
    expect(vox(e, 'A')).toBe(VOX);
    expect(e.state.handles.size).toBe(0);
  });

  it('share and lend accept several receivers', () => {
    const e = ffa(seq(send('memShare', ['P', 'Q']), retrieve('P'), retrieve('Q')));
    expect(opErrors(e)).toEqual([]);
    expect(vox(e, 'P')).toBe(V);
    expect(vox(e, 'Q')).toBe(V);
  });

  it('clear is refused for share (FFA_INVALID_PARAMETERS)', () => {
    const e = ffa(seq(send('memShare', ['P'], { clear: true })));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memShare', error: 'FFA_INVALID_PARAMETERS' })]);
    expect(vox(e, 'A')).toBe(VOX);
  });

  it.each(['memLend', 'memDonate'] as const)('%s with clear zeroes the pages before the receiver maps them', (op) => {
    const e = ffa([
      { at: 1, op: 'cpuWrite', endpoint: 'A', region: 'a-buf', secret: true },
      { at: 2, ...send(op, ['P'], { clear: true }) },
      { at: 3, ...retrieve() },
    ]);
    expect(opErrors(e)).toEqual([]);
    const p = pageAt(e, BUF);
    expect(p.secret).toBe(false);
    expect(p.dataOf).toBe(NOBODY);
    expect(p.clearedAt).toBe(2);
  });
});

describe('retrieve, relinquish, reclaim', () => {
  it('retrieve is refused for an endpoint that is not a receiver, and a second time', () => {
    const e = ffa(seq(send('memLend'), retrieve('Q'), retrieve('P'), retrieve('P')));
    expect(opErrors(e)).toEqual([
      expect.objectContaining({ t: 2, op: 'memRetrieve', error: 'FFA_DENIED' }),
      expect.objectContaining({ t: 4, op: 'memRetrieve', error: 'FFA_DENIED' }),
    ]);
    expect(vox(e, 'Q')).toBe(0);
    expect(vox(e, 'P')).toBe(V | X);
  });

  it("the borrower maps the pages at the owner's IPA when that range is free in its stage-2", () => {
    const e = ffa(seq(send('memShare'), retrieve()));
    expect(e.state.endpoints[epIndex(e, 'P')].s2.get(BUF_IPA / 4096)).toBe(BUF / 4096);
  });

  it('relinquish unmaps the receiver: no mode bits and no stage-2 mapping left', () => {
    const e = ffa(seq(send('memLend'), retrieve(), relinquish()));
    expect(opErrors(e)).toEqual([]);
    expect(modeOf(e, BUF, 'P')).toBe(0);
    expect(modeOf(e, BUF + 4096, 'P')).toBe(0);
    expect(maps(e, 'P', BUF)).toBe(false);
    expect(maps(e, 'P', BUF + 4096)).toBe(false);
    expect(vox(e, 'A')).toBe(O | X); // still lent out until A reclaims
  });

  it('relinquish is refused before a retrieve, and for a donation (the receiver owns it)', () => {
    const before = ffa(seq(send('memLend'), relinquish()));
    expect(opErrors(before)).toEqual([expect.objectContaining({ op: 'memRelinquish', error: 'FFA_DENIED' })]);
    const donated = ffa(seq(send('memDonate'), retrieve(), relinquish()));
    expect(opErrors(donated)).toEqual([expect.objectContaining({ op: 'memRelinquish' })]);
    expect(vox(donated, 'P')).toBe(VOX);
  });

  it('reclaim is refused (FFA_DENIED) while the receiver still holds the pages, and accepted after it relinquished', () => {
    const e = ffa(seq(send('memLend'), retrieve(), reclaim(), relinquish(), reclaim()));
    const errs = opErrors(e);
    expect(errs).toEqual([expect.objectContaining({ t: 3, op: 'memReclaim', error: 'FFA_DENIED' })]);
    expect(errs[0].message).toMatch(/P still hold/);
    expect(modeOf(e, BUF, 'A')).toBe(V | O | X | R | W);
    expect(maps(e, 'A', BUF)).toBe(true);
    expect(e.state.endpoints[epIndex(e, 'A')].s2.get(BUF_IPA / 4096)).toBe(BUF / 4096);
    expect(e.state.handles.has('h')).toBe(false);
    expect(violated(e).has('I13')).toBe(false);
  });

  it('with two borrowers, reclaim waits for the last one to relinquish', () => {
    const e = ffa(seq(send('memShare', ['P', 'Q']), retrieve('P'), retrieve('Q'), relinquish('P'), reclaim(), relinquish('Q'), reclaim()));
    const errs = opErrors(e);
    expect(errs).toEqual([expect.objectContaining({ t: 5, op: 'memReclaim', error: 'FFA_DENIED' })]);
    expect(errs[0].message).toMatch(/Q still hold/);
    expect(vox(e, 'A')).toBe(VOX);
  });

  it('reclaim is accepted when nobody retrieved, and refused to anyone but the sender', () => {
    const e = ffa(seq(send('memLend'), reclaim('P'), reclaim('A')));
    expect(opErrors(e)).toEqual([expect.objectContaining({ t: 2, op: 'memReclaim', error: 'FFA_DENIED' })]);
    expect(vox(e, 'A')).toBe(VOX);
  });

  // Otherwise the lender would reclaim the borrower's data.
  it('a cleared lend is zeroed again when the last borrower relinquishes (DESIGN §2.2)', () => {
    const e = ffa(
      seq(
        send('memLend', ['P'], { clear: true }),
        retrieve(),
        { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true },
        relinquish(),
      ),
    );
    expect(opErrors(e)).toEqual([]);
    const p = pageAt(e, BUF);
    expect(p.secret).toBe(false);
    expect(p.dataOf).toBe(NOBODY);
  });
});

describe('dmaCoupled (pKVM): pages an IOMMU table maps do not change hands', () => {
  // Under P1 the device has a table of its own; the manifest maps only a-ram into it.
  const coupled = (dmaCoupled: boolean, script: OpDoc[]) => ffa(script, { policy: 'P1', map: ['a-ram'], dmaCoupled });

  it.each(['memLend', 'memDonate'] as const)("%s of a page X's table maps is refused; an unmapped page may go", (op) => {
    const e = coupled(true, [
      { at: 1, op, from: 'A', to: ['P'], region: 'a-ram', handle: 'h1' },
      { at: 2, op, from: 'A', to: ['P'], region: 'a-buf', handle: 'h2' },
    ]);
    expect(opErrors(e)).toEqual([expect.objectContaining({ t: 1, op, error: 'FFA_DENIED' })]);
    expect(opErrors(e)[0].message).toMatch(/mapped for DMA/);
    expect(vox(e, 'A', 0x80000000)).toBe(VOX);
    expect(e.state.handles.has('h2')).toBe(true);
  });

  it.each(['memLend', 'memDonate'] as const)('without dmaCoupled the same %s goes through', (op) => {
    const e = coupled(false, [{ at: 1, op, from: 'A', to: ['P'], region: 'a-ram', handle: 'h1' }]);
    expect(opErrors(e)).toEqual([]);
  });

  it("reclaim is refused while a borrower's device table still maps the pages", () => {
    // P3: P's disk has a table of its own; P maps the borrowed buffer into it, then gives it back.
    const script: OpDoc[] = [
      { at: 1, op: 'memShare', from: 'A', to: ['P'], region: 'a-buf', handle: 'h' },
      { at: 2, op: 'memRetrieve', by: 'P', handle: 'h' },
      { at: 3, op: 'map', device: 'D', by: 'P', region: 'a-buf' },
      { at: 4, op: 'memRelinquish', by: 'P', handle: 'h' },
      { at: 5, op: 'memReclaim', by: 'A', handle: 'h' },
    ];
    const disk = { id: 'D', streams: [18], owner: 'P', map: ['p-ram'] };
    const on = ffa(script, { policy: 'P3', map: ['a-ram'], dmaCoupled: true, devices: [disk] });
    expect(opErrors(on)).toEqual([expect.objectContaining({ t: 5, op: 'memReclaim', error: 'FFA_DENIED' })]);
    expect(opErrors(on)[0].message).toMatch(/borrower's device still maps/);
    const off = ffa(script, { policy: 'P3', map: ['a-ram'], dmaCoupled: false, devices: [disk] });
    expect(opErrors(off)).toEqual([]);
  });
});

describe('refusals are operation errors, never exceptions', () => {
  it('a script of bad FF-A calls runs to the end and reports each refusal with its code and a reason', () => {
    const script = seq(
      { op: 'memRetrieve', by: 'P', handle: 'h' }, // before the handle exists
      send('memDonate', ['P', 'Q'], { handle: 'h2' }),
      send('memShare', ['P'], { clear: true, handle: 'h3' }),
      { op: 'memLend', from: 'P', to: ['Q'], region: 'a-buf', handle: 'h4' },
      send('memLend'),
      relinquish('Q'),
      reclaim('Q'),
    );
    let e: Engine | undefined;
    expect(() => (e = ffa(script))).not.toThrow();
    const r = report(e!);
    expect(r.opErrors.map((x) => [x.t, x.op, x.error])).toEqual([
      [1, 'memRetrieve', 'FFA_INVALID_PARAMETERS'],
      [2, 'memDonate', 'FFA_INVALID_PARAMETERS'],
      [3, 'memShare', 'FFA_INVALID_PARAMETERS'],
      [4, 'memLend', 'FFA_DENIED'],
      [6, 'memRelinquish', 'FFA_DENIED'],
      [7, 'memReclaim', 'FFA_DENIED'],
    ]);
    for (const x of r.opErrors) expect(x.message.length).toBeGreaterThan(10);
    expect(e!.ops.filter((o) => o.status === 'refused').length).toBe(6);
    expect(e!.log.filter((l) => l.kind === 'opError').length).toBe(6);
    expect(vox(e!, 'A')).toBe(O | X); // the one valid lend went through
  });
});
