/**
 * One subscription's rewind: reads its exchange's history stream, which holds
 * every routing key, and keeps exactly what the subscription's live queue
 * would have received (the same topic matcher as everywhere else), from the
 * range's start. The stream then simply goes on with live messages: one log,
 * so the join has no gap and no duplicate by construction.
 *
 * Time: the shovel stamps each message (`x-shovelled-timestamp`, whole
 * seconds) as it brings it to the mirror. Until the reader reaches the moment
 * the rewind began, a message's arrival time is that stamp (so the rates fill
 * in the past seconds); from then on it is the page's clock, as for live rows.
 */
import { compileTopicPattern, type TopicMatcher } from '../filter/index.ts';
import { SHOVELLED_TIMESTAMP_HEADER, unescapeDestinationPart, type StompMessageFrame } from '../model/index.ts';
import { historyStreamDestination } from './history-stream.ts';
import { streamOffsetFor } from './rewind-range.ts';

/** No message for this long while reading history: the reader has read everything there was. */
export const HISTORY_IDLE_MS = 1500;

export type HistoryReaderState = 'reading' | 'live' | 'failed';

export class HistoryReader {
  readonly destination: string;
  readonly offset: string;
  state: HistoryReaderState = 'reading';
  /** Why it failed (the broker's words), when it did. */
  failure = '';
  /** Frames read from the stream, matching or not. */
  read = 0;
  /** Frames that matched the pattern and the range: what the capture received. */
  kept = 0;
  /** The oldest and newest history times kept, epoch ms (-1: none yet). */
  oldestMs = -1;
  newestMs = -1;
  private readonly prefix: string;
  private readonly matches: TopicMatcher;
  /**
   * The idle clock: since when no frame came (page clock; -1 until the
   * SUBSCRIBE is confirmed), and the frames read when it was last checked.
   * Counted by frames between checks, not by when the last frame was taken:
   * a page busy for seconds (a long task, a GC) delays the check and the
   * frames alike, and must not look like a quiet stream.
   */
  private quietSinceMs = -1;
  private readAtCheck = 0;

  /**
   * @param fromMs where the range starts (null: the start of retention).
   * @param untilMs when the rewind began: a stamp from that second on is live.
   */
  constructor(
    readonly subscriptionId: string,
    readonly exchange: string,
    pattern: string,
    private readonly fromMs: number | null,
    private readonly untilMs: number,
  ) {
    this.destination = historyStreamDestination(exchange);
    this.offset = streamOffsetFor(fromMs);
    // The destination header writes the exchange escaped the way RabbitMQ escapes it.
    this.prefix = `/exchange/${escapePart(exchange)}/`;
    this.matches = compileTopicPattern(pattern);
  }

  /**
   * Hot path, per frame read: the arrival time to capture it with, or -1 when
   * the subscription would not have received it (another key, before the range).
   */
  take(frame: StompMessageFrame, nowMs: number): number {
    this.read++;
    const destination = frame.headers['destination'] ?? '';
    let routingKey: string;
    if (destination.startsWith(this.prefix)) routingKey = unescapeDestinationPart(destination.slice(this.prefix.length));
    else if (destination.length === this.prefix.length - 1 && this.prefix.startsWith(destination)) routingKey = '';
    else return -1;
    if (!this.matches(routingKey)) return -1;
    if (this.state !== 'reading') return nowMs;
    const stampedMs = stampOf(frame);
    if (stampedMs < 0) return this.keep(nowMs, nowMs);
    // Whole seconds: a message of the range's first second is in the range.
    if (this.fromMs !== null && stampedMs + 999 < this.fromMs) return -1;
    if (stampedMs >= Math.floor(this.untilMs / 1000) * 1000) {
      this.state = 'live';
      return this.keep(nowMs, stampedMs);
    }
    return this.keep(stampedMs, stampedMs);
  }

  /** The SUBSCRIBE was confirmed: the idle clock starts. */
  noteActive(nowMs: number): void {
    this.quietSinceMs = nowMs;
    this.readAtCheck = this.read;
  }

  fail(reason: string): void {
    if (this.state === 'reading') {
      this.state = 'failed';
      this.failure = reason;
    }
  }

  /**
   * Called on a steady tick while reading: no frame since the checks of the
   * last HISTORY_IDLE_MS means the history is read (it goes on live).
   */
  checkIdle(nowMs: number): void {
    if (this.state !== 'reading' || this.quietSinceMs < 0) return;
    if (this.read !== this.readAtCheck) {
      this.readAtCheck = this.read;
      this.quietSinceMs = nowMs;
    } else if (nowMs - this.quietSinceMs >= HISTORY_IDLE_MS) this.state = 'live';
  }

  /** The tick came late (the page was busy): frames may be waiting behind it, so the quiet starts over. */
  restartIdleClock(nowMs: number): void {
    if (this.quietSinceMs >= 0) this.quietSinceMs = nowMs;
  }

  private keep(receivedAt: number, stampedMs: number): number {
    this.kept++;
    if (this.oldestMs < 0 || stampedMs < this.oldestMs) this.oldestMs = stampedMs;
    if (stampedMs > this.newestMs) this.newestMs = stampedMs;
    return receivedAt;
  }
}

/** The shovel's stamp, else the publisher's AMQP timestamp, in epoch ms; -1 when neither. */
function stampOf(frame: StompMessageFrame): number {
  const raw = frame.headers[SHOVELLED_TIMESTAMP_HEADER] ?? frame.headers['timestamp'];
  if (raw === undefined) return -1;
  const seconds = Number(raw);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds * 1000 : -1;
}

/** RabbitMQ's escaping of a destination part (see model/destination.ts): `/`, `%`, and bytes outside 32..127. */
function escapePart(part: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(part)) {
    out += byte === 0x2f || byte === 0x25 || byte < 32 || byte > 127 ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return out;
}
