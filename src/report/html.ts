// A run's report as one printable HTML page: the Markdown report's content, styled for paper.

import { handoverOutcome, systemText, type RunReport } from './model';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => x.toLocaleString('en-US');

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;color:#111;max-width:60em;margin:2em auto;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
.bad{color:#b00020;font-weight:600}.ok{color:#1b5e20}code{font-size:12px}img{max-width:100%;border:1px solid #ccc}
ul.steps{margin:0 0 .4em 1.2em;padding:0;color:#444;font-size:13px}
@media print{a{color:inherit}body{margin:0}}`;

export function reportHtml(r: RunReport): string {
  const violated = r.verdicts.filter((v) => v.violated);
  const h: string[] = [];
  h.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)} — DMA Handoff report</title><style>${STYLE}</style></head><body>`,
  );
  h.push(`<h1>${esc(r.title)}</h1>`);
  if (r.description.trim() !== '') h.push(`<p>${esc(r.description.trim())}</p>`);
  h.push('<ul>');
  h.push(
    `<li><b>Policy:</b> ${r.policy.id === 'custom' ? '' : `${esc(r.policy.id)} `}${esc(r.policy.name)} — ${esc(r.policy.summary)}</li>`,
  );
  h.push(
    `<li><b>Mutations:</b> ${r.mutations.length === 0 ? 'none' : r.mutations.map((m) => `<code>${esc(m.id)}</code> (${esc(m.note)})`).join(', ')}</li>`,
  );
  h.push(`<li><b>System:</b> ${esc(systemText(r.system))}</li>`);
  h.push(
    `<li><b>Run:</b> to t=${n(r.endTime)} (${esc(r.endText)}; a tick is ${esc(r.tickText)}); trace <code>${esc(r.traceHash)}</code>${r.choices ? `; a counterexample's timing, choices <code>${esc(r.choices)}</code> differ from the default run` : ''}</li>`,
  );
  h.push(
    `<li><b>Verdict:</b> ${violated.length === 0 ? '<span class="ok">no invariant violated</span>' : `<span class="bad">violates ${violated.map((v) => esc(v.number)).join(', ')}</span>`}</li>`,
  );
  h.push(`<li><a href="${esc(r.link)}">Open the scenario in DMA Handoff</a></li></ul>`);
  if (r.image !== null) h.push(`<p><img src="${esc(r.image.src)}" alt="${esc(r.image.alt)}"></p>`);

  h.push('<h2>Verdicts</h2><table><tr><th>Invariant</th><th>Verdict</th><th>First at</th><th>Count</th><th>Rule</th></tr>');
  for (const v of r.verdicts)
    h.push(
      `<tr><td>${esc(v.number)}</td><td class="${v.violated ? 'bad' : 'ok'}">${v.violated ? 'violated' : 'holds'}</td><td>${v.firstAt === null ? '' : `t=${v.firstAt}`}</td><td>${v.count || ''}</td><td>${esc(v.rule)}</td></tr>`,
    );
  h.push('</table>');

  h.push('<h2>Liveness</h2>');
  if (r.handovers.length === 0) h.push('<p>The run hands no device over.</p>');
  else {
    h.push('<table><tr><th>Hand-over</th><th>Device</th><th>To</th><th>Requested</th><th>Outcome</th></tr>');
    for (const x of r.handovers) {
      const o = handoverOutcome(x);
      h.push(
        `<tr><td>${esc(x.op)}</td><td>${esc(x.device)}</td><td>${esc(x.to ?? 'nobody')}</td><td>t=${x.requestedAt}</td><td class="${o.ok ? 'ok' : 'bad'}">${esc(o.text)}</td></tr>`,
      );
    }
    h.push('</table>');
  }
  h.push(
    `<p>DMA: ${n(r.dma.issued)} issued, ${n(r.dma.committed)} committed, ${n(r.dma.aborted)} aborted. Event queue: ${n(r.eventQueue.lost)} records lost in ${n(r.eventQueue.overflows)} overflows (capacity ${n(r.eventQueue.capacity)}).</p>`,
  );

  h.push('<h2>Violations</h2>');
  if (r.violations.length === 0) h.push('<p>None in this run.</p>');
  else {
    h.push('<ul>');
    for (const v of r.violations) {
      const where = [v.device && `device ${v.device}`, v.page && `page ${v.page}`].filter(Boolean).join(', ');
      h.push(
        `<li><b class="bad">${esc(v.number)}</b> at t=${v.t}${where ? ` (${esc(where)})` : ''}${v.count > 1 ? `, ${n(v.count)} times` : ''}: ${esc(v.message)} — <a href="${esc(v.link)}">open this moment</a></li>`,
      );
    }
    h.push('</ul>');
  }
  if (r.errors.length > 0) {
    h.push('<h2>Refused operations and unresolved steps</h2><ul>');
    for (const x of r.errors) h.push(`<li>t=${x.t}: ${esc(x.text)}</li>`);
    h.push('</ul>');
  }
  h.push('<h2>Timeline</h2>');
  if (r.ops.length === 0) h.push('<p>No scripted operations.</p>');
  for (const o of r.ops) {
    h.push(`<div>t=${o.t} <b>${esc(o.text)}</b> — ${esc(o.status)}</div>`);
    if (o.steps.length > 0) h.push(`<ul class="steps">${o.steps.map((st) => `<li>t=${st.t} ${esc(st.text)}</li>`).join('')}</ul>`);
  }
  h.push('</body></html>');
  return h.join('\n');
}
