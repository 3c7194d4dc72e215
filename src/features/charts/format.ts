/** Formatting shared by the charts: clock times, compact counts, byte-axis ticks (byte sizes: ui/format-bytes.ts). */
import { formatBytes } from '../../ui/index.ts';

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

/**
 * Y-axis ticks for a byte rate up to `max`: round numbers of the unit that
 * ui/format-bytes.ts will print (0, 2 KiB, 4 KiB, ...), four steps or fewer.
 */
export function byteTicks(max: number): number[] {
  let unit = 1;
  while (max / unit >= 1024 && unit < 1024 ** 4) unit *= 1024;
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500].map((m) => m * unit);
  const step = steps.find((s) => max / s <= 4) ?? unit * 1024;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return ticks;
}

/**
 * Y-axis ticks for a message rate up to `max`: 0 and round steps (1, 2, 5
 * times a power of ten), four steps or fewer, at least up to 4. Given to
 * recharts rather than left to its nice-tick search, which runs decimal.js
 * arithmetic on every render (~10 % of a chart update, CPU profile).
 */
export function countTicks(max: number): number[] {
  const top = Math.max(max, 4);
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => top / s <= 4);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let t = 0; t <= Math.ceil(top / step) * step; t += step) ticks.push(t);
  return ticks;
}

/** A byte tick's label: its ticks are whole numbers of the unit, so "10 KiB", not "10.0 KiB". */
export function byteTickLabel(bytes: number): string {
  return formatBytes(bytes).replace('.0 ', ' ');
}

const trim = (x: number) => (x < 10 ? x.toFixed(1).replace(/\.0$/, '') : String(Math.round(x)));

/** Minute ticks within [start, end] (epoch seconds). */
export function minuteTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  for (let s = Math.ceil(start / 60) * 60; s <= end; s += 60) ticks.push(s);
  return ticks;
}
