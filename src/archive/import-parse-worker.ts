/**
 * An import parse worker: blocks of whole lines in from the reading worker
 * (through the port the page gives it), their messages out to the page in
 * batches (parse-block.ts). Decoding and validating the lines, most of an
 * import's time, runs in as many of these as the machine has cores
 * (import-in-workers.ts).
 */
import type { BlockToParse, FromParser, ParserPort } from './import-worker-protocol.ts';
import { blockParser } from './parse-block.ts';

interface WorkerScope {
  postMessage(message: FromParser, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ParserPort>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const parse = blockParser();
/** Held here as well as by its own listener, so the port lives as long as the worker. */
let blocks: MessagePort | null = null;

scope.onmessage = ({ data: { port } }) => {
  blocks = port;
  blocks.onmessage = ({ data: { index, pieces } }: MessageEvent<BlockToParse>) => {
    try {
      const { transfer, ...parsed } = parse(pieces);
      scope.postMessage({ kind: 'parsed', index, ...parsed }, transfer);
    } catch (e) {
      scope.postMessage({ kind: 'failed', index, reason: e instanceof Error ? e.message : String(e) });
    }
  };
};
