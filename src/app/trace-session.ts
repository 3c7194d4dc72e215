/**
 * The one tracing session of this tab: wires the STOMP connection to the
 * ingest path and the stores. Actions are plain module functions (zustand's
 * "actions at module level"), callable from components and tests alike.
 */
import { DURABLE_PREFETCH, TraceConnection, type ConnectionParams } from '../connection/index.ts';
import { parseFilterQuery } from '../filter/index.ts';
import { isRedeliveredCopy, TraceIngest } from '../ingest/index.ts';
import { RateRecorder } from '../rates/index.ts';
import {
  addSubscriptionEntry,
  removeSubscriptionEntry,
  setConnectionStatus,
  setConnectionTarget,
  updateSubscription,
  useSubscriptionsStore,
  useViewStore,
  type TimeWindow,
} from '../store/index.ts';

function capacityFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('capacity');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Per-second counts of every message received, for the rate charts (counted at ingest, whatever the table keeps). */
export const rates = new RateRecorder();
export const ingest = new TraceIngest(capacityFromUrl(), rates);
let connection: TraceConnection | null = null;

export function connect(params: ConnectionParams): void {
  void connection?.close();
  setConnectionTarget({ broker: params.broker, vhost: params.vhost, login: params.login });
  // Frames still to be checked for copies after a reconnect (see isRedeliveredCopy).
  let recheck = 0;
  let connectedBefore = false;
  const current = new TraceConnection(params, {
    onStatus: (status, detail) => {
      if (status === 'connected') {
        if (connectedBefore) recheck = DURABLE_PREFETCH * 2;
        connectedBefore = true;
      }
      if (connection === current) setConnectionStatus(status, detail);
    },
    onMessage: (frame, subscriptionId) => {
      // Around a failure the broker may hand a message over twice: skip copies already shown.
      const afterReconnect = recheck > 0 && recheck-- > 0;
      if ((afterReconnect || frame.headers['redelivered'] === 'true') &&
        isRedeliveredCopy(ingest.buffer, frame, subscriptionId, DURABLE_PREFETCH * 2, afterReconnect)) return;
      ingest.ingest(frame, subscriptionId);
    },
    onSubscriptionActive: (id) => updateSubscription(id, { state: 'active', error: '' }),
    onSubscriptionFailed: (id, reason) => updateSubscription(id, { state: 'failed', error: reason }),
  });
  connection = current;
  for (const s of useSubscriptionsStore.getState().subscriptions) {
    if (s.state === 'paused') continue;
    updateSubscription(s.id, { state: 'pending', error: '' });
    current.subscribe(s.id, s.destination, { durable: s.durable });
  }
  current.open();
}

export async function disconnect(): Promise<void> {
  const current = connection;
  connection = null;
  await current?.close();
  setConnectionStatus('disconnected');
  for (const s of useSubscriptionsStore.getState().subscriptions) if (s.state === 'active') updateSubscription(s.id, { state: 'pending' });
}

/** Adds a subscription; the destination must have passed checkDestination. */
export function addSubscription(destination: string, durable = useSubscriptionsStore.getState().durableByDefault): void {
  const entry = addSubscriptionEntry(destination, durable);
  connection?.subscribe(entry.id, destination, { durable });
}

/**
 * Stops or restarts capture for one subscription. Stopping unsubscribes on the
 * broker (its queue goes away, so nothing piles up on the mirror); messages
 * published meanwhile are not captured.
 */
export function toggleSubscriptionCapture(id: string): void {
  const entry = useSubscriptionsStore.getState().subscriptions.find((s) => s.id === id);
  if (!entry) return;
  if (entry.state === 'paused' || entry.state === 'failed') {
    updateSubscription(id, { state: 'pending', error: '' });
    connection?.subscribe(id, entry.destination, { durable: entry.durable });
  } else {
    connection?.unsubscribe(id);
    updateSubscription(id, { state: 'paused' });
  }
}

export function removeSubscription(id: string): void {
  connection?.unsubscribe(id);
  removeSubscriptionEntry(id);
}

/** Freezes the view (capture and counting go on) or resumes and jumps to live. */
export function togglePause(): void {
  if (ingest.paused) {
    ingest.resume();
    useViewStore.setState({ following: true });
  } else {
    ingest.pause();
  }
}

/**
 * Compiles the filter text once and re-filters the retained messages: the
 * ingest asks the matcher once per distinct routing key and selects messages
 * by key id. A query that does not parse keeps the last good filter on and
 * says why.
 */
export function applyFilterText(text: string): void {
  const parsed = parseFilterQuery(text);
  if (!parsed.ok) {
    useViewStore.setState({ filterText: text, filterError: parsed.error });
    return;
  }
  useViewStore.setState({ filterText: text, filterError: '' });
  const { filter } = parsed;
  ingest.setFilter(filter.isEmpty ? null : (exchange, routingKey) => filter.matchesKey(exchange, routingKey), filter.matchesBody);
}

/**
 * Limits the table to messages received within `window` (whole seconds,
 * combined with the filter), or returns it to live with null.
 */
export function setTimeWindow(window: TimeWindow | null): void {
  ingest.setTimeWindow(window === null ? null : { fromMs: window.fromSecond * 1000, toMs: (window.toSecond + 1) * 1000 });
  useViewStore.setState({ timeWindow: window });
}
