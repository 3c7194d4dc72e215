/**
 * The one STOMP-over-WebSocket connection to the mirror, wrapping stompjs's
 * Client: heartbeats, reconnect with capped exponential backoff, every
 * subscription restored after a reconnect, and failures turned into a reason
 * a user can act on.
 *
 * A bad SUBSCRIBE (missing exchange, access refused) makes RabbitMQ close the
 * whole connection. Over web_stomp 3.10 the ERROR frame it logs as sent does
 * not reach the browser: the socket just closes with code 1000 "STOMP died".
 * So SUBSCRIBEs go out one at a time, each waiting for its RECEIPT: when the
 * connection dies with one in flight, that one is the culprit. It is marked
 * failed and left out of later reconnects (the error would only repeat); the
 * others come back. An ERROR before CONNECTED (bad login, unknown vhost)
 * would repeat too: it stops the client instead of retrying in a loop (the
 * nodes of one cluster share users and vhosts, so another node would refuse
 * it the same way).
 *
 * Several broker URLs (a cluster's nodes): each attempt goes to the next URL
 * once the previous one failed or its connection was lost (see
 * broker-rotation.ts for the order and the backoff), and durable capture
 * queues become quorum queues, which outlive the node they were declared on.
 */
import { Client, ReconnectionTimeMode, Versions, type IFrame, type IStompSocket, type StompSubscription } from '@stomp/stompjs';
import { describeCloseEvent, describeErrorFrame, subscribeRefusalReason } from './errors.ts';
import { checkDestination, type StompMessageFrame } from '../model/index.ts';
import { MessageRoutes, stompAckId, subscriptionRoute, type PackedMessageListener } from './message-routes.ts';
import { createTraceSocket, type BatchingSocket } from './socket-worker/index.ts';
import { CumulativeAcker, durableQueueName, durableSubscribeHeaders, tabId } from './durable-capture.ts';
import { retriesStreamRead, streamRefusalReason, streamSubscribeHeaders } from './stream-reading.ts';
import { BrokerRotation, CONNECT_TIMEOUT_MS, RECONNECT_INITIAL_MS, RECONNECT_MAX_MS, STOMPJS_RECONNECT_TICK_MS, type BrokerInUse } from './broker-rotation.ts';

export { RECONNECT_INITIAL_MS, RECONNECT_MAX_MS } from './broker-rotation.ts';

export interface ConnectionParams {
  /** web_stomp URLs, tried in this order (at least one). */
  brokers: string[];
  vhost: string;
  login: string;
  passcode: string;
}

export type TraceConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'error';

export interface TraceConnectionListeners {
  /** `broker`: the node connected to, or being tried next; null once disconnected. */
  onStatus(status: TraceConnectionStatus, detail: string, broker?: BrokerInUse | null): void;
  /** Hot path: called once per MESSAGE frame stompjs read, and per frame of a stream read. */
  onMessage(frame: StompMessageFrame, subscriptionId: string): void;
  /**
   * Hot path: a MESSAGE frame the socket worker read (socket-worker.ts), headers packed
   * until read. Without this, such frames come to onMessage, headers unpacked.
   */
  onPackedMessage?: PackedMessageListener;
  onSubscriptionActive(subscriptionId: string): void;
  onSubscriptionFailed(subscriptionId: string, reason: string): void;
}

export interface SubscribeOptions {
  /** Durable capture (see durable-capture.ts): nothing lost across a reconnect within the queue's expiry. */
  durable: boolean;
  /**
   * The destination is a stream queue (`/amq/queue/<stream>`), read from
   * `offset` (an `x-stream-offset`: first, last, next, a number,
   * timestamp=<epoch s>). After a reconnect it reads on from the offset after
   * the last message delivered: nothing twice, nothing missed.
   */
  stream?: { offset: string };
}

export interface TraceConnectionOptions {
  /** Opens the WebSocket (or a look-alike); tests pass a fake. Default: createTraceSocket. */
  socketFactory?: (url: string, protocols: string[]) => IStompSocket;
}

interface SubscriptionEntry {
  id: string;
  destination: string;
  failed: boolean;
  handle: StompSubscription | null;
  /** Present for durable capture: the tab's own queue. */
  durable: { queueName: string } | null;
  /**
   * Present for a stream read: where to start, the offset after the last
   * message delivered (-1 before any), and when its SUBSCRIBE was first
   * refused in the current run of refusals (null once one is confirmed).
   */
  stream: { offset: string; next: number; refusedSinceMs: number | null } | null;
}

/** Heartbeats both ways, in ms: a dead mirror is noticed within ~2 intervals. */
const HEARTBEAT_MS = 10_000;

export class TraceConnection {
  private readonly client: Client;
  private readonly tab = tabId();
  /**
   * One acker for every durable subscription: RabbitMQ's STOMP adapter runs
   * all subscriptions of a connection on one channel, and `ack:client` is a
   * cumulative basic.ack over that channel's delivery tags. Acking per
   * subscription would ack another subscription's tags and then ack them
   * again, which the broker answers by closing the connection.
   */
  private readonly acker = new CumulativeAcker((id, subscription) => this.client.ack(id, subscription));
  private readonly subscriptions = new Map<string, SubscriptionEntry>();
  /** Every subscription sent on this connection, by STOMP id, for the frames the socket worker reads. */
  private readonly routes: MessageRoutes;
  /** Entries waiting to be sent on this connection, in order. */
  private sendQueue: SubscriptionEntry[] = [];
  /** The SUBSCRIBE sent and not yet confirmed by its RECEIPT. */
  private inFlight: SubscriptionEntry | null = null;
  /** The last ERROR frame's reason on this connection, if one arrived. */
  private lastError: string | null = null;
  private connected = false;
  /** The socket of the current (or last) attempt. */
  private socket: IStompSocket | null = null;
  private batchDelayMs: number | null = null;
  /** Stream SUBSCRIBEs sent, for their STOMP ids. */
  private streamReads = 0;
  private readonly rotation: BrokerRotation;
  /** Durable capture queues are quorum queues: with several nodes, one may go away. */
  private readonly quorum: boolean;
  /** To wait in beforeConnect before the next attempt (the backoff). */
  private pendingDelayMs = 0;

  constructor(
    params: ConnectionParams,
    private readonly listeners: TraceConnectionListeners,
    options: TraceConnectionOptions = {},
  ) {
    const socketFactory = options.socketFactory ?? createTraceSocket;
    this.routes = new MessageRoutes(listeners, this.acker);
    this.rotation = new BrokerRotation(params.brokers, RECONNECT_INITIAL_MS, RECONNECT_MAX_MS);
    this.quorum = params.brokers.length > 1;
    this.client = new Client({
      beforeConnect: () => this.waitBackoff(),
      webSocketFactory: () => {
        const socket = socketFactory(this.rotation.current.url, Versions.default.protocolVersions());
        this.socket = socket;
        this.applyBatchDelay();
        return socket;
      },
      connectHeaders: { login: params.login, passcode: params.passcode, host: params.vhost },
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      reconnectDelay: STOMPJS_RECONNECT_TICK_MS,
      reconnectTimeMode: ReconnectionTimeMode.LINEAR,
      connectionTimeout: params.brokers.length > 1 ? CONNECT_TIMEOUT_MS : 0,
      // A half-open socket must not wait for the TCP timeout before reconnecting.
      discardWebsocketOnCommFailure: true,
      onConnect: () => this.handleConnect(),
      onStompError: (frame) => this.handleErrorFrame(frame),
      onWebSocketClose: (event) => this.handleClose(event),
    });
  }

  /**
   * How often a batching socket (the socket worker) hands messages over:
   * the table's cadence while rows are drawn live, longer when they only
   * move counters. Kept for later sockets.
   */
  setBatchDelay(ms: number): void {
    this.batchDelayMs = ms;
    this.applyBatchDelay();
  }

  private applyBatchDelay(): void {
    const socket = this.socket as Partial<BatchingSocket> | null;
    if (this.batchDelayMs !== null && typeof socket?.setBatchDelay === 'function') socket.setBatchDelay(this.batchDelayMs);
  }

  private async waitBackoff(): Promise<void> {
    const wait = this.pendingDelayMs - STOMPJS_RECONNECT_TICK_MS;
    this.pendingDelayMs = 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  open(): void {
    this.listeners.onStatus('connecting', '', this.rotation.current);
    this.client.activate();
  }

  async close(): Promise<void> {
    await this.client.deactivate();
    this.connected = false;
    this.listeners.onStatus('disconnected', '', null);
  }

  subscribe(id: string, destination: string, options: SubscribeOptions = { durable: false }): void {
    const check = checkDestination(destination);
    const bindsOwnQueue = check.ok && (check.destination.kind === 'exchange' || check.destination.kind === 'topic');
    const durable = options.durable && bindsOwnQueue ? { queueName: durableQueueName(this.tab, destination, this.quorum) } : null;
    const stream = options.stream ? { offset: options.stream.offset, next: -1, refusedSinceMs: null } : null;
    const entry: SubscriptionEntry = { id, destination, failed: false, handle: null, durable: stream ? null : durable, stream };
    this.subscriptions.set(id, entry);
    if (this.connected) this.enqueue(entry);
  }

  unsubscribe(id: string): void {
    const entry = this.subscriptions.get(id);
    this.subscriptions.delete(id);
    this.sendQueue = this.sendQueue.filter((e) => e !== entry);
    this.routes.forget(id);
    if (entry?.durable || entry?.stream) this.acker.flush();
    // `durable:true` on UNSUBSCRIBE deletes a durable subscription's queue, but
    // RabbitMQ 3.10 does so only for /topic/ destinations: an /exchange/ one is
    // left unused and its x-expires removes it a minute later, bounded meanwhile.
    if (entry?.handle && this.connected) entry.handle.unsubscribe(entry.durable ? { durable: 'true', 'x-queue-name': entry.durable.queueName } : {});
  }

  private enqueue(entry: SubscriptionEntry): void {
    this.sendQueue.push(entry);
    this.sendNext();
  }

  /** Sends the next queued SUBSCRIBE once the previous one is confirmed. */
  private sendNext(): void {
    if (!this.connected || this.inFlight !== null) return;
    const entry = this.sendQueue.shift();
    if (!entry) return;
    this.inFlight = entry;
    const receipt = `subscribed-${entry.id}-${Date.now()}`;
    this.client.watchForReceipt(receipt, () => {
      if (this.inFlight === entry) this.inFlight = null;
      if (entry.stream) entry.stream.refusedSinceMs = null;
      if (this.subscriptions.get(entry.id) === entry) this.listeners.onSubscriptionActive(entry.id);
      this.sendNext();
    });
    const stream = entry.stream;
    const stompId = stream ? `${entry.id}~${++this.streamReads}` : entry.id;
    const headers = {
      // A stream read gets a STOMP id of its own per SUBSCRIBE: frames of what this
      // subscription read before (a live queue) still on the wire must not reach it.
      id: stompId,
      receipt,
      ...(entry.durable ? durableSubscribeHeaders(entry.durable.queueName, this.quorum) : {}),
      ...(stream ? streamSubscribeHeaders(stream.next >= 0 ? String(stream.next) : stream.offset) : {}),
    };
    const route = subscriptionRoute(entry.id, stream, entry.durable !== null, (frame) => this.listeners.onMessage(frame, entry.id), this.acker);
    this.routes.set(stompId, route);
    entry.handle = this.client.subscribe(entry.destination, (frame) => route.deliver(frame, stompAckId(frame, this.client.connectedVersion), stompId), headers);
  }

  private handleConnect(): void {
    this.connected = true;
    this.lastError = null;
    this.rotation.connected();
    // From here the socket worker reads MESSAGE frames (STOMP 1.0 does not escape header values).
    const socket = this.socket as Partial<BatchingSocket> | null;
    socket?.readMessages?.(this.client.connectedVersion !== Versions.V1_0, (batch) => this.routes.receive(batch));
    this.listeners.onStatus('connected', '', this.rotation.current);
    this.sendQueue = [...this.subscriptions.values()].filter((e) => !e.failed);
    this.sendNext();
  }

  private handleErrorFrame(frame: IFrame): void {
    const reason = describeErrorFrame(frame);
    if (!this.connected) {
      // Refused before CONNECTED: retrying would only repeat it.
      this.listeners.onStatus('error', reason, this.rotation.current);
      void this.client.deactivate();
      return;
    }
    // The socket closes right after; handleClose blames the SUBSCRIBE in flight.
    this.lastError = reason;
  }

  private failSubscription(entry: SubscriptionEntry, reason: string): void {
    entry.failed = true;
    this.listeners.onSubscriptionFailed(entry.id, reason);
  }

  private handleClose(event: CloseEvent): void {
    const wasConnected = this.connected;
    const culprit = this.inFlight;
    this.connected = false;
    this.inFlight = null;
    this.sendQueue = [];
    for (const entry of this.subscriptions.values()) entry.handle = null;
    this.routes.clear();
    this.acker.drop();
    // A broker-side close (1000) or an ERROR frame while a SUBSCRIBE awaited its
    // receipt: that subscription is what the broker refused. A dropped network
    // (1006) or a node going down (1001) blames nobody.
    const refused = culprit !== null && wasConnected && (this.lastError !== null || event.code === 1000);
    // A stream read refused on one node of a cluster is tried on the next (see STREAM_REFUSAL_RETRY_MS).
    const retried = refused && culprit.stream !== null && retriesStreamRead(culprit.stream, this.lastError, Date.now(), this.rotation.current.count);
    if (refused && !retried && this.subscriptions.get(culprit.id) === culprit) {
      const closed = describeCloseEvent(event);
      this.failSubscription(culprit, this.lastError ?? (culprit.stream ? streamRefusalReason(closed, this.rotation.current.count) : subscribeRefusalReason(closed)));
    }
    if (!this.client.active) return; // closed on purpose, or after a fatal error
    this.pendingDelayMs = this.rotation.failed();
    const why = retried
      ? `this node has no running replica of the history stream ${culprit.destination} yet, or refused it; trying the next node`
      : refused && culprit
        ? `the broker refused ${culprit.destination}`
        : describeCloseEvent(event);
    this.listeners.onStatus('connecting', `${wasConnected ? 'connection lost' : 'cannot connect'} (${why}); reconnecting`, this.rotation.current);
  }
}
