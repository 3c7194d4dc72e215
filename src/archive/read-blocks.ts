/**
 * The import's reading half (import-read-worker.ts), as plain code a unit
 * test can run: the file read (inflated when gzip) and cut into blocks of
 * whole lines, dealt in turn to the parse workers' ports, never more than
 * `blocksAhead` ahead of what the page has ingested.
 */
import { readFileInto } from './file-reading.ts';
import type { BlockToParse, FromReader, StartReading } from './import-worker-protocol.ts';
import { LineBlockSplitter } from './line-blocks.ts';

export interface Reading {
  /** The page has ingested this many blocks (indices) so far. */
  ingested(blocks: number): void;
}

export function readBlocks(start: StartReading, post: (message: FromReader) => void): Reading {
  const { parsers, blocksAhead } = start;
  let dealt = 0;
  let ingested = 0;
  let wake: (() => void) | null = null;
  const splitter = new LineBlockSplitter(
    (pieces) => {
      const index = dealt++;
      const block: BlockToParse = { index, pieces };
      parsers[index % parsers.length]?.postMessage(block, [...new Set(pieces.map((piece) => piece.buffer))]);
    },
    (reason) => post({ kind: 'too-long', index: dealt++, reason }),
    { blockBytes: start.blockBytes },
  );
  readFileInto(start.file, splitter, {
    onProgress: (bytesRead, totalBytes) => post({ kind: 'progress', bytesRead, totalBytes }),
    backPressure: () => (dealt - ingested < blocksAhead ? null : new Promise<void>((resolve) => (wake = resolve))),
  }).then(
    (stop) => post({ kind: 'read', blocks: dealt, stop }),
    (e: unknown) => post({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) }),
  );
  return {
    ingested(blocks) {
      ingested = blocks;
      const resume = wake;
      wake = null;
      resume?.();
    },
  };
}
