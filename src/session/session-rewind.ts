/**
 * A session's rewind: which subscriptions read their exchange's history
 * stream instead of a live queue, and the progress the rewind bar shows.
 *
 * Starting one clears the capture (the view starts over at the range's
 * start), swaps each /exchange/ subscription's live queue for a read of its
 * exchange's stream from that moment, and leaves it there: the stream goes on
 * with live messages, so there is no join to get wrong. /topic/ and /queue/
 * subscriptions have no history and go on live. Cancelling swaps the readers
 * still in the past back to live queues, keeping what they loaded.
 */
import type { TraceCapture } from '../capture/index.ts';
import { describeRange, HistoryReader, isHistoryStreamDestination, rewindStartMs, summariseRewind, type RewindRange, type RewindStatus } from '../history/index.ts';
import { checkDestination, type HeaderBlock, type KeyFields, type StompMessageFrame } from '../model/index.ts';
import type { Subscription, WarrenStore } from '../store/index.ts';
import type { SessionConnection } from './session-connection.ts';

/** How often a rewind in progress checks for readers gone quiet and publishes its progress. */
const PROGRESS_CHECK_MS = 250;

type Base = Pick<RewindStatus, 'label' | 'fromMs' | 'untilMs' | 'skipped'>;

export class SessionRewind {
  /** Every subscription that reads its stream now, by id: where its frames go. */
  private readonly readers = new Map<string, HistoryReader>();
  /** The readers the current (or last) status is about, whatever became of them since. */
  private tracked: HistoryReader[] = [];
  private base: Base | null = null;
  private cancelled = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly capture: TraceCapture,
    private readonly store: WarrenStore,
    private readonly connection: () => SessionConnection | null,
    /** Something the rewind bar shows changed: publish soon. */
    private readonly changed: () => void,
  ) {}

  /**
   * Hot path, every MESSAGE frame: into the capture as it is, or, for a
   * subscription reading history, through its reader (its pattern, its range,
   * the shovel's stamp as the arrival time).
   */
  ingest(frame: StompMessageFrame, subscriptionId: string): void {
    const reader = this.readers.size === 0 ? undefined : this.readers.get(subscriptionId);
    if (reader === undefined) {
      this.capture.ingest(frame, subscriptionId);
      return;
    }
    const receivedAt = reader.take(frame, Date.now());
    if (receivedAt >= 0) this.capture.ingest(frame, subscriptionId, receivedAt);
  }

  /**
   * Hot path, every MESSAGE frame the socket worker read: into the capture
   * with its headers still packed, unless its subscription reads history
   * (the connection sends those frames to ingest(); this is in case one
   * comes here while a rewind starts).
   */
  ingestPacked(key: Readonly<KeyFields>, block: HeaderBlock, index: number, body: Uint8Array, redelivered: boolean, subscriptionId: string, receivedAt: number): void {
    if (this.readers.size > 0 && this.readers.has(subscriptionId)) this.ingest({ headers: block.at(index), binaryBody: body }, subscriptionId);
    else this.capture.ingestPacked(key, block, index, body, redelivered, subscriptionId, receivedAt);
  }

  /** Subscribes `s` on `connection` the way it reads now: its stream, or its live queue. */
  subscribe(connection: SessionConnection, s: Subscription): void {
    const reader = this.readers.get(s.id);
    if (reader) connection.subscribe(s.id, reader.destination, { durable: false, stream: { offset: reader.offset } });
    else if (isHistoryStreamDestination(s.destination)) connection.subscribe(s.id, s.destination, { durable: false, stream: { offset: 'next' } });
    else connection.subscribe(s.id, s.destination, { durable: s.durable });
  }

  start(range: RewindRange, nowMs = Date.now()): void {
    const fromMs = rewindStartMs(range, nowMs);
    const connection = this.connection();
    const skipped: string[] = [];
    this.capture.clear();
    this.readers.clear();
    this.tracked = [];
    this.cancelled = false;
    const state = this.store.getState();
    for (const s of state.subscriptions) {
      if (s.state === 'paused') continue;
      const check = checkDestination(s.destination);
      if (!check.ok || check.destination.kind !== 'exchange') {
        skipped.push(`${s.destination}: only /exchange/ subscriptions have history on the mirror; it goes on live`);
        continue;
      }
      const reader = new HistoryReader(s.id, check.destination.exchange, check.destination.routingKey, fromMs, nowMs);
      this.readers.set(s.id, reader);
      this.tracked.push(reader);
      state.updateSubscription(s.id, { source: 'stream' });
      if (connection) {
        connection.unsubscribe(s.id);
        state.updateSubscription(s.id, { state: 'pending', error: '' });
        this.subscribe(connection, s);
      }
    }
    this.base = { label: describeRange(range), fromMs, untilMs: nowMs, skipped };
    this.startTimer();
    this.publishStatus();
  }

  /**
   * A new subscription starts with its history (the capture is not cleared:
   * nothing of it was captured yet), then goes on live from its stream. It
   * joins a rewind in progress, or gets a status of its own. Returns why it
   * cannot (it then subscribes live), or null.
   */
  startOne(s: Subscription, range: RewindRange, nowMs = Date.now()): string | null {
    const check = checkDestination(s.destination);
    if (!check.ok || check.destination.kind !== 'exchange') return 'only /exchange/ subscriptions have history on the mirror: subscribed live';
    const fromMs = rewindStartMs(range, nowMs);
    if (this.base === null) {
      this.tracked = [];
      this.cancelled = false;
      this.base = { label: `${describeRange(range)} of ${s.destination}`, fromMs, untilMs: nowMs, skipped: [] };
      this.startTimer();
    }
    const reader = new HistoryReader(s.id, check.destination.exchange, check.destination.routingKey, fromMs, nowMs);
    this.readers.set(s.id, reader);
    this.tracked.push(reader);
    this.store.getState().updateSubscription(s.id, { source: 'stream' });
    const connection = this.connection();
    if (connection) this.subscribe(connection, s);
    this.publishStatus();
    return null;
  }

  /** Readers still in the past go back to live queues; what they loaded stays. */
  cancel(): void {
    const connection = this.connection();
    const state = this.store.getState();
    for (const reader of this.tracked) {
      const id = reader.subscriptionId;
      if (reader.state !== 'reading' || this.readers.get(id) !== reader) continue;
      this.readers.delete(id);
      state.updateSubscription(id, { source: 'queue' });
      const s = state.subscriptions.find((x) => x.id === id);
      if (connection && s) {
        connection.unsubscribe(id);
        this.subscribe(connection, s);
      }
    }
    this.cancelled = true;
    this.publishStatus();
  }

  /** The subscription stops or goes away: it reads live when it comes back. */
  forget(subscriptionId: string): void {
    if (this.readers.delete(subscriptionId)) this.store.getState().updateSubscription(subscriptionId, { source: 'queue' });
  }

  noteActive(subscriptionId: string, nowMs = Date.now()): void {
    this.readers.get(subscriptionId)?.noteActive(nowMs);
  }

  /**
   * The broker refused a stream read (no history stream for that exchange,
   * or the tracer may not read it): the subscription goes on live, and the
   * rewind bar says why. Returns false when the subscription was not reading history.
   */
  noteFailed(subscriptionId: string, reason: string): boolean {
    const reader = this.readers.get(subscriptionId);
    if (!reader) return false;
    reader.fail(reason);
    this.readers.delete(subscriptionId);
    const connection = this.connection();
    const s = this.store.getState().subscriptions.find((x) => x.id === subscriptionId);
    this.store.getState().updateSubscription(subscriptionId, { source: 'queue' });
    if (connection && s) {
      connection.unsubscribe(subscriptionId);
      this.store.getState().updateSubscription(subscriptionId, { state: 'pending', error: '' });
      this.subscribe(connection, s);
    }
    this.changed();
    return true;
  }

  /** Called with the session's publish: the rewind bar's numbers, while a rewind is in progress. */
  publishStatus(): void {
    if (this.base === null) return;
    const status = summariseRewind(this.base, this.tracked, this.cancelled);
    this.store.getState().setRewindStatus(status);
    if (status.state !== 'reading') {
      this.base = null; // final: nothing more to publish until the next rewind
      this.stopTimer();
    }
  }

  /** Every subscription back to live queues on the next connection, and no status: the page shows something else now (an imported file). */
  reset(): void {
    const state = this.store.getState();
    for (const id of this.readers.keys()) state.updateSubscription(id, { source: 'queue' });
    this.readers.clear();
    this.tracked = [];
    this.base = null;
    this.stopTimer();
    state.setRewindStatus(null);
  }

  dispose(): void {
    this.stopTimer();
  }

  private startTimer(): void {
    this.stopTimer();
    let lastTick = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      // A late tick means the page was busy, not that the streams were quiet.
      const late = now - lastTick > PROGRESS_CHECK_MS * 3;
      lastTick = now;
      for (const reader of this.readers.values()) {
        if (late) reader.restartIdleClock(now);
        else reader.checkIdle(now);
      }
      this.changed();
    }, PROGRESS_CHECK_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
