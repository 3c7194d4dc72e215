import type { StateCreator } from 'zustand/vanilla';

/** paused: capture stopped by the user (unsubscribed on the broker), kept in the list to resume. */
export type SubscriptionState = 'pending' | 'active' | 'failed' | 'paused';

export interface Subscription {
  /** Stable id within the tab; also the STOMP subscription id. */
  id: string;
  /** 1 for the tab's first subscription, and so on: picks its colour. */
  number: number;
  destination: string;
  state: SubscriptionState;
  /** The broker's reason when failed. */
  error: string;
  /** Durable capture: a queue of the tab's own that survives reconnects (see connection/durable-capture.ts). */
  durable: boolean;
  /** queue: a live queue of its own; stream: its exchange's history stream, since a rewind (session-rewind.ts). */
  source: 'queue' | 'stream';
}

export interface SubscriptionsSlice {
  subscriptions: Subscription[];
  /** Whether new subscriptions use durable capture unless the user unticks it (on for the local stack). */
  durableByDefault: boolean;
  /** Subscriptions ever added in this tab (ids are never reused). */
  subscriptionsAdded: number;
  setDurableByDefault(durable: boolean): void;
  addSubscriptionEntry(destination: string, durable: boolean): Subscription;
  updateSubscription(id: string, patch: Partial<Pick<Subscription, 'state' | 'error' | 'source'>>): void;
  removeSubscriptionEntry(id: string): void;
}

export const createSubscriptionsSlice: StateCreator<SubscriptionsSlice> = (set, get) => ({
  subscriptions: [],
  durableByDefault: false,
  subscriptionsAdded: 0,
  setDurableByDefault: (durable) => set({ durableByDefault: durable }),
  addSubscriptionEntry: (destination, durable) => {
    const number = get().subscriptionsAdded + 1;
    const entry: Subscription = { id: `sub-${number}`, number, destination, state: 'pending', error: '', durable, source: 'queue' };
    set(({ subscriptions }) => ({ subscriptions: [...subscriptions, entry], subscriptionsAdded: number }));
    return entry;
  },
  updateSubscription: (id, patch) =>
    set(({ subscriptions }) => ({ subscriptions: subscriptions.map((s) => (s.id === id ? { ...s, ...patch } : s)) })),
  removeSubscriptionEntry: (id) => set(({ subscriptions }) => ({ subscriptions: subscriptions.filter((s) => s.id !== id) })),
});
