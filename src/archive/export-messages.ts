/**
 * Export: messages → NDJSON chunks → a Blob, in slices (see cooperative.ts),
 * with progress and cancel. Each chunk becomes a Blob at once (a copy the
 * browser keeps outside the JS heap), so the page's heap holds one chunk of
 * the file at a time.
 */
import { sliceClock, yieldToEventLoop } from './cooperative.ts';
import { NDJSON_MIME } from './format.ts';
import { NdjsonWriter } from './ndjson-writer.ts';
import { recordLine, type ArchivableMessage } from './record.ts';

/** The messages to write, by position; undefined for one that went away meanwhile (evicted by capacity). */
export interface ExportSource<M extends ArchivableMessage> {
  readonly count: number;
  at(index: number): M | undefined;
  /** The line's `subscription` field for a message. */
  subscriptionOf(message: M): string;
}

export interface ExportOptions {
  gzip: boolean;
  signal?: AbortSignal;
  /** After each slice: messages looked at so far, of `count`. */
  onProgress?(done: number, total: number): void;
}

export interface ExportResult {
  /** The file, or null when cancelled. */
  blob: Blob | null;
  /** Messages written. */
  written: number;
  /** Messages no longer retained when their turn came. */
  missing: number;
}

export async function exportMessages<M extends ArchivableMessage>(source: ExportSource<M>, options: ExportOptions): Promise<ExportResult> {
  const type = options.gzip ? 'application/gzip' : NDJSON_MIME;
  // One Blob per chunk: the Blob constructor copies the bytes, so the writer
  // reuses its buffer, and the file is one flat Blob over them at the end.
  const blobs: Blob[] = [];
  const writer = new NdjsonWriter((chunk) => blobs.push(new Blob([chunk])), { gzip: options.gzip });

  const total = source.count;
  const clock = sliceClock();
  let written = 0;
  let missing = 0;
  for (let index = 0; index < total; index++) {
    const message = source.at(index);
    if (message === undefined) missing++;
    else {
      writer.writeLine(recordLine(message, source.subscriptionOf(message)));
      written++;
    }
    if ((index & 255) === 255 && clock.expired()) {
      options.onProgress?.(index + 1, total);
      await yieldToEventLoop();
      if (options.signal?.aborted) return { blob: null, written, missing };
      clock.restart();
    }
  }
  writer.finish();
  options.onProgress?.(total, total);
  return { blob: new Blob(blobs, { type }), written, missing };
}
