/** Formatting shared by the charts: clock times, compact counts, byte sizes. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS` in local time, for an epoch second. */
export function clockTime(second: number): string {
  const d = new Date(second * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `HH:MM` in local time, for axis ticks. */
export function clockMinute(second: number): string {
  const d = new Date(second * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 950, 1.2k, 34k, 1.5M: axis ticks. */
export function compactCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

/** 512 B, 1.5 kB, 12 MB (decimal units, like network rates). */
export function byteSize(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`;
  if (n < 1_000_000) return `${trim(n / 1000)} kB`;
  if (n < 1_000_000_000) return `${trim(n / 1_000_000)} MB`;
  return `${trim(n / 1_000_000_000)} GB`;
}

const trim = (x: number) => (x < 10 ? x.toFixed(1).replace(/\.0$/, '') : String(Math.round(x)));

/** Minute ticks within [start, end] (epoch seconds). */
export function minuteTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let s = Math.ceil(start / 60) * 60; s <= end; s += 60) ticks.push(s);
  return ticks;
}
