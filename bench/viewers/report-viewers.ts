/** The viewers phase's rows: per-viewer costs as slopes over the same run's no-viewer baseline, and where keeping up ends. */
import type { Row } from '../report.ts';
import type { ViewersResult } from './ladder.ts';
import type { StepResult } from './step.ts';

const pct = (v: number) => `${Number.isFinite(v) ? v.toFixed(1) : '?'} %`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
const mirrorCpu = (s: StepResult) => s.cpu.percent.mirror ?? NaN;

const MODE_LABEL = { queue: 'a classic queue each (`/exchange/app.events/#`, live)', stream: 'one shared stream (`/amq/queue/warren.history.app.events`)' } as const;

export function viewerRows(r: ViewersResult): Row[] {
  const where = r.nodes === 1 ? 'one mirror node' : `${r.nodes}-node mirror cluster on one box, viewers ${r.spread ? 'spread over the nodes' : 'on node 1'}`;
  const [first, last] = r.baselines;
  const out: Row[] = [
    {
      metric: `viewers, ${where}, ${r.rate.toLocaleString('en-US')} msg/s: mirror CPU with nobody watching, start / end of the phase (% of one core)`,
      value: `${pct(first ? mirrorCpu(first) : NaN)} / ${pct(last ? mirrorCpu(last) : NaN)}; other work on the box ${pct(first?.cpu.otherPercent ?? NaN)} / ${pct(last?.cpu.otherPercent ?? NaN)}`,
      target: 'reference',
      verdict: '—',
    },
  ];
  for (const { mode, model } of r.models) {
    const ladder = r.steps.filter((s) => s.mode === mode);
    out.push({
      metric: `viewers on ${MODE_LABEL[mode]}: mirror CPU per viewer per 1,000 msg/s (per 1,000 deliveries/s, fitted from N = 0), memory per viewer`,
      value: `${pct(model.cpuPerViewer)} of a core, ${mb(model.memoryPerViewer)}; at N = 0 ${pct(model.cpuBase)}`,
      target: '—',
      verdict: '—',
    });
    out.push({
      metric: `↳ kept up (every viewer ≥ 98 %, no queue past 2 s of traffic) up to N; first N that did not; N where ${r.cores} cores would run out (projected)`,
      value: `${model.keptUpTo}; ${model.firstMissed ?? 'none in the ladder'}; ≈ ${Number.isFinite(model.projectedN) ? Math.floor(model.projectedN) : '?'}`,
      target: '—',
      verdict: '—',
    });
    out.push({
      metric: '↳ ladder: N → mirror CPU, deliveries/s in all, slowest viewer\'s share in time, peak viewer queue',
      value: ladder.map((s) => `${s.viewers} → ${pct(mirrorCpu(s))}, ${Math.round(s.delivered.totalRate)}/s, ${(s.delivered.minShare * 100).toFixed(1)} %, ${s.peakViewerQueue}`).join('; '),
      target: '—',
      verdict: '—',
    });
  }
  for (const e of r.stepErrors) out.push({ metric: `viewers step FAILED (${where})`, value: e.split('\n')[0] ?? '', target: '—', verdict: 'missed' });
  const queue = r.models.find((m) => m.mode === 'queue')?.model;
  const stream = r.models.find((m) => m.mode === 'stream')?.model;
  if (queue && stream) {
    out.push({
      metric: 'viewers: per-viewer mirror CPU, shared stream / classic queue each, same run',
      value: (stream.cpuPerViewer / queue.cpuPerViewer).toFixed(2),
      target: '—',
      verdict: '—',
    });
  }
  const h = r.headToHead;
  if (h) {
    out.push({
      metric: `viewers head-to-head, ${h.viewers} of each, alternating rounds: mirror CPU per 1,000 deliveries/s over the baseline, classic queue / stream (medians)`,
      value: `${pct(h.queue)} / ${pct(h.stream)} of a core; stream / queue ${(h.stream / h.queue).toFixed(2)}`,
      target: '—',
      verdict: '—',
    });
  }
  const ten = r.steps.filter((s) => s.viewers === 10);
  if (ten.length > 0) {
    out.push({
      metric: `ten viewers at once, ${where}: each got everything, queues within their bound`,
      value: ten.map((s) => `${s.mode}: ${(s.delivered.eventualMinShare * 100).toFixed(1)} %, peak queue ${s.peakViewerQueue}`).join('; '),
      target: '100 %, ≤ 2 s of traffic',
      verdict: ten.every((s) => s.delivered.eventualMinShare >= 1 && s.keptUp) ? 'met' : 'missed',
    });
  }
  const one = r.steps.find((s) => s.mode === 'queue' && s.viewers === 1);
  if (r.page && one && first) {
    const pageCost = mirrorCpu(r.page) - mirrorCpu(first);
    const headless = mirrorCpu(one) - mirrorCpu(first);
    out.push({
      metric: 'one dashboard page vs one headless viewer (same live SUBSCRIBE): mirror CPU over the baseline',
      value: `${pct(pageCost)} vs ${pct(headless)} of a core; the page got ${(r.page.delivered.minShare * 100).toFixed(1)} %`,
      target: '≈ the same',
      verdict: '—',
    });
  }
  return out;
}
