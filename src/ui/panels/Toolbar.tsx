// The top bar: gallery, policy, mutations, transport and the tick. Every button and control
// performs an action from the actions table (src/ui/actions/registry.ts) and takes its label and
// tooltip from there.

import { useApp } from '../../store/appStore';
import { duration } from './format';
import { useTransitioned } from '../hooks/useTransitioned';
import { GALLERY } from '../../scenario/gallery';
import { POLICIES, MUTATION_IDS, POLICY_IDS, MUTATION_NOTES, type MutationId, type PolicyId } from '../../sim';
import { ShareMenu } from './ShareMenu';
import { dropdownClicked, dropdownToggled } from './menus';
import { LibraryMenu } from './LibraryMenu';
import { ActionButton } from '../actions/ActionButton';
import { action, perform, SPEEDS } from '../actions/registry';
import { requestPolicyEditor } from '../policy/openRequest';
import { TransportButtons } from './TransportButtons';
import { Icon } from './Icon';
import './panels.css';

/** The Policy select's entry that opens the policy editor rather than choosing a policy. */
const EDIT_POLICY = 'edit-policy';

export function Toolbar() {
  const scenario = useApp((s) => s.scenario);
  const galleryId = useApp((s) => s.galleryId);
  const speed = useApp((s) => s.speed);
  const edited = useApp((s) => s.edited);
  const policy = scenario?.policy.id ?? 'P0';
  const customName = scenario?.policy.custom?.name ?? 'custom';
  const mutations = scenario?.policy.mutations ?? [];
  return (
    <header className="pn-toolbar">
      <span className="pn-brand">DMA Handoff</span>
      <label className="pn-field">
        <select
          aria-label={action('gallery').label}
          data-action="gallery"
          value={galleryId !== null && !edited ? galleryId : ''}
          onChange={(e) => e.target.value && perform('gallery', e.target.value)}
        >
          {(galleryId === null || edited) && (
            <option value="">
              {scenario?.title ?? '—'}
              {edited ? ' (edited)' : ''}
            </option>
          )}
          {GALLERY.map((g, i) => (
            <option key={g.id} value={g.id}>
              {i + 1}. {g.doc.title}
            </option>
          ))}
        </select>
      </label>
      <label className="pn-field">
        <select
          aria-label={action('policy').label}
          data-action="policy"
          value={policy}
          onChange={(e) => {
            if (e.target.value === EDIT_POLICY) requestPolicyEditor();
            else perform('policy', e.target.value as PolicyId);
          }}
          title={policy === 'custom' ? `custom policy "${customName}"` : POLICIES[policy as PolicyId].summary}
        >
          {POLICY_IDS.map((p) => (
            <option key={p} value={p}>
              {p} {POLICIES[p].name}
            </option>
          ))}
          {policy === 'custom' && <option value="custom">custom: {customName}</option>}
          <option value={EDIT_POLICY}>Edit policy…</option>
        </select>
      </label>
      <details className="pn-mutations" onClick={dropdownClicked} onToggle={dropdownToggled}>
        <summary aria-label={action('mutation').label}>
          {action('mutation').label}
          {mutations.length > 0 ? `: ${mutations.join(', ')}` : ''}
        </summary>
        <div className="pn-menu" role="group" aria-label={action('mutation').label}>
          {MUTATION_IDS.map((m) => (
            <label key={m} title={MUTATION_NOTES[m as MutationId]}>
              <input type="checkbox" data-action="mutation" checked={mutations.includes(m)} onChange={() => perform('mutation', m)} /> {m}
            </label>
          ))}
        </div>
      </details>
      <TransportButtons full>
        <select
          aria-label={action('speed').label}
          data-action="speed"
          value={speed}
          onChange={(e) => perform('speed', Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} ticks/s
            </option>
          ))}
          {!SPEEDS.includes(speed) && <option value={speed}>{speed} ticks/s</option>}
        </select>
      </TransportButtons>
      <TickReadout />
      <ComputingReadout />
      <form
        className="pn-goto"
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem('goto') as HTMLInputElement;
          const t = Number(input.value);
          if (input.value !== '' && Number.isFinite(t)) perform('goTo', t);
          input.value = '';
          // Back to the keyboard shortcuts (arrows step from here).
          input.blur();
        }}
      >
        <input name="goto" aria-label={action('goTo').label} data-action="goTo" placeholder="go to t" inputMode="numeric" />
      </form>
      <div className="pn-docbar" role="group" aria-label="Scenario">
        <ActionButton name="undo" icon={<Icon d="M6 4 2 8l4 4M2 8h8a4 4 0 0 1 0 8H8" />} />
        <ActionButton name="redo" icon={<Icon d="M10 4l4 4-4 4M14 8H6a4 4 0 0 0 0 8h2" />} />
        <ShareMenu />
        <LibraryMenu />
        <ActionButton name="present" />
        <ActionButton name="matrix" />
        <ActionButton name="compare" />
        <ActionButton name="explore" />
      </div>
      <ActionButton name="shortcuts" className="pn-help" icon="?" />
    </header>
  );
}

/** The playhead's tick: its own component, so the toolbar does not re-render as the clock moves. */
export function TickReadout() {
  const now = useTransitioned((s) => Math.floor(s.clock));
  const horizon = useTransitioned((s) => s.horizon);
  const tickNs = useApp((s) => s.summary?.tickNs ?? 100);
  return (
    <span
      className="pn-tick"
      data-testid="tick"
      title={`${duration(now, tickNs)} of ${duration(horizon, tickNs)} (a tick is ${duration(1, tickNs)})`}
    >
      t = {now} / {horizon}
    </span>
  );
}

/** While the run is computed in the background: how far it is, and where a seek beyond it waits to go. */
function ComputingReadout() {
  const progress = useApp((s) => s.computedTo);
  const horizon = useApp((s) => s.horizon);
  const waitingFor = useApp((s) => s.waitingFor);
  if (progress === null) return null;
  return (
    <span className="pn-computing" data-testid="computing" role="status" title="The verdicts and the timeline show the run so far">
      computing the run… t = {progress.toLocaleString('en-US')} of {horizon.toLocaleString('en-US')}
      {waitingFor !== null && ` · going to t = ${waitingFor.toLocaleString('en-US')}`}
    </span>
  );
}
