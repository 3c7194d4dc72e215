/**
 * The report's rows for the "conversations" phase (issue 13): the Celery
 * mix's 1M capacity with the conversation index (beside the domain mix's
 * capacity row, same ≤ 600 MB target), the index's own heap, `task:` /
 * `conv:` re-filters, the requests view's read, and the same-run ingest
 * cost of the index for both mixes.
 */
import type { ConversationsResult, IngestCostPair } from './conversations.ts';
import type { Row, Verdict } from './report.ts';
import { fmtBytes, fmtInt, median } from './stats.ts';

const MB = 1024 * 1024;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const verdict = (ok: boolean | null): Verdict => (ok === null ? '—' : ok ? 'met' : 'missed');

/** The largest distance of one run from its side's median, relative: what "within noise" is judged by. */
export function runSpread(pair: IngestCostPair): number {
  const spread = (runs: number[]) => Math.max(0, ...runs.map((r) => Math.abs(r - median(runs)) / median(runs)));
  return Math.max(spread(pair.withIndex), spread(pair.withoutIndex));
}

const mixName = (p: IngestCostPair) => (p.mix === 'celery' ? 'Celery' : 'domain');

/** Whole fresh pages: what the brief asked for, but on a shared machine the runs' spread is wide; no verdict. */
function pageRatioRow(pairs: IngestCostPair[], machinePercent: number, cores: number): Row {
  const [first] = pairs;
  const each = pairs.map((p) => `${mixName(p)} mix ${p.ratio.toFixed(2)}× (${fmtInt(median(p.withIndex))} / ${fmtInt(median(p.withoutIndex))} msg/s, runs ±${(runSpread(p) * 100).toFixed(0)} %)`);
  return {
    metric: `synthetic parse + ingest with the conversation index / without, same run (${fmtInt(first?.count ?? 0)} frames, median of ${first?.withIndex.length ?? 0} fresh pages each)`,
    value: `${each.join('; ')}; machine busy ${machinePercent.toFixed(0)} % of ${cores * 100} %`,
    target: '—',
    verdict: '—',
  };
}

/** Batch against batch on one page: within noise when 1.0 lies inside the pair ratios' interquartile range. */
function pairedRatioRow(pairs: IngestCostPair[]): Row {
  const quartiles = (values: number[]) => {
    const d = [...values].sort((a, b) => a - b);
    const at = (q: number) => d[Math.min(d.length - 1, Math.floor(q * d.length))] ?? NaN;
    return [at(0.25), at(0.75)] as const;
  };
  const each = pairs.map((p) => {
    const [q1, q3] = quartiles(p.pairRatios);
    return `${mixName(p)} mix ${median(p.pairRatios).toFixed(2)}× (IQR ${q1.toFixed(2)}–${q3.toFixed(2)})`;
  });
  return {
    metric: `↳ the same, batch against batch on one page (${fmtInt(pairs[0]?.batch ?? 0)} frames a batch, attached / detached alternately; median of ${pairs[0]?.pairRatios.length ?? 0} pairs)`,
    value: each.join('; '),
    target: 'within noise (IQR includes 1.00)',
    verdict: verdict(pairs.length === 0 ? null : pairs.every((p) => quartiles(p.pairRatios)[0] <= 1 && quartiles(p.pairRatios)[1] >= 1)),
  };
}

export function conversationRows(r: ConversationsResult): Row[] {
  const { capacity: cap, capacityWithoutIndex: bare } = r;
  const heap = cap.heapAfter.usedSize + cap.heapAfter.backingStorageSize;
  const atScale = cap.count >= 1_000_000;
  const indexBytes = heap - (bare.heapAfter.usedSize + bare.heapAfter.backingStorageSize);
  const rowsCounted = cap.index.rows.reduce((sum, row) => sum + row.count, 0);
  const out: Row[] = [
    {
      metric: `${fmtInt(cap.retained)} retained, Celery mix, with the conversation index: JS heap after GC (+ ArrayBuffers); conversations`,
      value:
        `${fmtBytes(cap.heapAfter.usedSize)} + ${fmtBytes(cap.heapAfter.backingStorageSize)} = ${(heap / MB).toFixed(0)} MB (${fmtInt(cap.bytesPerMessage)} B/msg); ` +
        `${fmtInt(cap.index.conversations)} conversations${cap.index.conversations === cap.expectedConversations ? '' : ` (EXPECTED ${fmtInt(cap.expectedConversations)})`}`,
      target: atScale ? '≤ 600 MB' : '≤ 600 MB at 1M',
      verdict: verdict(atScale ? heap <= 600 * MB : null),
    },
    {
      metric: '↳ of which the index: heap with − without it (same load, index detached on a fresh page)',
      value: `${(indexBytes / MB).toFixed(0)} MB (${fmtInt(indexBytes / Math.max(1, cap.retained))} B/msg, ${fmtInt(indexBytes / Math.max(1, cap.index.conversations))} B/conversation); without: ${((heap - indexBytes) / MB).toFixed(0)} MB`,
      target: '—',
      verdict: '—',
    },
    {
      metric: '↳ Celery-mix synthetic load, page ingest of worker-read batches (+ index); mean frame / body',
      value: `${fmtInt(cap.ingestRate)} msg/s; ${fmtInt(cap.load.frameBytes)} B / ${fmtInt(cap.load.bodyBytes)} B`,
      target: '—',
      verdict: '—',
    },
  ];
  for (const f of cap.refilter) {
    out.push({
      metric: `re-filter ${fmtInt(cap.retained)} (Celery mix) by ${f.label} \`${f.text}\` (median of ${f.runs.length}; painted)`,
      value: `${ms(f.sync.p50)} (${ms(f.painted.p50)}), ${fmtInt(f.expected)} rows${f.correct ? '' : ` WRONG ROW COUNT (${f.runs.map((x) => fmtInt(x.visible)).join(', ')})`}`,
      target: '—',
      verdict: f.correct ? '—' : 'missed',
    });
  }
  out.push({
    metric: `requests view read: \`session.conversations.requestRows()\` at ${fmtInt(cap.retained)} retained, p50 / max of ${cap.requestRows.count}`,
    value: `${cap.requestRows.p50.toFixed(2)} ms / ${cap.requestRows.max.toFixed(2)} ms; ${cap.index.rows.length} rows, ${fmtInt(rowsCounted)} requests counted${rowsCounted === cap.expectedConversations ? '' : ` (EXPECTED ${fmtInt(cap.expectedConversations)})`}`,
    target: '—',
    verdict: '—',
  });
  out.push(pageRatioRow(r.ingestCost, r.ingestCostCpu.machinePercent, r.ingestCostCpu.cores), pairedRatioRow(r.ingestCost));
  return out;
}
