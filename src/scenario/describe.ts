// Text for a scenario's operations and times, written the same way in the app and in reports.

import { receiverLabel, type ScriptOp } from '../sim';

const hexAddr = (n: number) => '0x' + n.toString(16);

/** One line for a scripted or live operation. */
export function opText(op: ScriptOp): string {
  switch (op.op) {
    case 'program':
      return `program ${op.device} by ${op.by}: ${op.dma.map((d) => `${d.dir} ${hexAddr(d.iova)}×${d.pages}${d.loop ? ' loop' : ''}`).join(', ')}`;
    case 'assign':
    case 'transfer':
    case 'lend':
      return `${op.op} ${op.device} → ${op.to}`;
    case 'share':
      return `share ${op.device} with ${op.with}`;
    case 'relinquish':
    case 'accept':
    case 'enable':
      return `${op.op} ${op.device} by ${op.by}`;
    case 'map':
      return `map ${op.region} for ${op.device} by ${op.by}`;
    case 'reclaim':
    case 'unassign':
    case 'pause':
    case 'resume':
    case 'reset':
    case 'lock':
      return `${op.op} ${op.device}`;
    case 'cpuWrite':
      return `cpuWrite ${op.endpoint} → ${op.region}${op.secret ? ' (secret)' : ''}`;
    case 'memShare':
    case 'memLend':
    case 'memDonate':
      return `${op.op} ${op.region} ${op.from} → ${op.to.map(receiverLabel).join(', ')}${op.clear ? ' (clear)' : ''} [${op.handle}]`;
    case 'memRetrieve':
      return `${op.op} ${op.handle} by ${op.by}${op.clearOnRelinquish ? ' (clear on relinquish)' : ''}`;
    case 'memRelinquish':
    case 'memReclaim':
      return `${op.op} ${op.handle} by ${op.by}${op.clear ? ' (clear)' : ''}`;
    case 'abort':
      return `abort ${op.endpoint}`;
    case 'smmuEnable':
    case 'smmuDisable':
      return op.op;
  }
}

/** A duration of `ticks` in the scenario's time unit, e.g. "4.2 µs", "100 ms". */
export function duration(ticks: number, tickNs: number): string {
  const ns = ticks * tickNs;
  const [v, unit] = ns >= 1e9 ? [ns / 1e9, 's'] : ns >= 1e6 ? [ns / 1e6, 'ms'] : ns >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  return `${Number(v.toPrecision(3))} ${unit}`;
}
