/**
 * Import on one thread: a file (Blob) → its chunks, inflated when gzip
 * (file-reading.ts) → NdjsonReader → one ingest per good line, in slices
 * with progress and cancel. The target is the capture's ingest: the
 * imported message goes through the same path as a live one, with its
 * original arrival time. The page imports with the parsing shared among
 * workers (import-in-workers.ts), which falls back to this where there are
 * none.
 */
import { MAX_PACKED_BODY, type BatchTarget } from '../model/index.ts';
import { BodyScratch } from './body-encoding.ts';
import { describeStop, readFileInto } from './file-reading.ts';
import type { ArchiveRecord } from './format.ts';
import { NdjsonReader, type BadLine, type NdjsonReaderCallbacks } from './ndjson-reader.ts';

/** Bad lines kept with their reason; beyond that only counted. */
export const MAX_BAD_LINES_KEPT = 1000;

/** Where imported messages go: the capture (the same as a worker's batches, model/message-batch.ts). */
export type ImportTarget = BatchTarget;

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
  const reader = new NdjsonReader(callbacks, { detectGzip: false, bodies: new BodyScratch(MAX_PACKED_BODY) });
  const stopped = await readFileInto(file, reader, {
    signal: options.signal,
    onProgress: (bytesRead, totalBytes) => options.onProgress?.(bytesRead, totalBytes, result.messages),
  });
  if (stopped === 'cancelled') return { ...result, cancelled: true };
  if (stopped !== null) result.fatalError = describeStop(stopped, reader.linesRead);
  return result;
}

/**
 * The subscription id of each distinct `subscription` asked once, and the
 * same string for every line: each message keeps its id, and a new string
 * per line (the field as parsed, and the id made from it) was ~70 bytes a
 * message that a live message does not cost.
 */
export function rememberedIds(idFor: (subscription: string) => string): (subscription: string) => string {
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

/**
 * The headers to ingest: as in the file. A line written by hand or by
 * another tool may lack `destination`, which the exchange and routing key
 * are read from on ingest: it is written from the line's own fields then.
 */
export function headersWithDestination(record: ArchiveRecord): Record<string, string> {
  if (Object.hasOwn(record.headers, 'destination')) return record.headers;
  return { ...record.headers, destination: destinationOf(record.exchange, record.routingKey) };
}

/** The destination RabbitMQ would write for a message published to `exchange` with `routingKey`. */
export function destinationOf(exchange: string, routingKey: string): string {
  return exchange === '' ? `/queue/${encodeURIComponent(routingKey)}` : `/exchange/${encodeURIComponent(exchange)}/${encodeURIComponent(routingKey)}`;
}
