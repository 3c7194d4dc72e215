import { create } from 'zustand';

/** paused: capture stopped by the user (unsubscribed on the broker), kept in the list to resume. */
export type SubscriptionState = 'pending' | 'active' | 'failed' | 'paused';

export interface Subscription {
  /** Stable id within the tab; also the STOMP subscription id. */
  id: string;
  destination: string;
  /** Tag colour shown on this subscription's rows. */
  color: string;
  state: SubscriptionState;
  /** The broker's reason when failed. */
  error: string;
  /** Durable capture: a queue of the tab's own that survives reconnects (see connection/durable-capture.ts). */
  durable: boolean;
}

interface SubscriptionsState {
  subscriptions: Subscription[];
  /** Whether new subscriptions use durable capture unless the user unticks it (on for the local stack). */
  durableByDefault: boolean;
}

export const useSubscriptionsStore = create<SubscriptionsState>()(() => ({ subscriptions: [], durableByDefault: false }));

export const setDurableByDefault = (durable: boolean) => useSubscriptionsStore.setState({ durableByDefault: durable });

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f'];
let nextId = 1;

export function addSubscriptionEntry(destination: string, durable: boolean): Subscription {
  const id = `sub-${nextId++}`;
  const { subscriptions } = useSubscriptionsStore.getState();
  const color = PALETTE[subscriptions.length % PALETTE.length] ?? '#888';
  const entry: Subscription = { id, destination, color, state: 'pending', error: '', durable };
  useSubscriptionsStore.setState({ subscriptions: [...subscriptions, entry] });
  return entry;
}

export function updateSubscription(id: string, patch: Partial<Pick<Subscription, 'state' | 'error'>>): void {
  useSubscriptionsStore.setState(({ subscriptions }) => ({
    subscriptions: subscriptions.map((s) => (s.id === id ? { ...s, ...patch } : s)),
  }));
}

export function removeSubscriptionEntry(id: string): void {
  useSubscriptionsStore.setState(({ subscriptions }) => ({ subscriptions: subscriptions.filter((s) => s.id !== id) }));
}

/** Colour lookup for rows, outside React (rows are rendered from the ingest buffer). */
export function subscriptionColor(id: string): string {
  return useSubscriptionsStore.getState().subscriptions.find((s) => s.id === id)?.color ?? '#888';
}
