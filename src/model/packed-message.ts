/**
 * A message read from a capture file, whose headers stay unparsed until
 * something reads them.
 *
 * Why: an import's parse worker has already decoded what the capture needs
 * at arrival (KeyFields). The headers, stringified in the worker, cloned to
 * the page and parsed there into a million objects, were about half of a
 * 1M import (README, Performance, "Imported headers stay packed"). The
 * worker now sends each batch's headers packed (packed-headers.ts); the
 * page keeps them so and unpacks them, a batch at once, the first time one
 * of its messages' headers is read (the inspector, a `header:` filter, a
 * request's `reply-to`).
 */
import type { KeyFields } from './frame-to-message.ts';
import { unpackHeaders, type PackedHeaders } from './packed-headers.ts';
import type { TracedMessage } from './types.ts';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** The headers of one import batch, packed (packed-headers.ts), unpacked on first read. */
export class HeaderBlock {
  private packed: PackedHeaders | null;
  private unpacked: readonly Readonly<Record<string, string>>[] | null = null;

  /** @param packed the parse worker's packing of validated headers. */
  constructor(packed: PackedHeaders) {
    this.packed = packed;
  }

  /** Whether any of the block's headers has been read (for tests and the bench). */
  get isUnpacked(): boolean {
    return this.unpacked !== null;
  }

  at(index: number): Readonly<Record<string, string>> {
    let unpacked = this.unpacked;
    if (unpacked === null) {
      unpacked = this.unpack();
      this.unpacked = unpacked;
      // Unpacked once: the objects replace the packed values.
      this.packed = null;
    }
    return unpacked[index] ?? NO_HEADERS;
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

  private unpack(): Record<string, string>[] {
    return this.packed === null ? [] : unpackHeaders(this.packed);
  }
}

const peeked: { block: HeaderBlock | null; unpacked: readonly Readonly<Record<string, string>>[] } = { block: null, unpacked: [] };

/** A message's headers for one pass over many (see HeaderBlock.peek); any other message's own. */
export function headersForOnePass(message: { readonly headers: Readonly<Record<string, string>> }): Readonly<Record<string, string>> {
  return message instanceof PackedMessage ? message.peekHeaders() : message.headers;
}

/** A TracedMessage whose `headers` come from its import batch's HeaderBlock. */
export class PackedMessage implements TracedMessage {
  readonly exchange: string;
  readonly routingKey: string;
  readonly contentType: string;
  readonly contentEncoding: string;
  readonly correlationId: string;
  readonly taskName: string;
  readonly warrenSeq: number;
  readonly size: number;

  /** @param key decoded by the parse worker, its strings already interned by the capture. */
  constructor(
    readonly seq: number,
    readonly receivedAt: number,
    readonly subscriptionId: string,
    key: Readonly<KeyFields>,
    readonly body: Uint8Array,
    private readonly block: HeaderBlock,
    private readonly index: number,
  ) {
    this.exchange = key.exchange;
    this.routingKey = key.routingKey;
    this.contentType = key.contentType;
    this.contentEncoding = key.contentEncoding;
    this.correlationId = key.correlationId;
    this.taskName = key.taskName;
    this.warrenSeq = key.warrenSeq;
    this.size = body.length;
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
}
