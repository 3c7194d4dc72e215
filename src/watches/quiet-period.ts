/**
 * The quiet period before a watch alerts again: a watch notifies when it
 * matches after this long without a match (and on its first match).
 * `?watchQuiet=SECONDS` sets it for the page (tests shorten it).
 */

/** Five minutes without a match. */
export const DEFAULT_QUIET_MS = 5 * 60_000;

/** The longest quiet period `?watchQuiet=` may ask for: a day. */
const MAX_QUIET_S = 86_400;

export type QuietFromUrl = { ok: true; quietMs: number } | { ok: false; error: string } | null;

/** `?watchQuiet=SECONDS` (a whole number, 0 to 86400); null when absent. */
export function quietPeriodFromUrl(search: string): QuietFromUrl {
  const raw = new URLSearchParams(search).get('watchQuiet');
  if (raw === null) return null;
  const seconds = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(seconds) || seconds > MAX_QUIET_S) {
    return { ok: false, error: `?watchQuiet must be whole seconds from 0 to ${MAX_QUIET_S}; the default of 5 minutes applies` };
  }
  return { ok: true, quietMs: seconds * 1000 };
}
