// A configuration to compare a scenario under: a policy (P0–P8) and the set of mutations, written
// `P1` or `P0+skip-sync+skip-tlbi` — the policy first, then each mutation after a `+`. The
// configuration is the whole of it: `P1` is policy P1 with no mutations, whatever the scenario has.
// A link carries one as `&vs=<config>` beside the scenario, opening the Compare view with B = that.

import { MUTATION_IDS, POLICY_IDS, type MutationId, type PolicyId, type Scenario } from '../sim';

export interface CompareConfig {
  policy: PolicyId;
  mutations: MutationId[];
}

export type ReadConfig = { ok: true; config: CompareConfig } | { ok: false; message: string };

/** Reads `P1`, `P0+skip-sync`; a bad value gets a message naming the part that is wrong. */
export function readConfig(text: string): ReadConfig {
  const parts = text.trim().split('+');
  const [policy, ...rest] = parts;
  const shown = text.slice(0, 60);
  if (!(POLICY_IDS as readonly string[]).includes(policy))
    return { ok: false, message: `"${shown}" does not start with a policy: expected one of ${POLICY_IDS.join(', ')}, then +mutation…` };
  const mutations: MutationId[] = [];
  for (const m of rest) {
    if (!(MUTATION_IDS as readonly string[]).includes(m))
      return {
        ok: false,
        message: `"${m.slice(0, 30)}" in "${shown}" is not a mutation: expected one of ${MUTATION_IDS.join(', ')}`,
      };
    if (mutations.includes(m as MutationId)) return { ok: false, message: `"${m}" appears twice in "${shown}"` };
    mutations.push(m as MutationId);
  }
  return { ok: true, config: { policy: policy as PolicyId, mutations } };
}

/** The configuration as written: `P0+skip-sync`. */
export function configText(c: CompareConfig): string {
  return [c.policy, ...c.mutations].join('+');
}

/** The configuration a scenario is written with, or null if its policy is a custom one. */
export function configOf(s: Scenario): CompareConfig | null {
  return s.policy.id === 'custom' ? null : { policy: s.policy.id, mutations: [...s.policy.mutations] };
}

/** The scenario run under configuration `c`. */
export function underConfig(s: Scenario, c: CompareConfig): Scenario {
  return { ...s, policy: { ...s.policy, id: c.policy, mutations: [...c.mutations], custom: undefined } };
}

/**
 * The `&vs=` of a location hash: null when it has none, else the configuration or the message
 * saying what is wrong with it.
 */
export function readVs(hash: string): ReadConfig | null {
  // Read by hand: a query string would read the `+` between the parts as a space.
  const m = /(?:^#|&)vs=([^&]*)/.exec(hash);
  if (m === null) return null;
  let raw: string;
  try {
    raw = decodeURIComponent(m[1]);
  } catch {
    raw = m[1];
  }
  const r = readConfig(raw);
  return r.ok ? r : { ok: false, message: `The link's comparison "vs=${raw.slice(0, 60)}" cannot be read: ${r.message}.` };
}
