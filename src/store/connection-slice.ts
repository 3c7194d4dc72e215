import type { StateCreator } from 'zustand/vanilla';
import type { TraceConnectionStatus } from '../connection/index.ts';

export interface ConnectionTarget {
  /** WebSocket URL of web_stomp, e.g. ws://127.0.0.1:15674/ws. */
  broker: string;
  vhost: string;
  login: string;
}

/** The connection as the status line and the connection panel show it. */
export interface ConnectionSlice {
  status: TraceConnectionStatus;
  /** Why the status is what it is, in words a user can act on ('' when nothing to say). */
  detail: string;
  target: ConnectionTarget;
  setConnectionStatus(status: TraceConnectionStatus, detail?: string): void;
  setConnectionTarget(target: ConnectionTarget): void;
}

export const createConnectionSlice: StateCreator<ConnectionSlice> = (set) => ({
  status: 'disconnected',
  detail: '',
  target: { broker: '', vhost: '/', login: '' },
  setConnectionStatus: (status, detail = '') => set({ status, detail }),
  setConnectionTarget: (target) => set({ target }),
});
