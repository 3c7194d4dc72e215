/**
 * Packs small message bodies into shared 1 MiB blocks. stompjs hands every
 * body over in an ArrayBuffer of its own, and a million ~200-byte buffers cost
 * far more than their bytes (each buffer has its own backing-store allocation
 * and bookkeeping). Copying a small body into the current block keeps only
 * where it is per message (PackedMessage keeps the block and an offset, not
 * even the view this returns). The ring buffer evicts in arrival order, so a block is
 * freed as soon as its last message is evicted.
 *
 * Large bodies keep their own buffer: copying them gains nothing.
 */
export const SLAB_BYTES = 1 << 20;
/** Bodies up to this size are packed; larger ones are kept as delivered. */
export const MAX_PACKED_BODY = 16 * 1024;

export class BodySlab {
  private block = new ArrayBuffer(SLAB_BYTES);
  private offset = 0;
  private adopted: ArrayBufferLike | null = null;

  /** A view of the same bytes, packed when small; the input may be reused afterwards only if it was packed. */
  store(body: Uint8Array): Uint8Array {
    const length = body.length;
    if (length === 0 || length > MAX_PACKED_BODY || body.buffer === this.adopted) return body;
    if (this.offset + length > SLAB_BYTES) {
      this.block = new ArrayBuffer(SLAB_BYTES);
      this.offset = 0;
    }
    const view = new Uint8Array(this.block, this.offset, length);
    view.set(body);
    this.offset += length;
    return view;
  }

  /**
   * Bodies that are views of `buffer` are kept as they are, not copied: it
   * is already a block of packed bodies (an import batch's, in file order,
   * evicted in that order), and its owner writes to it no more. null ends
   * it: the slab then holds no reference to a batch whose messages are gone.
   */
  adopt(buffer: ArrayBufferLike | null): void {
    this.adopted = buffer;
  }
}
