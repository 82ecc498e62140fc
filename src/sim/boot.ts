// Builds the engine state for a scenario: endpoints with their CPU stage-2, pages with their owners'
// modes, devices with their boot tables and STEs (as the policy sets them up), and the SMMU with
// the scenario's settings — as changed by the mutations that act on settings.

import { newHash } from './core/hash';
import { seedRng } from './core/rng';
import { CH_WINDOW, chooseFixed, newChoices } from './core/choice';
import { FIRST, newTimeQueue } from './core/timeQueue';
import { EV_SCRIPT, schedule } from './model/events';
import { HYP, NOBODY, OWNER_EXCLUSIVE, PAGE, QUARANTINE, type Device, type Endpoint, type SimState } from './model/state';
import type { Scenario } from './model/scenario';
import { policyFor } from './policies';
import { createTable, fillFromOwner, chooseVmid, mapRegion } from './smmu/tables';
import { cpuTable } from './hyp/steps';
import { afterSteWrite, checkGbpa } from './invariants/config';
import { log } from './model/log';

export function boot(sc: Scenario, deviations: ReadonlyMap<number, number> | null = null, record = false): SimState {
  const mutations = new Set<string>(sc.policy.mutations);
  const endpoints: Endpoint[] = [
    { id: 'hyp', kind: 'hyp', name: 'Hypervisor', vmid: 0, lifecycle: 'running', s2: new Map() },
    { id: 'quarantine', kind: 'quarantine', name: 'Quarantine', vmid: 0, lifecycle: 'running', s2: new Map() },
    ...sc.endpoints.map((e): Endpoint => ({ id: e.id, kind: e.kind, name: e.name, vmid: e.vmid, lifecycle: 'running', s2: new Map() })),
  ];
  const epIndex = new Map(endpoints.map((e, i) => [e.id, i]));
  const retention = sc.smmu.cacheRetention === 'adversarial' ? 0 : Number(sc.smmu.cacheRetention.slice(4));

  const s: SimState = {
    scenario: sc,
    now: 0,
    rng: seedRng(sc.seed),
    choices: newChoices(deviations, record),
    hash: newHash(),
    queue: newTimeQueue(),
    endpoints,
    epIndex,
    regions: [],
    pages: [],
    pfnToPage: new Map(),
    tables: new Map(),
    nextTable: 1,
    vmidBase: Math.max(0, ...sc.endpoints.map((e) => e.vmid)) + 1,
    vmidsInUse: new Map(sc.endpoints.map((e) => [e.vmid, `S2:${e.id}`])),
    smmu: {
      enabled: sc.smmu.enabled,
      gbpa: mutations.has('gbpa-bypass') ? 'bypass' : sc.smmu.gbpa,
      unassigned: mutations.has('unassigned-bypass') ? 'bypass' : sc.smmu.unassigned,
      atsCheck: mutations.has('ats-unchecked') ? false : sc.smmu.atsCheck,
      recCfgAts: sc.smmu.recCfgAts,
      retention,
      freedTables: sc.smmu.freedTables,
    },
    freedUnused: [],
    s2Record: policyFor(sc.policy).s2Record,
    streamTable: new Map(),
    cfgCache: new Map(),
    tlb: new Map(),
    nextCacheId: 1,
    cmdq: {
      queue: [],
      busy: false,
      drain: new Set(),
      pending: [],
      atcPending: 0,
      atcAwaited: [],
      cerrors: 0,
      waitingSync: -1,
      nextId: 1,
      consumed: 0,
    },
    eventq: {
      records: [],
      capacity: mutations.has('eventq-1') ? 1 : sc.smmu.eventQueue,
      drainScheduled: false,
      ovflg: false,
      ovackflg: false,
      overflows: 0,
    },
    devices: [],
    devIndex: new Map(sc.devices.map((d, i) => [d.id, i])),
    sidToDevice: new Map(),
    txns: new Map(),
    nextTxn: 1,
    counters: { issued: 0, committed: 0, aborted: 0, recorded: 0, suppressed: 0, dropped: 0 },
    handles: new Map(),
    jobs: new Map(),
    jobQueue: [],
    runningJob: -1,
    nextJob: 1,
    ops: [],
    bucket: [FIRST],
    bucketPos: FIRST,
    bucketAt: -1,
    processed: 0,
    nextScript: 0,
    log: [],
    logDropped: 0,
    events: [],
    eventsDropped: 0,
    violations: [],
    violationIndex: new Map(),
    nonceCounter: 0,
    ended: null,
    spareTxns: [],
    mutations,
  };

  // Memory: pages with their owner's exclusive mode, mapped in the owner's CPU stage-2.
  sc.memory.forEach((r, ri) => {
    const owner = epIndex.get(r.owner) ?? HYP;
    s.regions.push({ id: r.id, firstPage: s.pages.length, pages: r.pages, ipa: r.ipa, owner, pa: r.pa });
    for (let k = 0; k < r.pages; k++) {
      const pfn = r.pa / PAGE + k;
      const modes = new Array<number>(endpoints.length).fill(0);
      modes[owner] = OWNER_EXCLUSIVE;
      s.pfnToPage.set(pfn, s.pages.length);
      s.pages.push({
        pfn,
        region: ri,
        kind: r.kind,
        owner,
        modes,
        dataOf: owner,
        secret: r.secret,
        lastDmaWriter: null,
        clearedFrom: [],
        clearedAt: -1,
      });
      if (owner !== HYP) endpoints[owner].s2.set(r.ipa / PAGE + k, pfn);
    }
  });

  const policy = policyFor(sc.policy);
  const ignoresReset = mutations.has('device-ignores-reset');
  sc.devices.forEach((spec, di) => {
    const owner = spec.owner === null ? NOBODY : (epIndex.get(spec.owner) ?? NOBODY);
    const d: Device = {
      id: spec.id,
      name: spec.name,
      streams: spec.streams,
      group: spec.group,
      owner,
      dmaOwner: owner,
      assign: owner === NOBODY ? 'unassigned' : 'assigned',
      pendingFor: NOBODY,
      lender: NOBODY,
      busMaster: true,
      paused: false,
      resetting: false,
      resetBehaviour: ignoresReset ? 'ignores-reset' : spec.reset,
      ats: spec.ats,
      atsEnabled: false,
      atcOnReset: spec.atcOnReset,
      atsInvalidation: spec.atsInvalidation,
      atc: new Map(),
      maxOutstanding: spec.maxOutstanding,
      outstanding: 0,
      descriptors: [],
      programmedBy: NOBODY,
      issueScheduled: false,
      faultedReads: [],
      table: null,
      map: spec.map,
      enabledBy: owner,
      lastWrite: spec.streams.map(() => -1),
      lastCommitBy: new Array<number>(endpoints.length).fill(-1),
      lastDmaOwner: NOBODY,
      hasDma: false,
      dmaOffPending: false,
      dmaOffInvalidated: false,
      resetSinceDmaLost: false,
      handovers: [],
      nonce: 0,
      verifiedNonce: 0,
      tdisp: 'unlocked',
    };
    s.devices.push(d);
    for (const sid of spec.streams) {
      s.sidToDevice.set(sid, di);
      s.streamTable.set(sid, { sid, device: di, valid: true, config: 'abort', vmid: 0, table: null, eats: false, s2r: s.s2Record });
    }
    bootTables(s, di, policy.boot);
  });
  checkGbpa(s);
  if (s.devices.length > 0) log(s, 'note', `boot: ${s.devices.length} device(s) set up under ${policy.id} (${policy.name})`, -1);

  // An operation with a window runs at a chosen tick within it (its `at` unless a deviation says otherwise).
  sc.script.forEach((op, k) => {
    const at = op.window === undefined ? op.at : chooseFixed(s.choices, CH_WINDOW, op.window[0], op.window[1], op.at);
    schedule(s, at, EV_SCRIPT, k);
  });
  return s;
}

/** The STEs a device has at boot: its owner's table under the policy's scheme, or unassigned. */
function bootTables(s: SimState, di: number, scheme: 'cpu-stage2' | 'device-table' | 'device-table-owner-vmid'): void {
  const d = s.devices[di];
  const owner = d.owner;
  let table = null;
  if (owner !== NOBODY) {
    if (scheme === 'cpu-stage2') table = cpuTable(s, owner);
    else {
      table = createTable(s, owner, di);
      if (d.map.length > 0) {
        for (const id of d.map)
          mapRegion(
            s,
            table,
            owner,
            s.regions.findIndex((r) => r.id === id),
          );
      } else fillFromOwner(s, table, owner);
      if (scheme === 'device-table-owner-vmid') {
        // Hafnium: every STE of a partition uses S2VMID = the partition's id (the O2 aliasing).
        table.vmid = s.endpoints[owner].vmid;
      } else chooseVmid(s, table);
    }
    d.table = table.id;
    table.state = 'live';
  }
  for (const sid of d.streams) {
    const ste = s.streamTable.get(sid)!;
    if (table) Object.assign(ste, { valid: true, config: 's2', vmid: table.vmid, table: table.id, eats: d.ats });
    else Object.assign(ste, { valid: true, config: s.smmu.unassigned, vmid: 0, table: null });
  }
  // The owner's driver enabled ATS at the endpoint once its STE allowed it.
  d.atsEnabled = d.ats && table !== null;
  afterSteWrite(s, di);
}

export { QUARANTINE };
