/**
 * Byte chunks in, blocks of whole lines out: how an import is shared among
 * parse workers (import-in-workers.ts). Each block ends just after a newline
 * (or at the end of the file), so a worker can read it alone; it counts its
 * lines, and the page numbers them in the file as it takes the blocks in
 * order. Chunks may be cut anywhere; a line is never split between blocks.
 * Nothing here looks at each line: on a million lines, even finding every
 * newline (typed-array indexOf) was a second and a half of the page's time.
 */
import { MAX_LINE_BYTES } from './ndjson-reader.ts';

const NEWLINE = 10;

/** About this much a block: big enough that posting it costs nothing next to parsing it. */
export const BLOCK_BYTES = 1024 * 1024;

/**
 * Takes the chunks it is given: a block is the chunks themselves (their
 * buffers are transferred to a worker), and only the start of a line cut by
 * a chunk's end is copied. Gathering each block into a buffer of its own
 * was most of the reading worker's time in a trace (1.2 of 3 s: allocating
 * and filling a megabyte a block).
 */
export class LineBlockSplitter {
  /** The next block's whole lines, in pieces. */
  private pieces: Uint8Array<ArrayBuffer>[] = [];
  private pieceBytes = 0;
  /** The line not ended yet, in pieces of buffers no block holds. */
  private open: Uint8Array<ArrayBuffer>[] = [];
  private openBytes = 0;
  /** The open line grew past maxLineBytes: drop bytes until its newline. */
  private skipping = false;
  private readonly blockBytes: number;
  private readonly maxLineBytes: number;

  /**
   * @param onBlock gets each block: pieces whose buffers it may transfer (no other block shares them).
   * @param onTooLong gets, in its place among the blocks, each line dropped
   *   for being longer than maxLineBytes (one line).
   */
  constructor(
    private readonly onBlock: (pieces: Uint8Array<ArrayBuffer>[], bytes: number) => void,
    private readonly onTooLong: (reason: string) => void,
    options: { blockBytes?: number; maxLineBytes?: number } = {},
  ) {
    this.blockBytes = Math.max(1, options.blockBytes ?? BLOCK_BYTES);
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  }

  /** The splitter keeps `chunk` (a view of part of a buffer is copied first): the caller must not write to it afterwards. */
  push(chunk: Uint8Array): void {
    if (chunk.length > 2 * this.blockBytes) {
      // A chunk of many blocks (a small file read at once) is cut up too: copies, but only then.
      for (let at = 0; at < chunk.length; at += this.blockBytes) this.push(chunk.slice(at, at + this.blockBytes));
      return;
    }
    let bytes = owned(chunk);
    if (this.skipping) {
      const newline = bytes.indexOf(NEWLINE);
      if (newline === -1) return;
      this.skipping = false;
      this.reportTooLong();
      bytes = bytes.subarray(newline + 1);
    }
    if (bytes.length === 0) return;
    const last = bytes.lastIndexOf(NEWLINE);
    if (last === -1) {
      this.open.push(bytes);
      this.openBytes += bytes.length;
      if (this.openBytes > this.maxLineBytes) {
        // The lines before the long one go on; the long one is dropped as it comes.
        this.emit();
        this.open = [];
        this.openBytes = 0;
        this.skipping = true;
      }
      return;
    }
    // The open line ends in this chunk: it joins the whole lines, and the chunk's buffer goes with them.
    this.pieces.push(...this.open, bytes.subarray(0, last + 1));
    this.pieceBytes += this.openBytes + last + 1;
    const rest = bytes.subarray(last + 1);
    this.open = rest.length > 0 ? [rest.slice()] : [];
    this.openBytes = rest.length;
    if (this.pieceBytes >= this.blockBytes) this.emit();
  }

  /** The end of the file: what is left is the last block (its last line needs no newline). */
  end(): void {
    if (this.skipping) {
      this.skipping = false;
      this.reportTooLong();
      return;
    }
    this.pieces.push(...this.open);
    this.pieceBytes += this.openBytes;
    this.open = [];
    this.openBytes = 0;
    this.emit();
  }

  private emit(): void {
    if (this.pieceBytes === 0) return;
    const { pieces, pieceBytes } = this;
    this.pieces = [];
    this.pieceBytes = 0;
    this.onBlock(pieces, pieceBytes);
  }

  private reportTooLong(): void {
    this.onTooLong(`longer than ${this.maxLineBytes / (1024 * 1024)} MiB`);
  }
}

/** `chunk` when it is a whole ArrayBuffer (as a stream's chunks are), else a copy that is. */
function owned(chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = chunk;
  if (buffer instanceof ArrayBuffer && chunk.byteOffset === 0 && chunk.byteLength === buffer.byteLength) return chunk as Uint8Array<ArrayBuffer>;
  return chunk.slice();
}
