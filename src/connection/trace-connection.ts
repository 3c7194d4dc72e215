/**
 * The one STOMP-over-WebSocket connection to the mirror, wrapping stompjs's
 * Client: heartbeats, reconnect with capped exponential backoff, every
 * subscription restored after a reconnect, and RabbitMQ's ERROR frames turned
 * into a reason a user can act on.
 *
 * RabbitMQ answers a bad SUBSCRIBE (missing exchange, access refused) with an
 * ERROR frame and then closes the whole connection. Such an error would repeat
 * on every reconnect, so the subscription that caused it is marked failed and
 * left out of later reconnects; the others come back. An ERROR before
 * CONNECTED (bad login, unknown vhost) would also repeat: it stops the client
 * instead of retrying in a loop.
 */
import { Client, ReconnectionTimeMode, type IFrame, type IMessage, type StompSubscription } from '@stomp/stompjs';
import { describeCloseEvent, describeErrorFrame, exchangeNamedInError } from './errors.ts';
import { parseSubscriptionDestination } from './destinations.ts';

export interface ConnectionParams {
  broker: string;
  vhost: string;
  login: string;
  passcode: string;
}

export type TraceConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'error';

export interface TraceConnectionListeners {
  onStatus(status: TraceConnectionStatus, detail: string): void;
  /** Hot path: called once per MESSAGE frame. */
  onMessage(frame: IMessage, subscriptionId: string): void;
  onSubscriptionActive(subscriptionId: string): void;
  onSubscriptionFailed(subscriptionId: string, reason: string): void;
}

interface SubscriptionEntry {
  id: string;
  destination: string;
  failed: boolean;
  /** SUBSCRIBE sent on the current connection and not yet confirmed by a RECEIPT. */
  pending: boolean;
  handle: StompSubscription | null;
}

/** Heartbeats both ways, in ms: a dead mirror is noticed within ~2 intervals. */
const HEARTBEAT_MS = 10_000;
export const RECONNECT_INITIAL_MS = 500;
export const RECONNECT_MAX_MS = 15_000;

export class TraceConnection {
  private readonly client: Client;
  private readonly subscriptions = new Map<string, SubscriptionEntry>();
  private connected = false;

  constructor(
    params: ConnectionParams,
    private readonly listeners: TraceConnectionListeners,
  ) {
    this.client = new Client({
      brokerURL: params.broker,
      connectHeaders: { login: params.login, passcode: params.passcode, host: params.vhost },
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      reconnectDelay: RECONNECT_INITIAL_MS,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      maxReconnectDelay: RECONNECT_MAX_MS,
      // A half-open socket must not wait for the TCP timeout before reconnecting.
      discardWebsocketOnCommFailure: true,
      onConnect: () => this.handleConnect(),
      onStompError: (frame) => this.handleErrorFrame(frame),
      onWebSocketClose: (event) => this.handleClose(event),
    });
  }

  open(): void {
    this.listeners.onStatus('connecting', '');
    this.client.activate();
  }

  async close(): Promise<void> {
    await this.client.deactivate();
    this.connected = false;
    this.listeners.onStatus('disconnected', '');
  }

  subscribe(id: string, destination: string): void {
    const entry: SubscriptionEntry = { id, destination, failed: false, pending: false, handle: null };
    this.subscriptions.set(id, entry);
    if (this.connected) this.sendSubscribe(entry);
  }

  unsubscribe(id: string): void {
    const entry = this.subscriptions.get(id);
    this.subscriptions.delete(id);
    if (entry?.handle && this.connected) entry.handle.unsubscribe();
  }

  private sendSubscribe(entry: SubscriptionEntry): void {
    const receipt = `subscribed-${entry.id}-${Date.now()}`;
    entry.pending = true;
    this.client.watchForReceipt(receipt, () => {
      entry.pending = false;
      if (this.subscriptions.get(entry.id) === entry) this.listeners.onSubscriptionActive(entry.id);
    });
    const headers = { id: entry.id, receipt, ...parseSubscriptionDestination(entry.destination).headers };
    entry.handle = this.client.subscribe(entry.destination, (frame) => this.listeners.onMessage(frame, entry.id), headers);
  }

  private handleConnect(): void {
    this.connected = true;
    this.listeners.onStatus('connected', '');
    for (const entry of this.subscriptions.values()) if (!entry.failed) this.sendSubscribe(entry);
  }

  private handleErrorFrame(frame: IFrame): void {
    const reason = describeErrorFrame(frame);
    if (!this.connected) {
      // Refused before CONNECTED: retrying would only repeat it.
      this.listeners.onStatus('error', reason);
      void this.client.deactivate();
      return;
    }
    const culprit = this.findFailedSubscription(frame);
    if (culprit) {
      culprit.failed = true;
      culprit.pending = false;
      this.listeners.onSubscriptionFailed(culprit.id, reason);
    }
    this.listeners.onStatus('error', culprit ? `subscription ${culprit.destination} failed: ${reason}` : reason);
  }

  /** The subscription an ERROR frame is about: the pending one whose exchange it names, else the oldest pending. */
  private findFailedSubscription(frame: IFrame): SubscriptionEntry | undefined {
    const pending = [...this.subscriptions.values()].filter((s) => s.pending);
    const exchange = exchangeNamedInError(frame);
    return (
      (exchange !== null ? pending.find((s) => parseSubscriptionDestination(s.destination).exchange === exchange) : undefined) ??
      pending[0]
    );
  }

  private handleClose(event: CloseEvent): void {
    const wasConnected = this.connected;
    this.connected = false;
    for (const entry of this.subscriptions.values()) {
      entry.pending = false;
      entry.handle = null;
    }
    if (!this.client.active) return; // closed on purpose, or after a fatal error
    this.listeners.onStatus('connecting', `${wasConnected ? 'connection lost' : 'cannot connect'} (${describeCloseEvent(event)}); reconnecting`);
  }
}
