/**
 * Import: a file (Blob) → its stream's chunks (inflated by the browser when
 * gzip) → NdjsonReader → one ingest per good line,
 * read in slices (see cooperative.ts) with progress and cancel. The target
 * is the capture's ingest: the imported message goes through the same path
 * as a live one, with its original arrival time.
 */
import { MAX_PACKED_BODY, type StompMessageFrame } from '../model/index.ts';
import { BodyScratch } from './body-encoding.ts';
import { sliceClock, yieldToEventLoop } from './cooperative.ts';
import type { ArchiveRecord } from './format.ts';
import { Gunzip } from 'fflate';
import { NdjsonReader, type BadLine, type NdjsonReaderCallbacks } from './ndjson-reader.ts';

/** Bad lines kept with their reason; beyond that only counted. */
export const MAX_BAD_LINES_KEPT = 1000;

export interface ImportTarget {
  /**
   * Returns false when the message was not kept (the capture's copy check).
   * A body of up to MAX_PACKED_BODY bytes is a view of a buffer the next
   * line overwrites: the target copies it (TraceCapture's BodySlab packs
   * exactly those); a larger one is the target's to keep.
   */
  ingest(frame: StompMessageFrame, subscriptionId: string, receivedAt: number): boolean;
}

export interface ImportOptions {
  signal?: AbortSignal;
  /** After each slice: bytes of the file read, of its size, and good lines so far. */
  onProgress?(bytesRead: number, totalBytes: number, messages: number): void;
  /** The subscription id to ingest a line under, from its `subscription` field. */
  subscriptionIdFor(subscription: string): string;
}

export interface ImportResult {
  /** Good lines read. */
  messages: number;
  /** Of those, how many the target took. */
  ingested: number;
  /** The first MAX_BAD_LINES_KEPT bad lines. */
  badLines: BadLine[];
  badLineCount: number;
  /** Why the read stopped before the end of the file, or null. */
  fatalError: string | null;
  cancelled: boolean;
}

export async function importMessages(file: Blob, target: ImportTarget, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { messages: 0, ingested: 0, badLines: [], badLineCount: 0, fatalError: null, cancelled: false };
  const subscriptionIdFor = rememberedIds(options.subscriptionIdFor);
  const callbacks: NdjsonReaderCallbacks = {
    onRecord: ({ record, bytes }) => {
      result.messages++;
      const frame = { headers: headersWithDestination(record), binaryBody: bytes };
      if (target.ingest(frame, subscriptionIdFor(record.subscription), record.receivedAt)) result.ingested++;
    },
    onBadLine: (bad) => {
      if (result.badLineCount++ < MAX_BAD_LINES_KEPT) result.badLines.push(bad);
    },
  };
  const pump = new Pump(file.size, options, () => result.messages);

  if (typeof DecompressionStream === 'function' && (await isGzip(file))) {
    const native = await importInflatedNatively(file, callbacks, pump);
    if (native.outcome === 'cancelled') return { ...result, cancelled: true };
    if (native.outcome === 'failed') {
      // Not one clean gzip member (several, as `cat a.gz b.gz` writes, or
      // corrupt, or truncated): fflate reads it again from the start and the
      // lines already read are skipped, so it goes on from the same line and
      // gives the reason when the data is really broken.
      const outcome = await pump.run(file.stream(), fflateFrom(native.reader, native.inflatedBytes));
      if (outcome === 'cancelled') return { ...result, cancelled: true };
      if (outcome !== 'done') result.fatalError = outcome.reason;
    }
    if (result.fatalError === null) {
      native.reader.end();
      result.fatalError = native.reader.fatalError;
    }
  } else {
    const reader = new NdjsonReader(callbacks, { bodies: new BodyScratch(MAX_PACKED_BODY) });
    const outcome = await pump.run(file.stream(), (chunk) => {
      reader.push(chunk);
      return reader.fatalError === null;
    });
    if (outcome === 'cancelled') return { ...result, cancelled: true };
    if (outcome !== 'done') result.fatalError = outcome.reason;
    else {
      reader.end();
      result.fatalError = reader.fatalError;
    }
  }
  options.onProgress?.(file.size, file.size, result.messages);
  return result;
}

/**
 * The subscription id of each distinct `subscription` asked once, and the
 * same string for every line: each message keeps its id, and a new string
 * per line (the field as parsed, and the id made from it) was ~70 bytes a
 * message that a live message does not cost.
 */
function rememberedIds(idFor: (subscription: string) => string): (subscription: string) => string {
  const ids = new Map<string, string>();
  let lastSubscription: string | null = null;
  let lastId = '';
  return (subscription) => {
    if (subscription === lastSubscription) return lastId;
    let id = ids.get(subscription);
    if (id === undefined) {
      id = idFor(subscription);
      // Bounded: a file could name a different subscription on every line.
      if (ids.size < 10_000) ids.set(subscription, id);
    }
    lastSubscription = subscription;
    lastId = id;
    return id;
  };
}

/** gzip's magic bytes 1f 8b at the start of the file. */
async function isGzip(file: Blob): Promise<boolean> {
  if (file.size < 2) return false;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The browser's own inflate (DecompressionStream, native zlib): in Chromium
 * about 5× faster than fflate's, whose inflate was half of a gzip import's
 * time in a profile. It takes one gzip member only and says nothing useful
 * when it fails ("Failed to fetch"): then 'failed', and the caller goes on
 * with fflate.
 */
async function importInflatedNatively(
  file: Blob,
  callbacks: NdjsonReaderCallbacks,
  pump: Pump,
): Promise<{ outcome: 'done' | 'cancelled' | 'failed'; reader: NdjsonReader; inflatedBytes: number }> {
  const reader = new NdjsonReader(callbacks, { detectGzip: false, bodies: new BodyScratch(MAX_PACKED_BODY) });
  let inflatedBytes = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pump.bytesRead += chunk.length;
        controller.enqueue(chunk);
      },
    }),
  );
  const inflated = counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  const outcome = await pump.run(
    inflated,
    (chunk) => {
      inflatedBytes += chunk.length;
      reader.push(chunk);
      return true;
    },
    { counts: false },
  );
  return { outcome: outcome === 'done' || outcome === 'cancelled' ? outcome : 'failed', reader, inflatedBytes };
}

/** A chunk handler that inflates with fflate and hands `reader` what comes after the first `skip` inflated bytes. */
function fflateFrom(reader: NdjsonReader, skip: number): (chunk: Uint8Array) => boolean | Stopped {
  let toSkip = skip;
  const gunzip = new Gunzip((data) => {
    if (toSkip >= data.length) {
      toSkip -= data.length;
      return;
    }
    reader.push(toSkip > 0 ? data.subarray(toSkip) : data);
    toSkip = 0;
  });
  let ended = false;
  return (chunk) => {
    if (ended) return true;
    try {
      // The last chunk is followed by an empty push with final: see Pump.run.
      gunzip.push(chunk, chunk.length === 0);
      if (chunk.length === 0) ended = true;
    } catch (e) {
      return { reason: `the gzip data is corrupt after line ${reader.linesRead} (${e instanceof Error ? e.message : String(e)})` };
    }
    return true;
  };
}

/** Why reading stopped before the end. */
interface Stopped {
  reason: string;
}

/**
 * Reads a stream to its end in slices (cooperative.ts), with progress,
 * cancel, and the file's own read errors turned into a reason.
 */
class Pump {
  /** Bytes of the file read so far. */
  bytesRead = 0;
  private readonly clock = sliceClock();

  constructor(
    private readonly size: number,
    private readonly options: ImportOptions,
    private readonly messages: () => number,
  ) {}

  /**
   * `each` returns true to go on, false to stop quietly, or a reason to stop
   * with. The handler also gets an empty chunk at the end of the stream.
   * Resolves to 'done', 'cancelled', or the reason reading stopped.
   */
  async run(stream: ReadableStream<Uint8Array>, each: (chunk: Uint8Array) => boolean | Stopped, { counts = true } = {}): Promise<'done' | 'cancelled' | Stopped> {
    if (counts) this.bytesRead = 0;
    const chunks = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await chunks.read();
        if (done) {
          const last = each(new Uint8Array(0));
          return typeof last === 'object' ? last : 'done';
        }
        if (counts) this.bytesRead += value.length;
        const goOn = each(value);
        if (typeof goOn === 'object') return goOn;
        if (!goOn) return 'done';
        if (this.clock.expired()) {
          this.options.onProgress?.(Math.min(this.bytesRead, this.size), this.size, this.messages());
          await yieldToEventLoop();
          if (this.options.signal?.aborted) return 'cancelled';
          this.clock.restart();
        }
      }
    } catch (e) {
      // The file changed or went away on disk while being read (or, through
      // DecompressionStream, the gzip data is not one clean member).
      return { reason: `the file could not be read after ${this.bytesRead} bytes (${e instanceof Error ? e.message : String(e)})` };
    } finally {
      void chunks.cancel().catch(() => undefined);
    }
  }
}

/**
 * The headers to ingest: as in the file. A line written by hand or by
 * another tool may lack `destination`, which the exchange and routing key
 * are read from on ingest: it is written from the line's own fields then.
 */
function headersWithDestination(record: ArchiveRecord): Record<string, string> {
  if (Object.hasOwn(record.headers, 'destination')) return record.headers;
  return { ...record.headers, destination: destinationOf(record.exchange, record.routingKey) };
}

/** The destination RabbitMQ would write for a message published to `exchange` with `routingKey`. */
export function destinationOf(exchange: string, routingKey: string): string {
  return exchange === '' ? `/queue/${encodeURIComponent(routingKey)}` : `/exchange/${encodeURIComponent(exchange)}/${encodeURIComponent(routingKey)}`;
}
