// The policies by stable id, and custom policies written as data.

import type { PolicyId, PolicySettings } from '../model/scenario';
import type { Policy } from './policy';
import { P0 } from './P0';
import { P1 } from './P1';
import { P2 } from './P2';
import { P3 } from './P3';
import { P4 } from './P4';
import { P5 } from './P5';
import { P6 } from './P6';
import { P7 } from './P7';
import { P8 } from './P8';

export const POLICIES: Record<PolicyId, Policy> = { P0, P1, P2, P3, P4, P5, P6, P7, P8 };

export function policyFor(p: PolicySettings): Policy {
  if (p.id !== 'custom') return POLICIES[p.id];
  const custom = p.custom ?? { name: 'custom', steps: {} };
  const ops: Policy['ops'] = {};
  for (const [op, steps] of Object.entries(custom.steps)) {
    if (steps) ops[op as keyof Policy['ops']] = () => steps;
  }
  return {
    id: 'custom',
    name: custom.name,
    summary: `custom policy "${custom.name}"`,
    boot: 'device-table',
    s2Record: custom.s2Record ?? true,
    ops,
  };
}
