/**
 * A message a worker read (the socket worker live, an import's parse
 * worker from a file), whose headers stay unparsed until something reads
 * them.
 *
 * Why: the worker has already decoded what the capture needs at arrival
 * (KeyFields). The headers, stringified in the worker, cloned to the page
 * and parsed there into a million objects, were about half of a 1M import
 * (README, Performance, "Imported headers stay packed"); live, parsing
 * every frame on the page was the largest share of its script at full rate
 * ("The socket worker reads the frames"). The worker sends each batch's
 * headers packed (packed-headers.ts); the page keeps them so: a filter or
 * an index reads one value where it is (`header`), the inspector and the
 * diff unpack the one message they show (`headers`).
 */
import type { KeyFields } from './frame-to-message.ts';
import { headersAt, unpackHeaders, valueAt, type PackedHeaders } from './packed-headers.ts';
import type { TracedMessage } from './types.ts';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
/**
 * A block whose messages' headers were read one by one this many times is
 * unpacked whole: something reads them all (a diff's, the inspector's
 * arrow keys through one batch), and a map of objects beside the packed
 * values would then cost more than the objects alone.
 */
const SINGLE_READS_BEFORE_UNPACKING = 16;

/**
 * The headers of one batch (message-batch.ts), packed (packed-headers.ts),
 * unpacked a message at a time as they are read; and when each of its
 * messages arrived, as the capture kept them (PackedMessage.receivedAt).
 */
export class HeaderBlock {
  private packed: PackedHeaders | null;
  /**
   * Epoch milliseconds, by index. Why not a field of each message: a time
   * of day is no small integer, so V8 boxes it in a heap number of its own,
   * one more object per retained message for every collection to mark
   * (README, Performance, "Arrival times beside the headers").
   */
  private readonly arrivals: Float64Array;
  private unpacked: readonly Readonly<Record<string, string>>[] | null = null;
  /** Where each message's values start (PackedHeaders.valueIds), once one header was read (valueOf, at). */
  private starts: Uint32Array | null = null;
  /** Messages whose headers were read one by one (at), by index. */
  private single: Map<number, Readonly<Record<string, string>>> | null = null;

  /** @param packed a worker's packing of the batch's headers. */
  constructor(packed: PackedHeaders) {
    this.packed = packed;
    this.arrivals = new Float64Array(packed.shapeOf.length);
  }

  /** When the message at `index` arrived, as setArrivedAt kept it (0 before). */
  arrivedAt(index: number): number {
    return this.arrivals[index] ?? 0;
  }

  setArrivedAt(index: number, receivedAt: number): void {
    this.arrivals[index] = receivedAt;
  }

  /** Whether the block's headers were unpacked whole (for tests and the bench). */
  get isUnpacked(): boolean {
    return this.unpacked !== null;
  }

  /**
   * The headers of the message at `index`, the same object at every read.
   * Made for that one message: unpacking its whole batch (up to 512
   * messages at full rate) was a few milliseconds of every click on a row,
   * the inspector's headers, and kept every message's objects of a batch
   * for the one shown (a CPU profile of clicks at 2,000 msg/s; README,
   * Performance, "Drawn in a task before the frame").
   */
  at(index: number): Readonly<Record<string, string>> {
    if (this.unpacked !== null) return this.unpacked[index] ?? NO_HEADERS;
    const packed = this.packed;
    if (packed === null || index < 0 || index >= packed.shapeOf.length) return NO_HEADERS;
    const read = this.single?.get(index);
    if (read !== undefined) return read;
    if ((this.single?.size ?? 0) >= SINGLE_READS_BEFORE_UNPACKING) return this.unpackAll()[index] ?? NO_HEADERS;
    const starts = (this.starts ??= startsOf(packed));
    const headers = headersAt(packed, starts[index] ?? 0, index);
    (this.single ??= new Map()).set(index, headers);
    return headers;
  }

  /** Every message's headers as objects, kept: those already read keep their object. */
  private unpackAll(): readonly Readonly<Record<string, string>>[] {
    const unpacked: Readonly<Record<string, string>>[] = this.unpack();
    for (const [index, headers] of this.single ?? []) unpacked[index] = headers;
    this.unpacked = unpacked;
    // Unpacked once: the objects replace the packed values.
    this.packed = null;
    this.starts = null;
    this.single = null;
    return unpacked;
  }

  /**
   * The headers at `index` without keeping them unpacked: for a pass over
   * every message (an export), which would otherwise turn every block into
   * objects and hold both until the next collection (an export after a 1M
   * import peaked at 2.05× the retained size that way). The last block
   * read so is remembered, so a pass in order unpacks each once.
   */
  peek(index: number): Readonly<Record<string, string>> {
    if (this.unpacked !== null) return this.unpacked[index] ?? NO_HEADERS;
    if (peeked.block !== this) {
      peeked.unpacked = this.unpack();
      peeked.block = this;
    }
    return peeked.unpacked[index] ?? NO_HEADERS;
  }

  /** The header names of the message at `index`, in order, without unpacking its values. */
  namesOf(index: number): readonly string[] {
    if (this.unpacked !== null) return Object.keys(this.unpacked[index] ?? NO_HEADERS);
    const packed = this.packed;
    return packed === null ? [] : (packed.shapes[packed.shapeOf[index] ?? 0] ?? []);
  }

  /**
   * One header of the message at `index` (an own name, exactly), with no
   * object made: a slice of the batch's text, or nothing read at all when
   * its shape has no such name (kombu's `compression` on most messages).
   * What a `header:` filter over a million messages reads.
   */
  valueOf(index: number, name: string): string | undefined {
    if (this.unpacked !== null) {
      const headers = this.unpacked[index] ?? NO_HEADERS;
      return Object.hasOwn(headers, name) ? headers[name] : undefined;
    }
    const packed = this.packed;
    if (packed === null) return undefined;
    const position = (packed.shapes[packed.shapeOf[index] ?? 0] ?? []).indexOf(name);
    if (position < 0) return undefined;
    const starts = (this.starts ??= startsOf(packed));
    return valueAt(packed, (starts[index] ?? 0) + position, index, position);
  }

  private unpack(): Record<string, string>[] {
    return this.packed === null ? [] : unpackHeaders(this.packed);
  }
}

/** Where each message's values start in the batch's value order. */
function startsOf(packed: PackedHeaders): Uint32Array {
  const starts = new Uint32Array(packed.shapeOf.length);
  let at = 0;
  for (let i = 0; i < starts.length; i++) {
    starts[i] = at;
    at += packed.shapes[packed.shapeOf[i] ?? 0]?.length ?? 0;
  }
  return starts;
}

const peeked: { block: HeaderBlock | null; unpacked: readonly Readonly<Record<string, string>>[] } = { block: null, unpacked: [] };

/** A message's headers for one pass over many (see HeaderBlock.peek); any other message's own. */
export function headersForOnePass(message: { readonly headers: Readonly<Record<string, string>> }): Readonly<Record<string, string>> {
  return message instanceof PackedMessage ? message.peekHeaders() : message.headers;
}

/** One header of any message (an own name, exactly), without making a PackedMessage's headers objects. */
export function headerOf(message: TracedMessage, name: string): string | undefined {
  if (message instanceof PackedMessage) return message.header(name);
  return Object.hasOwn(message.headers, name) ? message.headers[name] : undefined;
}

/** The header names of any message, in order, without making a PackedMessage's headers objects. */
export function headerNamesOf(message: TracedMessage): readonly string[] {
  return message instanceof PackedMessage ? message.headerNames() : Object.keys(message.headers);
}

/** A TracedMessage whose `headers` come from its batch's HeaderBlock. */
export class PackedMessage implements TracedMessage {
  readonly exchange: string;
  readonly routingKey: string;
  readonly contentType: string;
  readonly contentEncoding: string;
  readonly correlationId: string;
  readonly taskName: string;
  readonly warrenSeq: number;
  readonly size: number;
  /**
   * Where the body is (a slab block, an adopted import batch, or a large
   * body's own buffer): a view kept per message cost about 65 bytes of heap,
   * 65 MB a million (README, Performance), more than the headers it sits
   * beside. `body` makes the view when asked.
   */
  private readonly bodyBuffer: ArrayBufferLike;
  private readonly bodyOffset: number;

  /** @param key decoded by the worker, its strings already interned by the capture. */
  constructor(
    readonly seq: number,
    receivedAt: number,
    readonly subscriptionId: string,
    key: Readonly<KeyFields>,
    body: Uint8Array,
    private readonly block: HeaderBlock,
    private readonly index: number,
  ) {
    block.setArrivedAt(index, receivedAt);
    this.bodyBuffer = body.buffer;
    this.bodyOffset = body.byteOffset;
    this.exchange = key.exchange;
    this.routingKey = key.routingKey;
    this.contentType = key.contentType;
    this.contentEncoding = key.contentEncoding;
    this.correlationId = key.correlationId;
    this.taskName = key.taskName;
    this.warrenSeq = key.warrenSeq;
    this.size = body.length;
  }

  /** Kept in its batch's block (HeaderBlock.arrivedAt), not in a field: see there. */
  get receivedAt(): number {
    return this.block.arrivedAt(this.index);
  }

  /** A new view each read: a pass over many messages reads each once and drops it. */
  get body(): Uint8Array {
    return new Uint8Array(this.bodyBuffer, this.bodyOffset, this.size);
  }

  get headers(): Readonly<Record<string, string>> {
    return this.block.at(this.index);
  }

  /** Whether its batch's headers have been unpacked (for tests and the bench). */
  get headersUnpacked(): boolean {
    return this.block.isUnpacked;
  }

  peekHeaders(): Readonly<Record<string, string>> {
    return this.block.peek(this.index);
  }

  header(name: string): string | undefined {
    return this.block.valueOf(this.index, name);
  }

  headerNames(): readonly string[] {
    return this.block.namesOf(this.index);
  }
}
