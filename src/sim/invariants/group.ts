// I9: the devices of one isolation group change owner together — checked when an operation ends.

import type { SimState } from '../model/state';
import { violate } from './violate';

export function checkGroups(s: SimState, di: number): void {
  if (di < 0) return;
  const d = s.devices[di];
  for (let j = 0; j < s.devices.length; j++) {
    const o = s.devices[j];
    if (j !== di && o.group === d.group && o.owner !== d.owner) {
      const name = (e: number) => (e >= 0 ? s.endpoints[e].id : 'nobody');
      violate(
        s,
        'I9',
        di,
        -1,
        -1,
        `${d.id} and ${o.id} share isolation group ${d.group} but belong to ${name(d.owner)} and ${name(o.owner)}`,
      );
    }
  }
}
