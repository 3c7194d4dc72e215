/** Numbers and times of the field charts: exact values in text, round ticks on the axes. */

const EXACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const pad = (n: number) => String(n).padStart(2, '0');

/** A value as the summary shows it: thousands separators, at most 3 decimals (the data-* attributes keep every digit). */
export function formatValue(n: number): string {
  return EXACT.format(n);
}

/** A value as an axis tick: 950, 1.2k, -34k, 1.5M, 0.25. */
export function compactValue(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}${trim(abs / 1e9)}G`;
  if (abs >= 1e6) return `${sign}${trim(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}${trim(abs / 1e3)}k`;
  return String(Number(n.toPrecision(3)));
}

const trim = (x: number) => String(Number(x.toPrecision(x < 10 ? 2 : 3)));

/**
 * Y ticks covering [min, max]: 0 to 6 round steps (1, 2, 2.5, 5 times a power
 * of ten). Given to recharts, whose own nice-tick search costs every render.
 * A single value gets a step either side of it.
 */
export function valueTicks(min: number, max: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return [0, 1];
  if (min === max) {
    const around = min === 0 ? 1 : 10 ** Math.floor(Math.log10(Math.abs(min)));
    return [min - around, min, min + around].map((t) => Number(t.toPrecision(12)));
  }
  const span = max - min;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 2 && i < 12; i++) ticks.push(Number((low + i * step).toPrecision(12)));
  return ticks;
}

const TIME_STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Round clock ticks within [start, end] (epoch seconds), six or fewer. */
export function timeTicks(start: number, end: number): number[] {
  const step = TIME_STEPS.find((s) => (end - start) / s <= 6) ?? 3600;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}

/** `HH:MM` in local time (with seconds when `withSeconds`). */
export function clockLabel(second: number, withSeconds = false): string {
  const d = new Date(second * 1000);
  const minute = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withSeconds ? `${minute}:${pad(d.getSeconds())}` : minute;
}
