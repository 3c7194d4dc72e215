/**
 * Text formatting for the inspector. Pure functions, so the wording users and
 * e2e tests read is unit-tested without a DOM. Byte sizes: ui/format-bytes.ts.
 */

/** Exact byte count with thousands separators, for the decompression note. */
export function formatExactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock date and time with milliseconds: what an operator correlates with logs. */
export function formatReceiveTime(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A duration in seconds for humans: "0.4 s", "12 s", "3 min 5 s". */
export function formatSeconds(ms: number): string {
  const seconds = Math.abs(ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * The mirror lag implied by `x-shovelled-timestamp`. The header has
 * one-second resolution, so the result is only good to ±1 s and may come out
 * negative (the shovel's second was rounded, or the clocks disagree).
 */
export function formatShovelLag(lagMs: number): string {
  const direction = lagMs < 0 ? 'after' : 'before';
  return `shovelled ${formatSeconds(lagMs)} ${direction} arrival (±1 s)`;
}

/** The exchange as people say it: the nameless default exchange has no name to show. */
export function exchangeLabel(exchange: string): string {
  return exchange === '' ? '(default)' : exchange;
}

/** Epoch seconds (Celery event timestamps are float seconds) as ISO 8601, or the number when out of range. */
export function epochSecondsToIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
