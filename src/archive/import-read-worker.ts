/**
 * The import's reading worker: reads the file, inflates it when gzip (the
 * browser's inflate runs on the thread that reads), cuts it into blocks and
 * deals them to the parse workers (read-blocks.ts). The page only ingests.
 */
import type { FromReader, ToReader } from './import-worker-protocol.ts';
import { readBlocks, type Reading } from './read-blocks.ts';

interface WorkerScope {
  postMessage(message: FromReader): void;
  onmessage: ((event: MessageEvent<ToReader>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let reading: Reading | null = null;

scope.onmessage = ({ data }) => {
  if (data.kind === 'start') reading = readBlocks(data, (message) => scope.postMessage(message));
  else reading?.ingested(data.blocks);
};
