import type { ConnectionParams, SubscribeOptions, TraceConnectionListeners } from '../connection/index.ts';

/** What the session needs of a connection; TraceConnection in the product, a fake in unit tests. */
export interface SessionConnection {
  open(): void;
  close(): Promise<void>;
  subscribe(id: string, destination: string, options: SubscribeOptions): void;
  unsubscribe(id: string): void;
  /** The fewest milliseconds between two batches the socket hands over (TraceConnection.setBatchDelay). */
  setBatchDelay(ms: number): void;
}

export type ConnectionFactory = (params: ConnectionParams, listeners: TraceConnectionListeners) => SessionConnection;
