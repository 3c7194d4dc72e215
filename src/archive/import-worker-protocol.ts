/**
 * Messages among the page, the import's reading worker
 * (import-read-worker.ts) and its parse workers (import-parse-worker.ts).
 * Types only.
 */
import type { ReadStop } from './file-reading.ts';
import type { ParsedBlock } from './parse-block.ts';

export interface StartReading {
  file: Blob;
  /** One port a parse worker: block i goes to port i % length. */
  parsers: MessagePort[];
  blockBytes?: number;
  /** Blocks dealt and not yet ingested by the page, at most. */
  blocksAhead: number;
}

/** Page → reading worker. */
export type ToReader = ({ kind: 'start' } & StartReading) | { kind: 'ingested'; blocks: number };

/** Reading worker → page. Block indices count both blocks dealt and lines dropped as too long, in file order. */
export type FromReader =
  | { kind: 'progress'; bytesRead: number; totalBytes: number }
  | { kind: 'too-long'; index: number; reason: string }
  /** The end: `blocks` indices were given out; `stop` says why the file was not read to its end, or null. */
  | { kind: 'read'; blocks: number; stop: 'cancelled' | ReadStop | null }
  | { kind: 'failed'; reason: string };

/** Page → parse worker, once: where its blocks come from. */
export interface ParserPort {
  port: MessagePort;
}

/** Reading worker → parse worker, through the port. */
export interface BlockToParse {
  index: number;
  /** Whole lines, in the pieces the file was read in (line-blocks.ts). */
  pieces: Uint8Array<ArrayBuffer>[];
}

/** Parse worker → page. */
export type FromParser =
  | ({ kind: 'parsed'; index: number } & Omit<ParsedBlock, 'transfer'>)
  /** Something threw (a bug, not a bad line: those are in the result). */
  | { kind: 'failed'; index: number; reason: string };
