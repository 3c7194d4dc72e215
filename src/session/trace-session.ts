/**
 * One tracing session: the connection to the mirror, the capture core, the
 * view over it and the store the UI renders, wired together in one place and
 * created explicitly (main.tsx makes the tab's one; a test makes its own).
 *
 * The path of one frame, in one direction:
 *   connection.onPackedMessage / onMessage → capture.ingestPacked / ingest (buffer, key ids, gaps)
 *   → capture listeners: the view (visible rows), the rate model, and this
 *     session (schedules a publish)
 *   → at most every few frames, publish(): counters into the store
 *   → features re-render from narrow selectors.
 */
import { TraceCapture, DEFAULT_CAPACITY } from '../capture/index.ts';
import {
  DURABLE_PREFETCH,
  installFastFramePath,
  TraceConnection,
  type ConnectionParams,
} from '../connection/index.ts';
import { ConversationIndex } from '../conversations/index.ts';
import type { RewindRange } from '../history/index.ts';
import { PayloadDecoding } from '../model/index.ts';
import { countRatesOf, RateRecorder } from '../rates/index.ts';
import { createWarrenStore, type TimeWindow, type WarrenStore } from '../store/index.ts';
import { TraceView } from '../view/index.ts';
import { WatchSet } from '../watches/index.ts';
import { batchDelayMs, publishIntervalMs } from './publish-cadence.ts';
import { PublishPacer } from './publish-pacer.ts';
import type { ConnectionFactory, SessionConnection } from './session-connection.ts';
import { FilterControl } from './filter-control.ts';
import { compileSessionFilter, type SessionFilterResult } from './session-filter.ts';
import { SessionRewind } from './session-rewind.ts';

export type { ConnectionFactory, SessionConnection } from './session-connection.ts';

export interface TraceSessionOptions {
  /** Messages retained. Default 1,000,000. */
  capacity?: number;
  /** Opens connections (default: TraceConnection over a WebSocket). */
  createConnection?: ConnectionFactory;
}

export class TraceSession {
  readonly store: WarrenStore = createWarrenStore();
  readonly capture: TraceCapture;
  readonly view: TraceView;
  /** Messages linked into conversations, and the requests view's counts. Listens before the view, so a `conv:` filter sees a message's links. */
  readonly conversations: ConversationIndex;
  /** Per-second counts of every message received, evicted or not: what the charts read. */
  readonly rates = new RateRecorder();
  /** How bodies are read as structured values: the inspector, field filters, field charts and the diff share it. */
  readonly payloads = new PayloadDecoding();
  /** Filters whose matches are counted from the moment they are set, at append time (src/watches). */
  readonly watches: WatchSet;
  private connection: SessionConnection | null = null;
  private readonly createConnection: ConnectionFactory;
  private readonly pacer = new PublishPacer(
    () => this.publish(),
    () => this.updateBatchDelay(),
  );
  /** The view's version in the store: rows moved since when it differs. */
  private publishedVersion = -1;
  private readonly detach: () => void;
  /** Subscriptions reading their exchange's history stream, and the rewind's progress. */
  private readonly rewinding: SessionRewind;
  private readonly filtering: FilterControl;
  private disposed = false;

  constructor(options: TraceSessionOptions = {}) {
    // Before any STOMP frame is parsed: stompjs's parser, with a one-pass path for whole frames.
    installFastFramePath();
    this.capture = new TraceCapture({ capacity: options.capacity ?? DEFAULT_CAPACITY, reconnectLookBack: DURABLE_PREFETCH * 2 });
    this.conversations = new ConversationIndex(this.capture);
    this.watches = new WatchSet(this.capture, (text) => this.compileFilter(text));
    this.view = new TraceView(this.capture);
    this.rewinding = new SessionRewind(this.capture, this.store, () => this.connection, () => this.changed());
    this.filtering = new FilterControl(this.view, this.store, this.conversations, this.payloads, () => this.publish());
    const detachers = [
      countRatesOf(this.capture, this.rates),
      this.capture.addListener({ onAppend: () => this.changed() }),
    ];
    this.detach = () => {
      this.filtering.dispose();
      for (const detach of detachers) detach();
    };
    this.createConnection = options.createConnection ?? ((params, listeners) => new TraceConnection(params, listeners));
  }

  /** Connects to a mirror (closing any earlier connection) and subscribes to every subscription not paused. */
  connect(params: ConnectionParams): void {
    if (this.disposed) return;
    void this.connection?.close();
    const state = this.store.getState();
    state.setConnectionTarget({ brokers: params.brokers, vhost: params.vhost, login: params.login });
    let connectedBefore = false;
    const current: SessionConnection = this.createConnection(params, {
      onStatus: (status, detail, broker = null) => {
        if (status === 'connected') {
          if (connectedBefore) this.capture.noteReconnect();
          connectedBefore = true;
        }
        if (this.connection === current) this.store.getState().setConnectionStatus(status, detail, broker);
      },
      onMessage: (frame, subscriptionId) => this.rewinding.ingest(frame, subscriptionId),
      onPackedMessage: (key, block, index, body, redelivered, subscriptionId, receivedAt) =>
        this.rewinding.ingestPacked(key, block, index, body, redelivered, subscriptionId, receivedAt),
      onSubscriptionActive: (id) => {
        this.rewinding.noteActive(id);
        this.store.getState().updateSubscription(id, { state: 'active', error: '' });
      },
      onSubscriptionFailed: (id, reason) => {
        if (!this.rewinding.noteFailed(id, reason)) this.store.getState().updateSubscription(id, { state: 'failed', error: reason });
      },
    });
    this.connection = current;
    this.updateBatchDelay();
    for (const s of state.subscriptions) {
      if (s.state === 'paused') continue;
      state.updateSubscription(s.id, { state: 'pending', error: '' });
      this.rewinding.subscribe(current, s);
    }
    current.open();
  }

  async disconnect(): Promise<void> {
    const current = this.connection;
    this.connection = null;
    await current?.close();
    const state = this.store.getState();
    state.setConnectionStatus('disconnected');
    for (const s of state.subscriptions) if (s.state === 'active') state.updateSubscription(s.id, { state: 'pending' });
  }

  /**
   * Adds a subscription; the destination must have passed checkDestination.
   * With `history`, it starts that far back in its exchange's history stream
   * and goes on live from there; returns why it could not (it is live), or null.
   */
  addSubscription(destination: string, durable = this.store.getState().durableByDefault, history?: RewindRange): string | null {
    const entry = this.store.getState().addSubscriptionEntry(destination, durable);
    const refused = history ? this.rewinding.startOne(entry, history) : null;
    if ((!history || refused !== null) && this.connection) this.rewinding.subscribe(this.connection, entry);
    return refused;
  }

  /**
   * Stops or restarts capture for one subscription. Stopping unsubscribes on the
   * broker (its queue goes away, so nothing piles up on the mirror); messages
   * published meanwhile are not captured.
   */
  toggleSubscriptionCapture(id: string): void {
    const state = this.store.getState();
    const entry = state.subscriptions.find((s) => s.id === id);
    if (!entry) return;
    this.rewinding.forget(id);
    if (entry.state === 'paused' || entry.state === 'failed') {
      state.updateSubscription(id, { state: 'pending', error: '' });
      if (this.connection) this.rewinding.subscribe(this.connection, entry);
    } else {
      this.connection?.unsubscribe(id);
      state.updateSubscription(id, { state: 'paused' });
    }
  }

  removeSubscription(id: string): void {
    this.rewinding.forget(id);
    this.connection?.unsubscribe(id);
    this.store.getState().removeSubscriptionEntry(id);
  }

  /**
   * Starts the view over from `range` in the past: every /exchange/
   * subscription reads its exchange's history stream from there and goes on
   * live from the same stream (see session-rewind.ts).
   */
  rewind(range: RewindRange): void {
    if (this.disposed) return;
    // A frozen view would show the history only on resume: a rewind is to be watched.
    if (this.view.paused) this.togglePause();
    this.rewinding.start(range);
    this.publish();
  }

  /** Stops a rewind in progress: subscriptions still reading the past go back to live. */
  cancelRewind(): void {
    this.rewinding.cancel();
    this.publish();
  }

  /** Forgets every rewind: the next connection subscribes live queues (an import replaced what the page shows). */
  endRewind(): void {
    this.rewinding.reset();
  }

  /** Freezes the view (capture and counting go on) or resumes and jumps to live. */
  togglePause(): void {
    if (this.view.paused) {
      this.view.resume();
      this.store.getState().setFollowing(true);
    } else {
      this.view.pause();
    }
    this.updateBatchDelay();
    this.publish();
  }

  /**
   * Compiles the filter text once and re-filters the retained messages (the
   * view asks the key part once per distinct routing key). A query that does
   * not parse keeps the last good filter on and says why.
   */
  setFilterText(text: string): void {
    this.filtering.apply(text);
  }

  /** The same from the filter box: the box answers the keystroke in its own frame, the rows follow after it (FilterControl.applyAfterPaint). */
  typeFilterText(text: string): void {
    this.filtering.applyAfterPaint(text);
  }

  /** A filter text compiled against this session (conversation terms, decoders), for one-message tests such as watches. */
  compileFilter(text: string): SessionFilterResult {
    return compileSessionFilter(text, this.conversations, this.payloads);
  }

  /** Limits the table to messages received within `window` (whole seconds, with the filter), or returns to live with null. */
  setTimeWindow(window: TimeWindow | null): void {
    this.view.setTimeWindow(window === null ? null : { fromMs: window.fromSecond * 1000, toMs: (window.toSecond + 1) * 1000 });
    this.store.getState().setTimeWindowState(window);
    this.publish();
  }

  /** Closes the connection and stops every timer and listener; the session does nothing afterwards. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.pacer.dispose();
    this.rewinding.dispose();
    this.detach();
    this.view.dispose();
    this.conversations.dispose();
    this.watches.dispose();
    const current = this.connection;
    this.connection = null;
    await current?.close();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private updateBatchDelay(): void {
    const { hidden, glancing, trickle } = this.pacer;
    this.connection?.setBatchDelay(batchDelayMs({ hidden, glancing, trickle, paused: this.view.paused }));
  }

  /** A bulk load (an import) starts: the table follows once a second (BULK_ROWS_INTERVAL_MS) and the charts wait, until the returned function ends it. */
  beginBulkLoad(): () => void {
    // One at a time (the import control runs one file at a time): the store's flag is the state.
    this.store.getState().setBulkLoading(true);
    return () => {
      if (!this.store.getState().bulkLoading) return;
      this.store.getState().setBulkLoading(false);
      this.publish();
    };
  }

  /** Hot path (per appended message): at most one publish pending, none while hidden. */
  private changed(): void {
    const rowsMoved = this.view.version !== this.publishedVersion;
    const { msgPerS, glancing } = this.pacer;
    this.pacer.changed(publishIntervalMs({ rowsMoved, bulkLoading: this.store.getState().bulkLoading, msgPerS, glancing }));
  }

  /** One store update for everything that happened since the last one. */
  private publish(): void {
    if (this.disposed) return;
    const { buffer, gaps } = this.capture;
    const view = this.view;
    this.publishedVersion = view.version;
    this.pacer.published(buffer.received, performance.now());
    this.store.getState().publishView({
      version: view.version,
      received: buffer.received,
      visible: view.messageCount,
      rows: view.rowCount,
      missing: gaps.missing,
      bufferedWhilePaused: view.newWhilePaused,
      dropped: buffer.dropped,
      paused: view.paused,
      filter: this.filtering.shownText,
    });
    this.rewinding.publishStatus();
  }
}
