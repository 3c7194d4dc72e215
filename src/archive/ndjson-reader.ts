/**
 * Byte chunks in, validated records out: the streaming half of import.
 * Chunks may be cut anywhere (inside a line, inside a UTF-8 sequence, inside
 * the CRLF); gzip is recognised by its magic bytes 1f 8b, whatever the file
 * is called. Nothing here throws on bad input: every line is a record or a
 * bad line with its number and reason, and broken gzip ends the read with
 * a reason.
 */
import { Gunzip } from 'fflate';
import type { BodyScratch } from './body-encoding.ts';
import { parseRecordLine, type ParsedLine } from './record.ts';

export interface BadLine {
  /** 1-based, counting every line of the (decompressed) file, blank ones included. */
  line: number;
  reason: string;
}

export interface NdjsonReaderCallbacks {
  onRecord(parsed: Extract<ParsedLine, { ok: true }>, line: number): void;
  onBadLine(bad: BadLine): void;
}

/**
 * A line longer than this is reported and skipped, not buffered forever: a
 * file without newlines must not take the tab's memory. 256 MiB holds the
 * base64 of RabbitMQ's largest message (128 MiB by default in 3.10).
 */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

const NEWLINE = 10;

// fatal: a line that is not UTF-8 is reported, not imported with U+FFFD in it.
const lineDecoder = new TextDecoder('utf-8', { fatal: true });

export class NdjsonReader {
  /** Bytes of the line not ended yet, in the chunks they came in. */
  private partial: Uint8Array[] = [];
  private partialBytes = 0;
  /** The current line grew past MAX_LINE_BYTES: drop bytes until its newline. */
  private skippingLongLine = false;
  private lineNumber = 0;
  /** The first bytes, held until there are two to look for gzip's magic. */
  private head: Uint8Array | null = new Uint8Array(0);
  private gunzip: Gunzip | null = null;
  private failure: string | null = null;
  private readonly bodies: BodyScratch | undefined;

  /**
   * @param options.detectGzip false when the bytes pushed are already
   *   decompressed (the caller inflated them): they are then read as lines
   *   whatever their first bytes are.
   * @param options.bodies small bodies are decoded into this scratch: the
   *   bytes onRecord gets are then valid only during the call.
   */
  constructor(
    private readonly callbacks: NdjsonReaderCallbacks,
    options: { detectGzip?: boolean; bodies?: BodyScratch } = {},
  ) {
    if (options.detectGzip === false) this.head = null;
    this.bodies = options.bodies;
  }

  /** Why reading stopped before the end (corrupt gzip), or null. */
  get fatalError(): string | null {
    return this.failure;
  }

  /** Lines seen so far (the last one counted once it ends). */
  get linesRead(): number {
    return this.lineNumber;
  }

  push(chunk: Uint8Array): void {
    if (this.failure !== null || chunk.length === 0) return;
    if (this.head !== null) {
      const head = concat([this.head, chunk], this.head.length + chunk.length);
      if (head.length < 2) {
        this.head = head;
        return;
      }
      this.head = null;
      if (head[0] === 0x1f && head[1] === 0x8b) this.gunzip = new Gunzip((data) => this.splitLines(data));
      this.feed(head, false);
      return;
    }
    this.feed(chunk, false);
  }

  /** The end of the file: the last line needs no newline. */
  end(): void {
    if (this.failure !== null) return;
    if (this.head !== null && this.head.length > 0) this.splitLines(this.head);
    this.head = null;
    if (this.gunzip !== null) this.feed(new Uint8Array(0), true);
    if (this.failure !== null) return;
    if (this.partialBytes > 0 || this.skippingLongLine) this.endLine(new Uint8Array(0));
  }

  private feed(bytes: Uint8Array, final: boolean): void {
    if (this.gunzip === null) {
      this.splitLines(bytes);
      return;
    }
    try {
      this.gunzip.push(bytes, final);
    } catch (e) {
      this.failure = `the gzip data is corrupt after line ${this.lineNumber} (${e instanceof Error ? e.message : String(e)})`;
    }
  }

  /**
   * The first line of `bytes` ends the one carried over; the whole lines
   * after it are decoded in one call (Chromium's TextDecoder costs several
   * microseconds a call: once per line was a sixth of an import's time);
   * the unfinished rest is carried.
   */
  private splitLines(bytes: Uint8Array): void {
    const last = bytes.lastIndexOf(NEWLINE);
    if (last === -1) {
      this.keepPartial(bytes);
      return;
    }
    const first = bytes.indexOf(NEWLINE);
    this.endLine(bytes.subarray(0, first));
    if (first < last) this.endWholeLines(bytes.subarray(first + 1, last));
    if (last + 1 < bytes.length) this.keepPartial(bytes.subarray(last + 1));
  }

  /** `bytes` is one or more complete lines separated by newlines, the last without its newline. */
  private endWholeLines(bytes: Uint8Array): void {
    let text: string;
    try {
      text = lineDecoder.decode(bytes);
    } catch {
      // Some line is not UTF-8: line by line, to say which.
      let start = 0;
      for (let newline = bytes.indexOf(NEWLINE); newline !== -1; newline = bytes.indexOf(NEWLINE, start)) {
        this.endLine(bytes.subarray(start, newline));
        start = newline + 1;
      }
      this.endLine(bytes.subarray(start));
      return;
    }
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.lineText(text.slice(start, newline), ++this.lineNumber);
      start = newline + 1;
    }
    this.lineText(text.slice(start), ++this.lineNumber);
  }

  private keepPartial(bytes: Uint8Array): void {
    if (this.skippingLongLine) return;
    this.partialBytes += bytes.length;
    if (this.partialBytes > MAX_LINE_BYTES) {
      this.skippingLongLine = true;
      this.partial = [];
      this.partialBytes = 0;
      return;
    }
    // A copy: the chunk's buffer may be reused by whoever gave it (fflate does).
    this.partial.push(bytes.slice());
  }

  /** `tail` is the end of the current line, without its newline. */
  private endLine(tail: Uint8Array): void {
    const line = ++this.lineNumber;
    if (this.skippingLongLine) {
      this.skippingLongLine = false;
      this.callbacks.onBadLine({ line, reason: `longer than ${MAX_LINE_BYTES / (1024 * 1024)} MiB` });
      return;
    }
    let bytes = tail;
    if (this.partial.length > 0) {
      bytes = concat([...this.partial, tail], this.partialBytes + tail.length);
      this.partial = [];
      this.partialBytes = 0;
    }
    if (bytes.length > MAX_LINE_BYTES) {
      this.callbacks.onBadLine({ line, reason: `longer than ${MAX_LINE_BYTES / (1024 * 1024)} MiB` });
      return;
    }
    let text: string;
    try {
      text = lineDecoder.decode(bytes);
    } catch {
      this.callbacks.onBadLine({ line, reason: 'not valid UTF-8' });
      return;
    }
    this.lineText(text, line);
  }

  /** One decoded line, its line ending not yet cut off. */
  private lineText(raw: string, line: number): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (isBlank(text)) return;
    const parsed = parseRecordLine(text, this.bodies);
    if (parsed.ok) this.callbacks.onRecord(parsed, line);
    else this.callbacks.onBadLine({ line, reason: parsed.reason });
  }
}

/** Only spaces and tabs (JSON allows more whitespace, but a line of it is no record either way). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
