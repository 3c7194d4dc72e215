/**
 * How far back a rewind goes: the last few minutes, from a moment, or from
 * the start of what the mirror retains. `?rewind=15m` and the rewind menu
 * both speak this.
 */
export type RewindRange = { kind: 'last'; ms: number; label: string } | { kind: 'from'; fromMs: number } | { kind: 'all' };

/** The menu's choices, with the `data-range` each carries. */
export const REWIND_CHOICES = ['5m', '15m', '1h', 'all'] as const;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `5m`, `15m`, `1h`, `90s`, `2d`, `all`, or a moment (ISO 8601, e.g.
 * `2026-12-03T14:00`): the range, or an error that says what is accepted.
 */
export function parseRewindRange(text: string): { ok: true; range: RewindRange } | { ok: false; error: string } {
  const t = text.trim();
  if (t === 'all') return { ok: true, range: { kind: 'all' } };
  const m = /^([1-9][0-9]{0,5})([smhd])$/.exec(t);
  if (m) return { ok: true, range: { kind: 'last', ms: Number(m[1]) * (UNIT_MS[m[2] ?? 'm'] ?? 60_000), label: t } };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) {
    const at = Date.parse(t);
    if (Number.isFinite(at)) return { ok: true, range: { kind: 'from', fromMs: at } };
  }
  return { ok: false, error: `"${t}" is not a rewind: use 5m, 15m, 1h (a number and s, m, h or d), all, or a time such as 2026-12-03T14:00` };
}

/** Where the range starts, epoch ms; null for the start of retention. */
export function rewindStartMs(range: RewindRange, nowMs: number): number | null {
  if (range.kind === 'all') return null;
  return range.kind === 'last' ? nowMs - range.ms : range.fromMs;
}

/**
 * The stream offset to read from. RabbitMQ starts a timestamp read at the
 * chunk holding that second, so a few earlier messages may come first: the
 * reader drops those by their own time (HistoryReader).
 */
export function streamOffsetFor(fromMs: number | null): string {
  return fromMs === null ? 'first' : `timestamp=${Math.max(0, Math.floor(fromMs / 1000))}`;
}

export function describeRange(range: RewindRange): string {
  if (range.kind === 'all') return 'everything the mirror retains';
  if (range.kind === 'last') return `the last ${range.label}`;
  return `since ${new Date(range.fromMs).toLocaleString()}`;
}
