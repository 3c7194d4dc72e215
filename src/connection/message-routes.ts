/**
 * Where the MESSAGE frames the socket worker read go (socket-worker.ts says
 * why it reads them): each to its subscription, by the STOMP id it was
 * subscribed with, as stompjs routes the frames it reads itself.
 */
import { emptyKeyFields, MAX_PACKED_BODY, MessageBatchReader, type HeaderBlock, type KeyFields, type MessageBatch, type StompMessageFrame } from '../model/index.ts';
import { Versions, type IMessage } from '@stomp/stompjs';
import type { CumulativeAcker } from './durable-capture.ts';
import { STREAM_OFFSET_HEADER } from './stream-reading.ts';

/** A MESSAGE frame read by the socket worker: key fields decoded, headers packed in `block` until read. */
export type PackedMessageListener = (
  key: Readonly<KeyFields>,
  block: HeaderBlock,
  index: number,
  body: Uint8Array,
  redelivered: boolean,
  subscriptionId: string,
  receivedAt: number,
) => void;

/** One SUBSCRIBE sent on the connection. */
export interface Route {
  /** The session's id of the subscription. */
  subscriptionId: string;
  /** Its frames may go on with their headers packed (a stream read's reader reads them). */
  packed: boolean;
  /** Its messages are acked (durable capture, a stream read). */
  acks: boolean;
  /** The frame path: `ackId` is the frame's STOMP ack id ('' for none), `stompId` its subscription header. */
  deliver(frame: StompMessageFrame, ackId: string, stompId: string): void;
}

/**
 * The route of one SUBSCRIBE: its frames to `onMessage`, a stream read's
 * next offset kept (a reconnect reads on from there), acked when the
 * subscription acks (durable capture, a stream read).
 */
export function subscriptionRoute(
  subscriptionId: string,
  stream: { next: number } | null,
  durable: boolean,
  onMessage: (frame: StompMessageFrame) => void,
  acker: CumulativeAcker,
): Route {
  const acks = stream !== null || durable;
  return {
    subscriptionId,
    packed: stream === null,
    acks,
    deliver: (frame, ackId, stompId) => {
      if (stream) {
        const offset = Number(frame.headers[STREAM_OFFSET_HEADER]);
        if (Number.isInteger(offset)) stream.next = offset + 1;
      }
      onMessage(frame);
      if (acks) acker.received(ackId, stompId);
    },
  };
}

/** What stompjs's own `message.ack()` would send as the id of a frame it read. */
export function stompAckId(frame: IMessage, connectedVersion: string | undefined): string {
  return (connectedVersion === Versions.V1_2 ? frame.headers['ack'] : frame.headers['message-id']) ?? '';
}

export class MessageRoutes {
  private readonly routes = new Map<string, Route>();
  /** receive()'s key fields, reused. */
  private readonly key = emptyKeyFields();

  constructor(
    private readonly listeners: { onPackedMessage?: PackedMessageListener },
    private readonly acker: CumulativeAcker,
  ) {}

  set(stompId: string, route: Route): void {
    this.routes.set(stompId, route);
  }

  /** The subscription was unsubscribed: frames still on the wire for it are dropped. */
  forget(subscriptionId: string): void {
    for (const [stompId, route] of this.routes) if (route.subscriptionId === subscriptionId) this.routes.delete(stompId);
  }

  /** The connection is gone, and with it every subscription on it. */
  clear(): void {
    this.routes.clear();
  }

  /**
   * Hot path: one batch of frames from the socket worker. A frame for a
   * subscription no longer here is dropped, as stompjs drops it. A stream
   * read's frames take the frame path, headers unpacked; the rest go on
   * with their headers still packed.
   */
  receive(batch: MessageBatch): void {
    const reader = new MessageBatchReader(batch);
    const key = this.key;
    const listeners = this.listeners;
    let name: string | null = null;
    let route: Route | undefined;
    for (let i = 0; i < reader.count; i++) {
      const stompId = reader.subscriptionAt(i);
      if (stompId !== name) {
        name = stompId;
        route = this.routes.get(stompId);
      }
      if (route === undefined) continue;
      const view = reader.bodyAt(i);
      // A small body is copied into the capture's slab; a large one must not keep the whole batch alive.
      const body = view.length > MAX_PACKED_BODY ? view.slice() : view;
      if (!route.packed || listeners.onPackedMessage === undefined) {
        route.deliver({ headers: reader.block.at(i), binaryBody: body }, reader.ackAt(i), stompId);
        continue;
      }
      listeners.onPackedMessage(reader.keyAt(i, key), reader.block, i, body, reader.redeliveredAt(i), route.subscriptionId, reader.receivedAtOf(i));
      if (route.acks) this.acker.received(reader.ackAt(i), stompId);
    }
  }
}
