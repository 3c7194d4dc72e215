/**
 * Export: messages → NDJSON chunks → a Blob, in slices (see cooperative.ts),
 * with progress and cancel. The page only encodes lines into ~1 MB chunks;
 * each chunk goes to the export worker (blob-sink.ts), which gzips it when
 * asked and makes it a Blob (a copy the browser keeps outside the JS heap),
 * so the page's heap holds one chunk of the file at a time.
 */
import { blobSink, type BlobSink } from './blob-sink.ts';
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
  /** Into a file on disk (the origin's private file system) rather than the browser's Blob store, which holds a few hundred MB at most. */
  toFile?: boolean;
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
  /** The file was written to disk first (ExportOptions.toFile, where the browser has the file system for it). */
  onDisk: boolean;
}

export async function exportMessages<M extends ArchivableMessage>(source: ExportSource<M>, options: ExportOptions): Promise<ExportResult> {
  const type = options.gzip ? 'application/gzip' : NDJSON_MIME;
  const sink = blobSink(options.gzip, options.toFile ?? false);
  // The writer reuses its buffer: the sink copies each chunk.
  const writer = new NdjsonWriter((chunk) => sink.push(chunk), { gzip: false });
  try {
    return await writeAll(source, writer, sink, type, options);
  } finally {
    sink.close();
  }
}

async function writeAll<M extends ArchivableMessage>(source: ExportSource<M>, writer: NdjsonWriter, sink: BlobSink, type: string, options: ExportOptions): Promise<ExportResult> {
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
      await sink.drained();
      if (options.signal?.aborted) return { blob: null, written, missing, onDisk: false };
      clock.restart();
    }
  }
  writer.finish();
  const { blob, onDisk } = await sink.finish(type);
  options.onProgress?.(total, total);
  return { blob, written, missing, onDisk };
}
