/**
 * Which broker URL the next connection attempt goes to, and after how long.
 *
 * Round robin: every failed attempt and every lost connection moves on to the
 * next URL, so a node that went away is left for the next one at once. The
 * backoff doubles only once per full round of failures (each URL tried once
 * more): with one URL that is the plain 500, 1000, 2000, 4000 ms backoff; with
 * three, a node lost while two others live is replaced after the initial
 * delay, not after whatever delay the dead node had accumulated, and at once
 * when its connection had settled (SETTLED_CONNECTION_MS).
 */

export const RECONNECT_INITIAL_MS = 500;
// Capped low: a mirror that comes back is found within this many ms.
export const RECONNECT_MAX_MS = 4_000;
/**
 * With several nodes, an attempt that neither connects nor fails within this
 * long (a host that drops packets rather than refusing) is given up for the
 * next node. One node keeps waiting as it always did: there is nowhere else to go.
 */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * stompjs's own reconnect delay, kept minimal: TraceConnection waits the real
 * delay in beforeConnect, where it can depend on which node comes next
 * (stompjs fixes its delay when the socket closes, and resets it only on CONNECTED).
 */
export const STOMPJS_RECONNECT_TICK_MS = 1;
/**
 * With several nodes, a connection that had lived this long and is lost goes
 * to the next node at once, not after the initial delay: its node went away,
 * the others are presumably fine, and every millisecond is one the page does
 * not show (the failover test measures up to the next node's CONNECTED, 5 s at
 * most). A connection lost sooner than this gets the usual delay, so a node
 * that accepts and then drops every connection (a refused SUBSCRIBE closes
 * it within milliseconds) is not hammered in a loop: at worst, one attempt a
 * second.
 */
export const SETTLED_CONNECTION_MS = 1_000;

/** The broker an attempt goes to, for the status line: `url`, `index` (0-based) of `count`. */
export interface BrokerInUse {
  url: string;
  index: number;
  count: number;
}

export class BrokerRotation {
  private index = 0;
  /** Attempts failed (or connections lost) since the last CONNECTED. */
  private failuresInRow = 0;
  /** When the last CONNECTED came (the clock's time), or null before any. */
  private connectedAt: number | null = null;

  constructor(
    private readonly urls: readonly string[],
    private readonly initialDelayMs: number,
    private readonly maxDelayMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (urls.length === 0) throw new Error('a broker rotation needs at least one URL');
  }

  get current(): BrokerInUse {
    return { url: this.urls[this.index]!, index: this.index, count: this.urls.length };
  }

  /** The attempt on `current` failed or its connection was lost: moves to the next URL; returns the delay before trying it. */
  failed(): number {
    const settledLost = this.failuresInRow === 0 && this.connectedAt !== null && this.now() - this.connectedAt >= SETTLED_CONNECTION_MS;
    this.failuresInRow++;
    this.index = (this.index + 1) % this.urls.length;
    if (settledLost && this.urls.length > 1) return 0;
    const rounds = Math.floor((this.failuresInRow - 1) / this.urls.length);
    return Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** Math.min(rounds, 30));
  }

  /** Connected: the next loss starts again from the initial delay. */
  connected(): void {
    this.failuresInRow = 0;
    this.connectedAt = this.now();
  }
}
