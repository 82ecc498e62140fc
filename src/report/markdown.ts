// A run's report as Markdown for a design document (GitHub-flavoured: tables, links).

import { handoverOutcome, systemText, type RunReport } from './model';

/** Text for a table cell or a line: no pipes or line breaks that would end it. */
const cell = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const n = (x: number) => x.toLocaleString('en-US');

export function reportMarkdown(r: RunReport): string {
  const out: string[] = [];
  const violated = r.verdicts.filter((v) => v.violated);
  out.push(`# ${cell(r.title)}`, '');
  if (r.description.trim() !== '') out.push(r.description.trim(), '');
  out.push(
    `- **Policy:** ${r.policy.id === 'custom' ? '' : `${r.policy.id} `}${cell(r.policy.name)} — ${cell(r.policy.summary)}`,
    `- **Mutations:** ${r.mutations.length === 0 ? 'none' : r.mutations.map((m) => `\`${m.id}\` (${cell(m.note)})`).join(', ')}`,
    `- **System:** ${systemText(r.system)}`,
    `- **Run:** to t=${n(r.endTime)} (${r.endText}; a tick is ${r.tickText}); trace \`${r.traceHash}\`${r.choices ? `; a counterexample's timing, choices \`${r.choices}\` differ from the default run` : ''}`,
    `- **Verdict:** ${violated.length === 0 ? 'no invariant violated' : `violates ${violated.map((v) => v.number).join(', ')}`}; ${r.handovers.length === 0 ? 'no hand-over' : r.works ? 'every hand-over completed and its new owner’s DMA works' : 'not every hand-over completed with its new owner’s DMA working'}`,
    `- **Open in DMA Handoff:** [the scenario](${r.link})`,
    '',
  );
  if (r.image !== null) out.push(`![${cell(r.image.alt)}](${r.image.src})`, '');

  out.push('## Verdicts', '', '| Invariant | Verdict | First at | Count | Rule |', '| --- | --- | --- | --- | --- |');
  for (const v of r.verdicts)
    out.push(
      `| ${v.number} | ${v.violated ? '**violated**' : 'holds'} | ${v.firstAt === null ? '' : `t=${v.firstAt}`} | ${v.count || ''} | ${cell(v.rule)} |`,
    );
  out.push('');

  out.push('## Liveness', '');
  if (r.handovers.length === 0) out.push('The run hands no device over.', '');
  else {
    out.push('| Hand-over | Device | To | Requested | Outcome |', '| --- | --- | --- | --- | --- |');
    for (const h of r.handovers)
      out.push(`| ${h.op} | ${cell(h.device)} | ${cell(h.to ?? 'nobody')} | t=${h.requestedAt} | ${cell(handoverOutcome(h).text)} |`);
    out.push('');
  }
  out.push(
    `DMA: ${n(r.dma.issued)} issued, ${n(r.dma.committed)} committed, ${n(r.dma.aborted)} aborted. ` +
      `Event queue: ${n(r.eventQueue.lost)} records lost in ${n(r.eventQueue.overflows)} overflows (capacity ${n(r.eventQueue.capacity)}).`,
    '',
  );

  out.push('## Violations', '');
  if (r.violations.length === 0) out.push('None in this run.', '');
  for (const v of r.violations) {
    const where = [v.device && `device ${v.device}`, v.page && `page ${v.page}`].filter(Boolean).join(', ');
    out.push(
      `- **${v.number}** at t=${v.t}${where ? ` (${cell(where)})` : ''}${v.count > 1 ? `, ${n(v.count)} times` : ''}: ${cell(v.message)} — [open this moment](${v.link})`,
    );
  }
  if (r.violations.length > 0) out.push('');

  if (r.errors.length > 0) {
    out.push('## Refused operations and unresolved steps', '');
    for (const x of r.errors) out.push(`- t=${x.t}: ${cell(x.text)}`);
    out.push('');
  }

  out.push('## Timeline', '');
  if (r.ops.length === 0) out.push('No scripted operations.', '');
  for (const o of r.ops) {
    out.push(`- t=${o.t} **${cell(o.text)}** — ${cell(o.status)}`);
    for (const st of o.steps) out.push(`  - t=${st.t} ${cell(st.text)}`);
  }
  out.push('');
  return out.join('\n');
}
