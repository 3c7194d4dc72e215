/**
 * Lines in, byte chunks out: the writer joins lines into pieces of about
 * CHUNK_CHARS characters and encodes each piece to UTF-8 on its own, so an
 * export of a million messages never holds one giant string, only the piece
 * being filled. With gzip, the pieces go through fflate's streaming Gzip.
 */
import { Gzip } from 'fflate';

/** Characters joined before encoding a piece: ~1 MB chunks for ASCII-heavy JSON. */
const CHUNK_CHARS = 1 << 20;
/**
 * fflate's level 1: JSON lines compress well even at the fastest level
 * (measured in bench/archive.ts), and an export is waited for.
 */
const GZIP_LEVEL = 1;

export interface NdjsonWriterOptions {
  gzip: boolean;
}

export class NdjsonWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly encoder = new TextEncoder();
  private readonly gzip: Gzip | null;
  private bytesOut = 0;

  /** @param sink receives each finished chunk; it may keep it (the writer never reuses one). */
  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
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
    this.pending.push(text, '\n');
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= CHUNK_CHARS) this.flushPiece(false);
  }

  /** Writes what is pending and ends the gzip stream; the writer is done afterwards. */
  finish(): void {
    this.flushPiece(true);
  }

  private flushPiece(final: boolean): void {
    const bytes = this.encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    if (this.gzip !== null) this.gzip.push(bytes, final);
    else if (bytes.length > 0) this.emit(bytes);
  }

  private emit(chunk: Uint8Array): void {
    this.bytesOut += chunk.length;
    this.sink(chunk);
  }
}
