import type { StateCreator } from 'zustand/vanilla';
import type { BrokerInUse, TraceConnectionStatus } from '../connection/index.ts';

export interface ConnectionTarget {
  /** WebSocket URLs of web_stomp, e.g. ws://127.0.0.1:15674/ws: one node, or a cluster's nodes tried in turn. */
  brokers: string[];
  vhost: string;
  login: string;
}

/** Where the messages on the page come from: the broker, or a capture file imported with no broker. */
export type CaptureSource = { kind: 'live' } | { kind: 'file'; name: string };

/** The connection as the status line and the connection panel show it. */
export interface ConnectionSlice {
  status: TraceConnectionStatus;
  /** Why the status is what it is, in words a user can act on ('' when nothing to say). */
  detail: string;
  /** The node connected to or being tried (null when none is). */
  brokerInUse: BrokerInUse | null;
  target: ConnectionTarget;
  source: CaptureSource;
  setConnectionStatus(status: TraceConnectionStatus, detail?: string, brokerInUse?: BrokerInUse | null): void;
  /** Also back to a live source: connecting somewhere means the page shows the broker again. */
  setConnectionTarget(target: ConnectionTarget): void;
  setCaptureSource(source: CaptureSource): void;
}

export const createConnectionSlice: StateCreator<ConnectionSlice> = (set) => ({
  status: 'disconnected',
  detail: '',
  brokerInUse: null,
  target: { brokers: [], vhost: '/', login: '' },
  source: { kind: 'live' },
  setConnectionStatus: (status, detail = '', brokerInUse = null) => set({ status, detail, brokerInUse }),
  setConnectionTarget: (target) => set({ target, source: { kind: 'live' } }),
  setCaptureSource: (source) => set({ source }),
});
