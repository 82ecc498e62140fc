// A document with its defaults left out: what links carry, so that a gallery scenario fits well
// under 2,000 characters. Parsing the minimal document gives the same scenario as the full one.

import type { Scenario } from '../sim';
import { toDocument, type ScenarioDocument } from './document';
import { smmuSchema, timingSchema } from './schema';

const TIMING = timingSchema.parse({});
const SMMU = smmuSchema.parse({});

type Obj = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Drops the keys whose value equals the given default. */
function strip(o: Obj, defaults: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (!(k in defaults) || !same(v, defaults[k])) out[k] = v;
  return out;
}

export function minimalDocument(s: Scenario): ScenarioDocument {
  const d = toDocument(s) as Obj;
  const out: Obj = { format: d.format, version: d.version, title: s.title };
  if (s.description !== '') out.description = s.description;
  if (s.seed !== 1) out.seed = s.seed;
  const timing = strip(s.timing as unknown as Obj, TIMING as unknown as Obj);
  if (Object.keys(timing).length > 0) out.timing = timing;
  const smmu = strip(s.smmu as unknown as Obj, SMMU as unknown as Obj);
  if (Object.keys(smmu).length > 0) out.smmu = smmu;
  const policy = strip(s.policy as unknown as Obj, { id: 'P0', mutations: [], dmaCoupled: false });
  if (Object.keys(policy).length > 0) out.policy = policy;
  out.endpoints = s.endpoints.map((e) => strip(e as unknown as Obj, { kind: 'vm', name: e.id }));
  if (s.memory.length > 0) out.memory = (d.memory as Obj[]).map((r) => strip(r, { secret: false, kind: 'normal', name: r.id, ipa: r.pa }));
  if (s.devices.length > 0)
    out.devices = s.devices.map((x) =>
      strip(x as unknown as Obj, { name: x.id, group: x.id, owner: null, reset: 'clean', ats: false, maxOutstanding: 4, map: [] }),
    );
  if (s.script.length > 0) {
    let auto = 0;
    out.script = (d.script as Obj[]).map((o) => {
      const r = strip(o, { secret: false, clear: false });
      if (Array.isArray(r.dma)) r.dma = (r.dma as Obj[]).map((x) => strip(x, { loop: false, every: 5 }));
      // Handles the parser would number by itself are left out (only when all are automatic).
      if (typeof r.handle === 'string' && r.handle === `h${++auto}`) delete r.handle;
      return r;
    });
  }
  if (Object.keys(s.layout).length > 0) out.layout = s.layout;
  if (s.captions.length > 0) out.captions = s.captions;
  return out as ScenarioDocument;
}
