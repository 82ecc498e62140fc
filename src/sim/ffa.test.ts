// FF-A memory operations with Hafnium's preconditions (docs/model.md §12): every precondition both
// accepted and refused, the V/O/X modes after each step, and refusals as operation errors.

import { describe, expect, it } from 'vitest';
import { NOBODY, O, R, V, W, X } from './model/state';
import type { Engine } from './engine';
import { dmaMappers } from './memory/ffa';
import { pageIndex } from './model/pages';
import { P6 } from './policies/P6';
import {
  type OpDoc,
  type TwoVmsOptions,
  epIndex,
  firstLogAt,
  galleryScenario,
  runTo,
  stepUntil,
  modeOf,
  opErrors,
  pageAt,
  report,
  run,
  twoVmsOneDevice,
  violated,
  violationsOf,
} from '../testing/scenarios';

const BUF = 0x88000000;
const BUF_IPA = 0x48000000;
const VOX = V | O | X;

/** A, P and Q; A owns a-ram and a two-page buffer a-buf. X is A's device under P0 (no device table). */
function ffa(script: OpDoc[], o: TwoVmsOptions = {}): Engine {
  const sc = twoVmsOneDevice({
    ...o,
    endpoints: [{ id: 'Q', kind: 'vm', vmid: 3 }, ...(o.endpoints ?? [])],
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
      expect.objectContaining({ t: 2, op: 'memRetrieve', error: 'FFA_INVALID_PARAMETERS' }),
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
    expect(opErrors(before)).toEqual([expect.objectContaining({ op: 'memRelinquish', error: 'FFA_INVALID_PARAMETERS' })]);
    const donated = ffa(seq(send('memDonate'), retrieve(), relinquish()));
    expect(opErrors(donated)).toEqual([expect.objectContaining({ op: 'memRelinquish', error: 'FFA_INVALID_PARAMETERS' })]);
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
    expect(opErrors(e)).toEqual([expect.objectContaining({ t: 2, op: 'memReclaim', error: 'FFA_INVALID_PARAMETERS' })]);
    expect(vox(e, 'A')).toBe(VOX);
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

  it("relinquish is refused while the borrower's device table still maps the pages; without dmaCoupled the reclaim breaks I13", () => {
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
    expect(opErrors(on)).toEqual([
      expect.objectContaining({ t: 4, op: 'memRelinquish', error: 'FFA_DENIED' }),
      expect.objectContaining({ t: 5, op: 'memReclaim', error: 'FFA_DENIED' }),
    ]);
    expect(opErrors(on)[0].message).toMatch(/device still maps/);
    expect(violated(on).has('I13')).toBe(false);
    const off = ffa(script, { policy: 'P3', map: ['a-ram'], dmaCoupled: false, devices: [disk] });
    expect(opErrors(off)).toEqual([]);
    // The static rule breaks at the relinquish (P's table maps both pages P lost), the reclaim at t 5.
    const i13 = violationsOf(off, 'I13');
    expect(i13.map((v) => v.t)).toEqual([4, 4, 5]);
    expect(i13[0].message).toMatch(/relinquish of h by P: T\d+ \(D\) still maps 0x88000000 writable for P/);
    expect(i13[2].message).toMatch(/reclaimed by A while T\d+ maps 0x88000000/);
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
      [6, 'memRelinquish', 'FFA_INVALID_PARAMETERS'],
      [7, 'memReclaim', 'FFA_INVALID_PARAMETERS'],
    ]);
    for (const x of r.opErrors) expect(x.message.length).toBeGreaterThan(10);
    expect(e!.ops.filter((o) => o.status === 'refused').length).toBe(6);
    expect(e!.log.filter((l) => l.kind === 'opError').length).toBe(6);
    expect(vox(e!, 'A')).toBe(O | X); // the one valid lend went through
  });
});

describe("Hafnium's error codes (src/ffa_memory.c, src/api.c)", () => {
  it('a retrieve by an endpoint the sender did not list is FFA_INVALID_PARAMETERS (ffa_memory_retrieve_validate)', () => {
    const e = ffa(seq(send('memLend'), retrieve('Q')));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memRetrieve', error: 'FFA_INVALID_PARAMETERS' })]);
  });

  it('a relinquish before the retrieve, or by a non-borrower, is FFA_INVALID_PARAMETERS (ffa_memory_relinquish)', () => {
    const e = ffa(seq(send('memLend'), relinquish('P'), relinquish('Q')));
    expect(opErrors(e).map((x) => [x.t, x.error])).toEqual([
      [2, 'FFA_INVALID_PARAMETERS'],
      [3, 'FFA_INVALID_PARAMETERS'],
    ]);
  });

  it('a retrieved donation has no share state left: relinquish and reclaim name an unknown handle', () => {
    const e = ffa(seq(send('memDonate'), retrieve(), relinquish(), reclaim()));
    expect(opErrors(e).map((x) => [x.op, x.error])).toEqual([
      ['memRelinquish', 'FFA_INVALID_PARAMETERS'],
      ['memReclaim', 'FFA_INVALID_PARAMETERS'],
    ]);
  });

  it('a reclaim by anyone but the sender is FFA_INVALID_PARAMETERS (reclaim_shared_state)', () => {
    const e = ffa(seq(send('memLend'), reclaim('P')));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memReclaim', error: 'FFA_INVALID_PARAMETERS' })]);
  });

  it('a donation nobody retrieved yet can be reclaimed (reclaim_shared_state does not look at the function)', () => {
    const e = ffa(seq(send('memDonate'), reclaim()));
    expect(opErrors(e)).toEqual([]);
    expect(modeOf(e, BUF, 'A')).toBe(V | O | X | R | W);
  });

  it('a receiver listed twice is FFA_INVALID_PARAMETERS (ffa_memory_send_validate)', () => {
    const e = ffa(seq(send('memShare', ['P', 'P'])));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memShare', error: 'FFA_INVALID_PARAMETERS' })]);
  });

  it('a send to an aborted receiver is accepted: api_ffa_mem_send does not look at the receiver state', () => {
    const e = ffa(seq({ op: 'abort', endpoint: 'P' }, send('memLend')));
    expect(opErrors(e)).toEqual([]);
    expect(vox(e, 'A')).toBe(O | X);
  });
});

describe("the SPMC's rule on which worlds may send to which (ffa_memory_is_send_valid, src/ffa/spmc/ffa_memory.c)", () => {
  const S = {
    endpoints: [
      { id: 'S', kind: 'sp', vmid: 8 },
      { id: 'S2', kind: 'sp', vmid: 9 },
    ],
  };
  const sMem = { id: 's-buf', owner: 'S', pa: '0x98000000', ipa: '0x48000000', pages: 1 };
  it.each([
    ['memLend', 'A', ['S'], null],
    ['memLend', 'A', ['P', 'S'], 'FFA_DENIED'],
    ['memShare', 'A', ['P', 'S'], null],
    ['memDonate', 'A', ['S'], null],
    ['memLend', 'A', ['P'], null],
    ['memLend', 'S', ['P'], 'FFA_DENIED'],
    ['memShare', 'S', ['P'], 'FFA_DENIED'],
    ['memShare', 'S', ['S2'], null],
    ['memDonate', 'S', ['S2'], null],
  ] as const)('%s from %s to %j → %s', (op, from, to, error) => {
    const region = from === 'S' ? 's-buf' : 'a-buf';
    const e = ffa(seq({ op, from, to, region, handle: 'h' }), { ...S, memory: [sMem] });
    if (error === null) expect(opErrors(e)).toEqual([]);
    else expect(opErrors(e)).toEqual([expect.objectContaining({ op, error })]);
  });
});

describe('handles are allocated the way Hafnium allocates them (share_state_allocate, ffa_memory_handle_make)', () => {
  it('the lowest free slot, with bit 63 set when the hypervisor allocates and clear when the SPMC does', () => {
    const e = ffa(
      [
        { at: 1, op: 'memLend', from: 'A', to: ['P'], region: 'a-buf', handle: 'buf' },
        { at: 2, op: 'memShare', from: 'A', to: ['P'], region: 'a-ram', handle: 'ram' },
        { at: 3, op: 'memReclaim', by: 'A', handle: 'buf' },
        { at: 4, op: 'memLend', from: 'A', to: ['S'], region: 'a-buf', handle: 'sp' },
        { at: 5, op: 'memReclaim', by: 'A', handle: 'sp' },
        { at: 6, op: 'memLend', from: 'A', to: ['Q'], region: 'a-buf', handle: 'again' },
      ],
      { endpoints: [{ id: 'S', kind: 'sp', vmid: 8 }] },
    );
    expect(opErrors(e)).toEqual([]);
    const text = e.log.map((l) => l.text).join('\n');
    expect(text).toMatch(/handle 0x8000000000000000\(buf\)/);
    expect(text).toMatch(/handle 0x8000000000000001\(ram\)/);
    expect(text).toMatch(/handle 0x0\(sp\)/);
    expect(text).toMatch(/handle 0x8000000000000000\(again\)/);
    expect(e.state.handles.get('ram')?.value).toBe('0x8000000000000001');
  });

  it('a retrieve, relinquish or reclaim naming a transaction not sent yet is FFA_INVALID_PARAMETERS (share_state_get)', () => {
    const e = ffa(seq(retrieve(), relinquish(), reclaim(), send('memLend')));
    expect(opErrors(e).map((x) => x.error)).toEqual(['FFA_INVALID_PARAMETERS', 'FFA_INVALID_PARAMETERS', 'FFA_INVALID_PARAMETERS']);
  });
});

describe('clearing where Hafnium honours it', () => {
  const written = (...ops: Record<string, unknown>[]) =>
    ffa(seq(send('memLend'), retrieve(), { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true }, ...ops));

  it('relinquish with clear zeroes the pages when the last borrower leaves (ffa_memory_relinquish)', () => {
    const e = written({ ...relinquish(), clear: true });
    expect(opErrors(e)).toEqual([]);
    expect(pageAt(e, BUF).secret).toBe(false);
    expect(pageAt(e, BUF).dataOf).toBe(NOBODY);
  });

  it('relinquish without clear leaves the data, even when the send cleared', () => {
    const e = ffa(
      seq(
        send('memLend', ['P'], { clear: true }),
        retrieve(),
        { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true },
        relinquish(),
      ),
    );
    expect(pageAt(e, BUF).secret).toBe(true);
    expect(pageAt(e, BUF).dataOf).toBe(epIndex(e, 'P'));
  });

  it('relinquish with clear of shared memory is FFA_INVALID_PARAMETERS', () => {
    const e = ffa(seq(send('memShare'), retrieve(), { ...relinquish(), clear: true }));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memRelinquish', error: 'FFA_INVALID_PARAMETERS' })]);
    expect(vox(e, 'P')).toBe(V);
  });

  it('relinquish with clear by a read-only borrower is FFA_DENIED', () => {
    const e = ffa(seq(send('memLend', [{ id: 'P', access: 'ro' }] as never), retrieve(), { ...relinquish(), clear: true }));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memRelinquish', error: 'FFA_DENIED' })]);
  });

  it('while another borrower still holds the pages, the clear flag is ignored (no refusal, no clear)', () => {
    const e = ffa(
      seq(
        send('memLend', ['P', 'Q']),
        retrieve('P'),
        retrieve('Q'),
        { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true },
        { ...relinquish('P'), clear: true },
      ),
    );
    expect(opErrors(e)).toEqual([]);
    expect(pageAt(e, BUF).secret).toBe(true);
  });

  it.each(['memShare', 'memLend'] as const)('reclaim with clear zeroes the pages after a %s (reclaim_shared_state)', (op) => {
    const e = ffa(
      seq(send(op), retrieve(), { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true }, relinquish(), {
        ...reclaim(),
        clear: true,
      }),
    );
    expect(opErrors(e)).toEqual([]);
    expect(pageAt(e, BUF).secret).toBe(false);
    expect(pageAt(e, BUF).clearedFrom).toEqual([epIndex(e, 'P')]);
  });

  it('a retrieve asking for clear on relinquish: refused for shared memory and for a read-only borrower', () => {
    const shared = ffa(seq(send('memShare'), { ...retrieve(), clearOnRelinquish: true }));
    expect(opErrors(shared)).toEqual([expect.objectContaining({ op: 'memRetrieve', error: 'FFA_INVALID_PARAMETERS' })]);
    const ro = ffa(seq(send('memLend', [{ id: 'P', access: 'ro' }] as never), { ...retrieve(), clearOnRelinquish: true }));
    expect(opErrors(ro)).toEqual([expect.objectContaining({ op: 'memRetrieve', error: 'FFA_DENIED' })]);
  });

  it('a retrieve asking for clear on relinquish is accepted for a lend; Hafnium keeps no record of it, so only the relinquish flag clears', () => {
    const e = ffa(
      seq(
        send('memLend'),
        { ...retrieve(), clearOnRelinquish: true },
        { op: 'cpuWrite', endpoint: 'P', region: 'a-buf', secret: true },
        relinquish(),
      ),
    );
    expect(opErrors(e)).toEqual([]);
    expect(pageAt(e, BUF).secret).toBe(true);
  });
});

describe('per-receiver permissions', () => {
  it('a receiver given read-only access retrieves V + R without W, and its CPU cannot write', () => {
    const e = ffa(
      seq(send('memLend', [{ id: 'P', access: 'ro' }] as never), retrieve(), {
        op: 'cpuWrite',
        endpoint: 'P',
        region: 'a-buf',
        secret: false,
      }),
    );
    expect(modeOf(e, BUF, 'P') & (V | R | W)).toBe(V | R);
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'cpuWrite', error: 'FFA_DENIED' })]);
  });

  it('a plain id is read-write, as before', () => {
    const e = ffa(seq(send('memShare', ['P', { id: 'Q', access: 'rw' }] as never), retrieve('P'), retrieve('Q')));
    expect(modeOf(e, BUF, 'P') & (R | W)).toBe(R | W);
    expect(modeOf(e, BUF, 'Q') & (R | W)).toBe(R | W);
  });

  it('a donation with a data access given is FFA_INVALID_PARAMETERS (ffa_memory_send_validate)', () => {
    const e = ffa(seq(send('memDonate', [{ id: 'P', access: 'rw' }] as never)));
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memDonate', error: 'FFA_INVALID_PARAMETERS' })]);
  });

  it("a device table filled from the receiver's modes maps a read-only page without write", () => {
    const e = ffa(seq(send('memLend', [{ id: 'P', access: 'ro' }] as never), retrieve(), { op: 'transfer', device: 'X', to: 'P' }), {
      policy: 'P1',
      map: ['a-ram'],
    });
    const t = e.state.tables.get(e.state.devices[0].table!)!;
    const entry = [...t.map.values()].find((enc) => Math.floor(enc / 4) === BUF / 4096)!;
    expect(entry & 3).toBe(1);
  });
});

describe('abort: what an aborted partition lent out comes back once its borrowers let go', () => {
  it('reclaim is deferred while a borrower holds the pages, and happens at its relinquish (ffa_memory_reclaim_from_partition)', () => {
    // X is nobody's, so A's abort takes its memory at once (no device teardown comes first).
    const e = ffa(seq(send('memLend', ['P', 'Q']), retrieve('P'), { op: 'abort', endpoint: 'A' }, retrieve('Q'), relinquish('P')), {
      owner: null,
    });
    expect(opErrors(e)).toEqual([expect.objectContaining({ op: 'memRetrieve', t: 4, error: 'FFA_DENIED' })]);
    expect(e.state.handles.has('h')).toBe(false);
    expect(modeOf(e, BUF, 'P')).toBe(0);
    expect(pageAt(e, BUF).owner).toBe(epIndex(e, 'A'));
    expect(vox(e, 'A')).toBe(O | X); // owned again, but its stage-2 is gone
  });
});

describe('I12 forgets a clear once the page is legitimately handed back', () => {
  it("a former borrower's device writing a page it got back through a new lend is not flagged", () => {
    const disk = { id: 'D', streams: [18], owner: 'P' };
    const e = ffa(
      seq(
        send('memLend'),
        retrieve(),
        { ...relinquish(), clear: true },
        reclaim(),
        { ...send('memLend'), handle: 'h2' },
        { op: 'memRetrieve', by: 'P', handle: 'h2' },
        { op: 'program', device: 'D', by: 'P', dma: [{ iova: '0x48000000', pages: 1, dir: 'write' }] },
      ),
      { devices: [disk] },
    );
    expect(opErrors(e)).toEqual([]);
    expect(pageAt(e, BUF).lastDmaWriter?.by).toBe(epIndex(e, 'P'));
    expect(violated(e).has('I12')).toBe(false);
  });
});

describe("dmaCoupled: a page counts as mapped for DMA until the unmapping's SYNC completes", () => {
  // Loan vs shared table under P5 with dmaCoupled: the devices' boot tables map only a-ram, so the
  // buffer may be shared; P's relinquish at 160 revokes it from the GPU's shared table first.
  const coupled = () =>
    galleryScenario('loan-vs-shared', {
      edit: (d) => {
        (d.policy as Record<string, unknown>).dmaCoupled = true;
        for (const dev of d.devices as Record<string, unknown>[]) dev.map = ['a-ram'];
      },
    });
  const SHARED = 0x88000000;

  it('between the unmap and its SYNC the page still counts as mapped; after it the relinquish and the reclaim go through', () => {
    const e = run(coupled(), 160);
    const pages = [pageIndex(e.state, SHARED / 4096)];
    expect(dmaMappers(e.state, pages).length).toBeGreaterThan(0); // still in the shared table
    let sawWindow = false;
    stepUntil(e, () => {
      const inTable = [...e.state.tables.values()].some(
        (t) => t.state !== 'freed' && t.cpuOf < 0 && [...t.map.values()].some((x) => Math.floor(x / 4) === SHARED / 4096),
      );
      if (!inTable && e.state.handles.get('buf')?.receivers[0].retrieved) {
        sawWindow = true;
        expect(dmaMappers(e.state, pages).join()).toMatch(/awaits its SYNC/);
      }
      return e.state.now > 200;
    });
    expect(sawWindow).toBe(true);
    runTo(e, 400);
    expect(opErrors(e).filter((x) => x.op.startsWith('mem'))).toEqual([]);
    expect(violated(e).has('I13')).toBe(false);
  });
});

describe('P8: a reset unlocks the interface; START precedes DMA enable', () => {
  it('the gallery: the stale enable is refused, the host locks again, P verifies, START, then the STE goes valid', () => {
    const e = run(galleryScenario('attested-enable'), 400);
    expect(opErrors(e)).toEqual([expect.objectContaining({ t: 140, op: 'enable', error: 'RSI_ERROR_DEVICE' })]);
    expect(opErrors(e)[0].message).toMatch(/not locked/);
    const start = firstLogAt(e, /^start$/, 'step');
    expect(start).toBeGreaterThanOrEqual(160);
    expect(firstLogAt(e, /steWrite\(17, V=1 s2/, 'step')).toBeGreaterThan(start);
  });

  it('without the host locking again, the accept after the reset is refused and the device never gets DMA', () => {
    const e = run(galleryScenario('attested-enable', { edit: (d) => (d.script = d.script.filter((o) => o.op !== 'lock')) }), 400);
    const errs = opErrors(e);
    expect(errs.map((x) => [x.t, x.op, x.error])).toEqual([
      [140, 'enable', 'RSI_ERROR_DEVICE'],
      [150, 'accept', 'RSI_ERROR_DEVICE'],
      [160, 'enable', 'RSI_ERROR_DEVICE'],
    ]);
    expect(errs[1].message).toMatch(/must lock it again/);
    expect(firstLogAt(e, /steWrite\(17, V=1 s2/, 'step')).toBe(Infinity);
  });
});

describe('P6 is a proposal, not an FF-A ABI', () => {
  it('its summary and the loan-vs-shared text say so', () => {
    expect(P6.summary).toMatch(/FF-A-analogous proposal/);
    expect(galleryScenario('loan-vs-shared').description).toMatch(/FF-A-analogous proposal/);
  });
});
