/**
 * The report's rows for the "archive" phase (issue 11): export and import
 * of the retained messages, plain and gzip. Goals: each ≤ 15 s at 1M, peak
 * heap ≤ 2× the retained size. A step that failed is a row saying why.
 */
import type { ArchiveFailure, ArchiveResult, ArchiveStep } from './archive.ts';
import type { Row, Verdict } from './report.ts';
import { fmtBytes, fmtInt } from './stats.ts';

const MB = 1024 * 1024;
const verdict = (ok: boolean | null): Verdict => (ok === null ? '—' : ok ? 'met' : 'missed');

export function archiveRows(a: ArchiveResult): Row[] {
  const atScale = a.count >= 1_000_000;
  const row = <T extends { ms: number }>(what: string, step: ArchiveStep<T> | ArchiveFailure, extra: (timing: T) => string): Row => ({
    metric: `${what} ${fmtInt(a.retained)} retained: seconds; peak heap (× retained)`,
    value: 'failed' in step ? `failed: ${step.failed}` : `${(step.timing.ms / 1000).toFixed(1)} s; ${(step.peakHeap / MB).toFixed(0)} MB (${step.peakRatio.toFixed(2)}×)${extra(step.timing)}`,
    target: atScale ? '≤ 15 s, ≤ 2×' : '≤ 15 s, ≤ 2× at 1M',
    verdict: verdict(atScale ? !('failed' in step) && step.timing.ms <= 15_000 && step.peakRatio <= 2 : null),
  });
  const exported = (what: string, step: ArchiveResult['exportPlain']): Row => row(what, step, (t) => `; ${fmtBytes(t.bytes)}`);
  // No import row when its export failed: there was no file.
  const imported = (what: string, step: ArchiveResult['importPlain']): Row[] =>
    step === null ? [] : [row(what, step, (t) => (t.kept === a.retained && t.badLines === 0 ? '' : ` KEPT ${fmtInt(t.kept)}, ${t.badLines} bad`))];
  return [
    { metric: `↳ retained ${fmtInt(a.retained)}: heap after GC, empty page → loaded`, value: `${(a.heapEmpty / MB).toFixed(0)} → ${(a.heapLoaded / MB).toFixed(0)} MB`, target: '—', verdict: '—' },
    exported('export NDJSON of', a.exportPlain),
    ...imported('import NDJSON of', a.importPlain),
    exported('export NDJSON.gz of', a.exportGzip),
    ...imported('import NDJSON.gz of', a.importGzip),
  ];
}
