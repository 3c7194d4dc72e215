import { create } from 'zustand';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'error';

export interface ConnectionTarget {
  /** WebSocket URL of web_stomp, e.g. ws://127.0.0.1:15674/ws. */
  broker: string;
  vhost: string;
  login: string;
}

interface ConnectionState {
  status: ConnectionStatus;
  /** Why the status is what it is, in words a user can act on ('' when nothing to say). */
  detail: string;
  target: ConnectionTarget;
}

export const useConnectionStore = create<ConnectionState>()(() => ({
  status: 'disconnected',
  detail: '',
  target: { broker: '', vhost: '/', login: '' },
}));

export const setConnectionStatus = (status: ConnectionStatus, detail = '') =>
  useConnectionStore.setState({ status, detail });

export const setConnectionTarget = (target: ConnectionTarget) => useConnectionStore.setState({ target });
