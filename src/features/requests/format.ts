/**
 * How the requests view writes its numbers: latencies in the unit that
 * reads best, and the `data-value` attributes tests read (integers; ms for
 * latencies; '' when there is no value).
 */

/** A duration for a cell: `0.4 ms`, `345 ms`, `1.23 s`, `12.3 s`, `2.5 min`, `1.2 h`; `–` when none (NaN). */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${trim((ms / 1000).toFixed(2))} s`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000) return `${trim((ms / 60_000).toFixed(1))} min`;
  return `${trim((ms / 3_600_000).toFixed(1))} h`;
}

/** `data-value` of a latency cell: whole milliseconds, '' when none. */
export function latencyDataValue(ms: number): string {
  return Number.isFinite(ms) ? String(Math.round(ms)) : '';
}

/** A histogram bar's label: its lower edge, short (`0`, `1.2`, `35`, `1.4k`, `12k` ms). */
export function binEdgeLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 10) return trim(ms.toFixed(1));
  if (ms < 1000) return String(Math.round(ms));
  if (ms < 10_000) return `${trim((ms / 1000).toFixed(1))}k`;
  return `${Math.round(ms / 1000)}k`;
}

/** `1.50` → `1.5`, `2.0` → `2`. */
function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
