/**
 * Durable capture: a subscription whose queue outlives the connection, so a
 * reconnect (mirror restart, network blip) loses nothing.
 *
 * The queue is named by the tab (`x-queue-name`, with the `stomp-subscription-`
 * prefix the tracer user may create and the mirror's bounding policy covers),
 * `durable:true` + `auto-delete:false` keep it across disconnects, and
 * `x-expires` deletes it by itself once the tab is gone. Messages are acked
 * with `ack:client` (cumulative) in batches behind a prefetch window, so what
 * was delivered but not yet acked when the socket died comes back.
 *
 * In a cluster (several broker URLs) the queue is a quorum queue
 * (`x-queue-type: quorum`), replicated, so it outlives the node it was
 * declared on. RabbitMQ 3.10.8's STOMP adapter, checked on a real node:
 * `x-queue-type`, `x-expires`, `prefetch-count` and `ack:client` are accepted
 * for quorum; `durable:false` or `auto-delete:true` close the connection (a
 * quorum queue must be durable and not auto-delete); a quorum SUBSCRIBE on a
 * name already declared classic closes it too (PRECONDITION_FAILED), hence the
 * `q-` in a quorum queue's name. The mirror's `warren-bound-subscriptions`
 * policy (max-length, max-length-bytes, overflow drop-head) applies to quorum
 * queues as well.
 *
 * See https://www.rabbitmq.com/docs/stomp#d-exchange-durable
 */
/** How long an abandoned tab's queue lives on the mirror. */
export const DURABLE_QUEUE_EXPIRES_MS = 60_000;
/** Unacked messages the broker may have in flight to this tab. */
export const DURABLE_PREFETCH = 2_000;
/** Ack at least this often, and whenever half the window is unacked. */
const ACK_INTERVAL_MS = 100;

const TAB_ID_KEY = 'warren.tab-id';

/**
 * A random id for this browser tab, kept in sessionStorage so a reload of the
 * same tab finds its queues again; another tab never shares them (two tabs on
 * one queue would compete for its messages).
 */
export function tabId(): string {
  try {
    const existing = sessionStorage.getItem(TAB_ID_KEY);
    if (existing) return existing;
    const fresh = randomId();
    sessionStorage.setItem(TAB_ID_KEY, fresh);
    return fresh;
  } catch {
    return randomId();
  }
}

/** 12 hex digits; getRandomValues works on plain http too, unlike randomUUID. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Named by the tab and the destination, not the subscription id: ids restart
 * after a reload, and a reused queue keeps its old bindings, so an id-named
 * queue could deliver another pattern's messages. Same tab and destination
 * after a reload means the same queue, and nothing lost in between.
 */
export function durableQueueName(tab: string, destination: string, quorum = false): string {
  return `stomp-subscription-warren-${quorum ? 'q-' : ''}${tab}-${fnv1a(destination)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, no crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** `quorum`: replicated over the cluster's nodes (see above); the name must come from durableQueueName with quorum too. */
export function durableSubscribeHeaders(queueName: string, quorum = false): Record<string, string> {
  return {
    ...(quorum ? { 'x-queue-type': 'quorum' } : {}),
    durable: 'true',
    'auto-delete': 'false',
    'x-queue-name': queueName,
    'x-expires': String(DURABLE_QUEUE_EXPIRES_MS),
    ack: 'client',
    'prefetch-count': String(DURABLE_PREFETCH),
  };
}

/**
 * Acks the newest message of a subscription (with ack:client that acks every
 * earlier one too) every ACK_INTERVAL_MS or every half window, instead of one
 * ACK frame per message. Given the STOMP `ack` header and the subscription,
 * not the message: messages read in the socket worker have no stompjs frame.
 */
export class CumulativeAcker {
  private latestId = '';
  private latestSubscription = '';
  private unacked = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** @param send sends the ACK frame (stompjs's Client.ack). */
  constructor(private readonly send: (ackId: string, subscription: string) => void) {}

  /** A message arrived: `ackId` is its STOMP `ack` header ('' when it has none, and it is not acked). */
  received(ackId: string, subscription: string): void {
    if (ackId === '') return;
    this.latestId = ackId;
    this.latestSubscription = subscription;
    if (++this.unacked >= DURABLE_PREFETCH / 2) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), ACK_INTERVAL_MS);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const id = this.latestId;
    this.latestId = '';
    this.unacked = 0;
    if (id === '') return;
    try {
      this.send(id, this.latestSubscription);
    } catch {
      // The connection is gone: the broker redelivers what was not acked.
    }
  }

  /** Forget pending acks (their connection is gone; acking on a new one is an error). */
  drop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.latestId = '';
    this.unacked = 0;
  }
}
