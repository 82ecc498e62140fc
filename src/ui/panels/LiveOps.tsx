// Acting live: any user operation of docs/model.md §10 on the selected device, endpoint or the SMMU.
// The operation is inserted into the script at the playhead and the run restarts there, so what
// the user did replays exactly.

import { useState } from 'react';
import { useApp } from '../../store/appStore';
import { useTransitioned } from '../hooks/useTransitioned';
import type { OpName, ScriptOp } from '../../sim';
import { parseAddress } from '../../scenario/hex';
import './panels.css';

type Arg = 'endpoint' | 'region' | 'handle' | 'endpoints' | 'flag' | 'dma';
/** An operation and the fields its form shows (build() below puts them into the operation). */
interface OpSpec {
  op: OpName;
  args: Record<string, Arg>;
}

const DEVICE_OPS: OpSpec[] = [
  { op: 'program', args: { by: 'endpoint', dma: 'dma' } },
  { op: 'transfer', args: { to: 'endpoint' } },
  { op: 'lend', args: { to: 'endpoint' } },
  { op: 'reclaim', args: {} },
  { op: 'relinquish', args: { by: 'endpoint' } },
  { op: 'share', args: { with: 'endpoint' } },
  { op: 'assign', args: { to: 'endpoint' } },
  { op: 'unassign', args: {} },
  { op: 'accept', args: { by: 'endpoint' } },
  { op: 'enable', args: { by: 'endpoint' } },
  { op: 'map', args: { by: 'endpoint', region: 'region' } },
  { op: 'pause', args: {} },
  { op: 'resume', args: {} },
  { op: 'reset', args: {} },
  { op: 'lock', args: {} },
];
const ENDPOINT_OPS: OpSpec[] = [
  { op: 'cpuWrite', args: { region: 'region', secret: 'flag' } },
  { op: 'memShare', args: { to: 'endpoints', region: 'region', clear: 'flag' } },
  { op: 'memLend', args: { to: 'endpoints', region: 'region', clear: 'flag' } },
  { op: 'memDonate', args: { to: 'endpoints', region: 'region', clear: 'flag' } },
  { op: 'memRetrieve', args: { handle: 'handle' } },
  { op: 'memRelinquish', args: { handle: 'handle', clear: 'flag' } },
  { op: 'memReclaim', args: { handle: 'handle', clear: 'flag' } },
  { op: 'abort', args: {} },
];
const SMMU_OPS: OpSpec[] = [
  { op: 'smmuEnable', args: {} },
  { op: 'smmuDisable', args: {} },
];

export function LiveOps() {
  const sel = useApp((s) => s.selection);
  const scenario = useApp((s) => s.scenario);
  const clock = useTransitioned((s) => s.clock);
  const [opName, setOpName] = useState('');
  const [vals, setVals] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  if (scenario === null || sel === null || !(sel.kind === 'device' || sel.kind === 'endpoint' || sel.kind === 'smmu')) return null;
  const specs = sel.kind === 'device' ? DEVICE_OPS : sel.kind === 'endpoint' ? ENDPOINT_OPS : SMMU_OPS;
  const spec = specs.find((s) => s.op === opName) ?? specs[0];
  const endpoints = scenario.endpoints.map((e) => e.id);
  const regions = scenario.memory.map((r) => r.id);
  const handles = [...new Set(scenario.script.flatMap((o) => ('handle' in o ? [o.handle] : [])))];
  const val = (k: string, fallback: string) => vals[k] ?? fallback;
  const set = (k: string, v: string) => setVals({ ...vals, [k]: v });

  const build = (): ScriptOp | string => {
    const at = Math.floor(clock);
    const id = sel.id;
    const endpoint = (k: string) => val(k, endpoints[0]);
    const region = () => val('region', regions[0]);
    const flag = (k: string) => val(k, 'false') === 'true';
    const handle = val('handle', handles[0] ?? '');
    const op = spec.op;
    switch (op) {
      case 'program': {
        const iova = parseAddress(val('iova', '0x40000000').trim());
        if (typeof iova === 'string') return `IOVA: ${iova}`;
        const pages = Number(val('pages', '1'));
        const every = Number(val('every', '5'));
        if (!(Number.isInteger(pages) && pages >= 1 && pages <= 4096)) return 'pages must be 1–4096';
        if (!(Number.isInteger(every) && every >= 1)) return 'every must be a whole number of ticks ≥ 1';
        const dir = val('dir', 'read') === 'write' ? 'write' : 'read';
        return { at, op, device: id, by: endpoint('by'), dma: [{ iova, pages, dir, loop: val('loop', 'true') === 'true', every }] };
      }
      case 'assign':
      case 'transfer':
      case 'lend':
        return { at, op, device: id, to: endpoint('to') };
      case 'relinquish':
      case 'accept':
      case 'enable':
        return { at, op, device: id, by: endpoint('by') };
      case 'share':
        return { at, op, device: id, with: endpoint('with') };
      case 'map':
        return { at, op, device: id, by: endpoint('by'), region: region() };
      case 'reclaim':
      case 'unassign':
      case 'pause':
      case 'resume':
      case 'reset':
      case 'lock':
        return { at, op, device: id };
      case 'cpuWrite':
        return { at, op, endpoint: id, region: region(), secret: flag('secret') };
      case 'abort':
        return { at, op, endpoint: id };
      case 'memShare':
      case 'memLend':
      case 'memDonate':
        return {
          at,
          op,
          from: id,
          to: [val('to', endpoints.find((e) => e !== id) ?? endpoints[0])],
          region: region(),
          clear: flag('clear'),
          handle: `live${scenario.script.length + 1}`,
        };
      case 'memRetrieve':
      case 'memRelinquish':
      case 'memReclaim':
        if (handle === '') return 'no memory handle exists yet: share, lend or donate first';
        return op === 'memRetrieve'
          ? { at, op, by: id, handle, clearOnRelinquish: false }
          : { at, op, by: id, handle, clear: flag('clear') };
      case 'smmuEnable':
      case 'smmuDisable':
        return { at, op };
    }
  };

  const select = (k: string, options: string[], fallback: string) => (
    <label key={k} className="pn-field">
      <span>{k}</span>
      <select aria-label={k} value={val(k, fallback)} onChange={(e) => set(k, e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="pn-section pn-live" data-testid="live-ops">
      <h3>Act live on {sel.kind === 'smmu' ? 'the SMMU' : sel.id}</h3>
      <label className="pn-field">
        <span>operation</span>
        <select aria-label="Operation" value={spec.op} onChange={(e) => (setOpName(e.target.value), setError(''))}>
          {specs.map((s) => (
            <option key={s.op} value={s.op}>
              {s.op}
            </option>
          ))}
        </select>
      </label>
      {Object.entries(spec.args).map(([k, kind]) => {
        if (kind === 'endpoint') return select(k, endpoints, endpoints[0]);
        if (kind === 'endpoints') return select(k, endpoints, endpoints.find((e) => e !== sel.id) ?? endpoints[0]);
        if (kind === 'region') return select(k, regions, regions[0]);
        if (kind === 'handle') return select(k, handles, handles[0] ?? '');
        if (kind === 'flag') return select(k, ['false', 'true'], 'false');
        return (
          <div key={k} className="pn-dma">
            <label className="pn-field">
              <span>IOVA</span>
              <input aria-label="IOVA" value={val('iova', '0x40000000')} onChange={(e) => set('iova', e.target.value)} />
            </label>
            <label className="pn-field">
              <span>pages</span>
              <input aria-label="pages" type="number" min={1} value={val('pages', '1')} onChange={(e) => set('pages', e.target.value)} />
            </label>
            {select('dir', ['read', 'write'], 'read')}
            {select('loop', ['true', 'false'], 'true')}
            <label className="pn-field">
              <span>every</span>
              <input aria-label="every" type="number" min={1} value={val('every', '5')} onChange={(e) => set('every', e.target.value)} />
            </label>
          </div>
        );
      })}
      {error && <p className="pn-bad">{error}</p>}
      <button
        className="pn-apply"
        onClick={() => {
          const op = build();
          if (typeof op === 'string') return setError(op);
          setError('');
          useApp.getState().applyLive(op);
        }}
      >
        Apply {spec.op} at t={Math.floor(clock)}
      </button>
    </section>
  );
}
