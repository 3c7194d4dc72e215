/** Wording of the conversation panel: states, relative times, clocks. */
import type { Conversation, ConversationState } from '../../conversations/index.ts';

/** "+0 ms", "+205 ms", "+1.24 s", "+2 min 5 s". */
export function formatOffset(ms: number): string {
  return `+${formatDuration(ms)}`;
}

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '−' : '';
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(abs / 60_000);
  return `${sign}${minutes} min ${Math.round((abs % 60_000) / 1000)} s`;
}

const STATE_WORDS: Record<ConversationState, string> = {
  pending: 'pending',
  replied: 'replied',
  failed: 'failed',
  'timed-out': 'timed out',
  'request-not-seen': 'request not seen',
};

/** The state as one line: "replied in 205 ms", "pending for 3.20 s", "timed out (no answer within 30 s)". */
export function describeState(c: Conversation, timeoutMs: number, now: number): string {
  const word = STATE_WORDS[c.state];
  if (c.state === 'replied' || c.state === 'failed') {
    const took = c.completedAt - c.requestAt;
    return c.answeredBeforeRequest ? `${word} (the answer arrived before its request)` : `${word} in ${formatDuration(took)}`;
  }
  if (c.state === 'pending') return `${word} for ${formatDuration(now - c.requestAt)}`;
  if (c.state === 'timed-out') return `${word} (no answer within ${formatDuration(timeoutMs)})`;
  return Number.isNaN(c.completedAt) ? `${word}: only the worker's events arrived` : `${word}: answered, but its request was evicted, sent before this page opened, or not mirrored`;
}

/** Wall-clock time of day with milliseconds, local time: for "sent at" columns. */
export function formatClock(epochMs: number, withMillis: boolean): string {
  const d = new Date(epochMs);
  const hms = d.toLocaleTimeString('en-GB', { hour12: false });
  return withMillis ? `${hms}.${String(d.getMilliseconds()).padStart(3, '0')}` : hms;
}

/** The first 8 characters of a long id, as Flower and most UIs show task ids. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
