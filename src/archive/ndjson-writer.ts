/**
 * Lines in, byte chunks out: lines are joined into pieces of about
 * PIECE_CHARS characters and each piece is UTF-8-encoded into a chunk of
 * its own, so an export of a million messages never holds one giant string.
 * With gzip, the chunks go through fflate's streaming Gzip (an export gzips
 * in its worker instead: blob-chunks.ts).
 *
 * One encodeInto per piece: in Chromium, TextEncoder.encode of a 1 MB piece
 * took 38 ms against ~2 ms for encodeInto, and encodeInto line by line was a
 * third of an export's time in a profile (per-call cost); bench machine,
 * 2026-12.
 */
import { Gzip } from 'fflate';
import { GZIP_LEVEL } from './blob-chunks.ts';

const PIECE_CHARS = 1 << 20;

export interface NdjsonWriterOptions {
  gzip: boolean;
}

export class NdjsonWriter {
  private readonly encoder = new TextEncoder();
  private readonly gzip: Gzip | null;
  private pending: string[] = [];
  private pendingChars = 0;
  private bytesOut = 0;

  /** Reused for every piece: a fresh megabyte per piece was garbage the export's peak heap paid for. */
  private buffer = new Uint8Array(PIECE_CHARS + (PIECE_CHARS >> 3) + 16);

  /**
   * @param sink receives each finished chunk, a view valid only during the
   *   call (the writer reuses its buffer): copy it to keep it (a Blob does).
   */
  constructor(
    private readonly sink: (chunk: Uint8Array<ArrayBuffer>) => void,
    options: NdjsonWriterOptions,
  ) {
    this.gzip = options.gzip ? new Gzip({ level: GZIP_LEVEL, mtime: 0 }, (chunk) => this.emit(chunk)) : null;
  }

  /** Bytes handed to the sink so far (compressed when gzip). */
  get bytesWritten(): number {
    return this.bytesOut;
  }

  /** Appends one line; `text` must not contain a newline (JSON.stringify output never does). */
  writeLine(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= PIECE_CHARS) this.flushPiece(false);
  }

  /** Writes what is pending and ends the gzip stream; the writer is done afterwards. */
  finish(): void {
    this.flushPiece(true);
  }

  private flushPiece(final: boolean): void {
    const bytes = this.encode(this.pending.length === 0 ? '' : this.pending.join('\n') + '\n');
    this.pending = [];
    this.pendingChars = 0;
    if (this.gzip !== null) this.gzip.push(bytes, final);
    else if (bytes.length > 0) this.emit(bytes);
  }

  /** Into the reused buffer, grown to the worst case (3 bytes per UTF-16 unit) when the text did not fit. */
  private encode(text: string): Uint8Array<ArrayBuffer> {
    let result = this.encoder.encodeInto(text, this.buffer);
    if (result.read < text.length) {
      this.buffer = new Uint8Array(text.length * 3);
      result = this.encoder.encodeInto(text, this.buffer);
    }
    return this.buffer.subarray(0, result.written);
  }

  private emit(chunk: Uint8Array<ArrayBuffer>): void {
    this.bytesOut += chunk.length;
    this.sink(chunk);
  }
}
