/**
 * Lines in, byte chunks out: each line is UTF-8-encoded straight into a
 * reused buffer, and the buffer goes out as a chunk of about PIECE_BYTES,
 * so an export of a million messages never holds one giant string. With
 * gzip, the chunks go through fflate's streaming Gzip (an export gzips in
 * its worker instead: blob-chunks.ts).
 *
 * One encodeInto per line, not per piece: in Chromium 156 a 1 MB piece of
 * ~3,000 JSON lines took 13.5 ms joined and encoded at once (the join, and
 * the flattening of `join + '\n'`), 1.8-4.5 ms line by line into views of
 * one buffer (bench machine, 2026-12-03; the export profile had the piece
 * encoding at a fifth of the page's time).
 */
import type { Gzip } from 'fflate';
import { gzipStream } from './blob-chunks.ts';

const PIECE_BYTES = 1 << 20;

export interface NdjsonWriterOptions {
  gzip: boolean;
}

export class NdjsonWriter {
  private readonly encoder = new TextEncoder();
  private readonly gzip: Gzip | null;
  private bytesOut = 0;

  /** Reused for every piece: a fresh megabyte per piece was garbage the export's peak heap paid for. */
  private buffer = new Uint8Array(PIECE_BYTES + (PIECE_BYTES >> 3));
  /** Bytes of the piece so far. */
  private used = 0;

  /**
   * @param sink receives each finished chunk, a view valid only during the
   *   call (the writer reuses its buffer): copy it to keep it (a Blob does).
   */
  constructor(
    private readonly sink: (chunk: Uint8Array<ArrayBuffer>) => void,
    options: NdjsonWriterOptions,
  ) {
    this.gzip = options.gzip ? gzipStream((chunk) => this.emit(chunk)) : null;
  }

  /** Bytes handed to the sink so far (compressed when gzip). */
  get bytesWritten(): number {
    return this.bytesOut;
  }

  /** Appends one line; `text` must not contain a newline (JSON.stringify output never does). */
  writeLine(text: string): void {
    if (!this.encodeLine(text)) {
      // It did not fit: the piece goes out, and the line starts the next one (in a buffer grown for it if need be).
      this.flushPiece(false);
      if (text.length * 3 + 1 > this.buffer.length) this.buffer = new Uint8Array(text.length * 3 + 1);
      this.encodeLine(text);
    }
    if (this.used >= PIECE_BYTES) this.flushPiece(false);
  }

  /** Writes what is pending and ends the gzip stream; the writer is done afterwards. */
  finish(): void {
    this.flushPiece(true);
  }

  /** The line and its newline after the piece so far; false (nothing kept) when they do not fit. */
  private encodeLine(text: string): boolean {
    const { read, written } = this.encoder.encodeInto(text, this.buffer.subarray(this.used));
    const end = this.used + written;
    if (read < text.length || end >= this.buffer.length) return false;
    this.buffer[end] = 10; // '\n'
    this.used = end + 1;
    return true;
  }

  private flushPiece(final: boolean): void {
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    if (this.gzip !== null) this.gzip.push(bytes, final);
    else if (bytes.length > 0) this.emit(bytes);
  }

  private emit(chunk: Uint8Array<ArrayBuffer>): void {
    this.bytesOut += chunk.length;
    this.sink(chunk);
  }
}
