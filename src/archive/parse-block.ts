/**
 * A parse worker's job (import-parse-worker.ts), as plain code a unit test
 * can run: one block of whole lines (line-blocks.ts) → its good lines as
 * batches for the page to ingest (message-batch.ts), its line count, and its
 * bad lines numbered from the block's first line (the page, taking the
 * blocks in order, numbers them in the file).
 */
import { MAX_PACKED_BODY } from '../model/index.ts';
import { BodyScratch } from './body-encoding.ts';
import { MessageBatcher, type MessageBatch } from '../model/index.ts';
import { headersWithDestination, MAX_BAD_LINES_KEPT } from './import-messages.ts';
import { NdjsonReader, type BadLine, type NdjsonReaderCallbacks } from './ndjson-reader.ts';

export interface ParsedBlock {
  batches: MessageBatch[];
  /** Good lines. */
  messages: number;
  /** Lines in the block, blank and bad ones included. */
  lines: number;
  /** The first MAX_BAD_LINES_KEPT bad lines, numbered from 1 at the block's start; badLineCount counts them all. */
  badLines: BadLine[];
  badLineCount: number;
  /** The buffers of `batches`, to transfer. */
  transfer: ArrayBuffer[];
}

/** One per worker: the body scratch and the batch buffers are reused from block to block. */
export function blockParser(): (pieces: readonly Uint8Array[]) => ParsedBlock {
  const bodies = new BodyScratch(MAX_PACKED_BODY);
  let parsed = emptyBlock();
  const batcher = new MessageBatcher((batch, transfer) => {
    parsed.batches.push(batch);
    parsed.transfer.push(...transfer);
  });
  const callbacks: NdjsonReaderCallbacks = {
    onRecord: ({ record, bytes: body }) => {
      parsed.messages++;
      // The batcher copies the body: the scratch is overwritten by the next line.
      batcher.ingest({ headers: headersWithDestination(record), binaryBody: body }, record.subscription, record.receivedAt);
    },
    onBadLine: (bad) => {
      if (parsed.badLineCount++ < MAX_BAD_LINES_KEPT) parsed.badLines.push(bad);
    },
  };
  return (pieces) => {
    parsed = emptyBlock();
    const reader = new NdjsonReader(callbacks, { detectGzip: false, bodies });
    for (const piece of pieces) reader.push(piece);
    reader.end();
    batcher.flush();
    parsed.lines = reader.linesRead;
    return parsed;
  };
}

function emptyBlock(): ParsedBlock {
  return { batches: [], messages: 0, lines: 0, badLines: [], badLineCount: 0, transfer: [] };
}
