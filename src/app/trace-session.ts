/**
 * The one tracing session of this tab: wires the STOMP connection to the
 * ingest path and the stores. Actions are plain module functions (zustand's
 * "actions at module level"), callable from components and tests alike.
 */
import { TraceConnection, type ConnectionParams } from '../connection/index.ts';
import { TraceIngest } from '../ingest/index.ts';
import {
  addSubscriptionEntry,
  removeSubscriptionEntry,
  setConnectionStatus,
  setConnectionTarget,
  updateSubscription,
  useSubscriptionsStore,
  useViewStore,
} from '../store/index.ts';

function capacityFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('capacity');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const ingest = new TraceIngest(capacityFromUrl());
let connection: TraceConnection | null = null;

export function connect(params: ConnectionParams): void {
  void connection?.close();
  setConnectionTarget({ broker: params.broker, vhost: params.vhost, login: params.login });
  const current = new TraceConnection(params, {
    onStatus: (status, detail) => {
      if (connection === current) setConnectionStatus(status, detail);
    },
    onMessage: (frame, subscriptionId) => ingest.ingest(frame, subscriptionId),
    onSubscriptionActive: (id) => updateSubscription(id, { state: 'active', error: '' }),
    onSubscriptionFailed: (id, reason) => updateSubscription(id, { state: 'failed', error: reason }),
  });
  connection = current;
  for (const s of useSubscriptionsStore.getState().subscriptions) {
    updateSubscription(s.id, { state: 'pending', error: '' });
    current.subscribe(s.id, s.destination);
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
export function addSubscription(destination: string): void {
  const entry = addSubscriptionEntry(destination);
  connection?.subscribe(entry.id, destination);
}

export function removeSubscription(id: string): void {
  connection?.unsubscribe(id);
  removeSubscriptionEntry(id);
}

export function togglePause(): void {
  if (ingest.paused) ingest.resume();
  else ingest.pause();
}

/** Compiles the filter text once and re-filters the retained messages; a bad query leaves the last good filter on. */
export function applyFilterText(text: string): void {
  useViewStore.setState({ filterText: text, filterError: '' });
  ingest.setFilter(null);
}
