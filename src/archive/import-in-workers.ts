/**
 * Import with the work off the page: a reading worker reads the file
 * (inflating it when gzip) and cuts it into blocks of whole lines
 * (read-blocks.ts), dealt in turn to parse workers that decode and
 * validate them (parse-block.ts); the page only ingests the batches that
 * come back, in the file's order, and numbers the lines. Same contract and
 * result as importMessages, which it falls back to where there are no
 * workers.
 *
 * Why: on the page alone, 1,000,000 messages took ~16 s with its main
 * thread busy throughout; with the parsing in one worker, that worker was
 * the bottleneck at the same 16 s; with the parsing shared but the reading
 * on the page, the page was (inflate, and cutting the blocks). README,
 * "Export and import", has the numbers.
 *
 * It once seemed to hang in bench runs; that was the bench's CDP client,
 * waiting forever for a worker's heap after the import had terminated the
 * worker (bench/cdp.ts). 39 imports in a row of a 1M-line gzip file,
 * without CDP, all finished.
 */
import { describeStop } from './file-reading.ts';
import { ingestMessageBatch } from '../model/index.ts';
import { importMessages, MAX_BAD_LINES_KEPT, rememberedIds, type ImportOptions, type ImportResult, type ImportTarget } from './import-messages.ts';
import type { FromParser, FromReader, ParserPort, ToReader } from './import-worker-protocol.ts';

/** What the page needs of a worker (a unit test gives it in-process ones). */
export interface ImportWorker<In, Out> {
  postMessage(message: In, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Out>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
export type ReaderWorker = ImportWorker<ToReader, FromReader>;
export type ParserWorker = ImportWorker<ParserPort, FromParser>;

export interface ImportWorkers {
  reader(): ReaderWorker;
  parser(n: number): ParserWorker;
  /** Parse workers; by default one a core, at most four. */
  parsers?: number;
  blockBytes?: number;
}

/** Blocks dealt and not yet ingested, per parse worker: enough that none waits for its next, few enough to keep memory flat. */
const BLOCKS_AHEAD_PER_PARSER = 3;

const moduleWorkers: ImportWorkers = {
  reader: () => new Worker(new URL('./import-read-worker.ts', import.meta.url), { type: 'module', name: 'warren-import-read' }),
  parser: (n) => new Worker(new URL('./import-parse-worker.ts', import.meta.url), { type: 'module', name: `warren-import-parse-${n}` }),
};

function defaultParsers(): number {
  const cores = typeof navigator === 'object' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(4, cores || 2));
}

export function importMessagesInWorkers(
  file: Blob,
  target: ImportTarget,
  options: ImportOptions,
  workers: ImportWorkers | null = typeof Worker === 'function' ? moduleWorkers : null,
): Promise<ImportResult> {
  if (workers === null) return importMessages(file, target, options);
  return new Promise((resolve, reject) => new ImportInWorkers(file, target, options, workers, resolve, reject));
}

type Parsed = Extract<FromParser, { kind: 'parsed' }>;

/** One import: its workers, the blocks that came back early, and the result so far. */
class ImportInWorkers {
  private readonly result: ImportResult = { messages: 0, ingested: 0, badLines: [], badLineCount: 0, fatalError: null, cancelled: false };
  private readonly reader: ReaderWorker;
  private readonly parsers: ParserWorker[];
  private readonly subscriptionIdFor: (subscription: string) => string;
  /** Results that came back before an earlier block's, by index. */
  private readonly early = new Map<number, Parsed | { kind: 'too-long'; reason: string }>();
  private ingestedBlocks = 0;
  private linesBefore = 0;
  /** Set once the reader has dealt its last block. */
  private end: { blocks: number; stop: Extract<FromReader, { kind: 'read' }>['stop'] } | null = null;
  private settled = false;

  constructor(
    file: Blob,
    private readonly target: ImportTarget,
    private readonly options: ImportOptions,
    workers: ImportWorkers,
    private readonly resolve: (result: ImportResult) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.subscriptionIdFor = rememberedIds(options.subscriptionIdFor);
    options.signal?.addEventListener('abort', this.cancel, { once: true });
    this.reader = workers.reader();
    this.parsers = Array.from({ length: workers.parsers ?? defaultParsers() }, (_, n) => workers.parser(n));
    const ports: MessagePort[] = [];
    for (const parser of this.parsers) {
      const channel = new MessageChannel();
      parser.onmessage = ({ data }) => this.fromParser(data);
      parser.onerror = this.workerError;
      parser.postMessage({ port: channel.port2 }, [channel.port2]);
      ports.push(channel.port1);
    }
    this.reader.onmessage = ({ data }) => this.fromReader(data);
    this.reader.onerror = this.workerError;
    if (options.signal?.aborted) {
      this.cancel();
      return;
    }
    const start: ToReader = { kind: 'start', file, parsers: ports, blockBytes: workers.blockBytes, blocksAhead: BLOCKS_AHEAD_PER_PARSER * this.parsers.length };
    this.reader.postMessage(start, ports);
  }

  private fromReader(data: FromReader): void {
    if (data.kind === 'progress') {
      this.options.onProgress?.(data.bytesRead, data.totalBytes, this.result.messages);
    } else if (data.kind === 'too-long') {
      this.arrived(data.index, data);
    } else if (data.kind === 'read') {
      this.end = { blocks: data.blocks, stop: data.stop };
      this.finishIfDone();
    } else {
      this.fail(`the import's reading worker failed: ${data.reason}`);
    }
  }

  private fromParser(data: FromParser): void {
    if (data.kind === 'failed') this.fail(`the import failed in a parse worker: ${data.reason}`);
    else this.arrived(data.index, data);
  }

  /** Ingests what can be, in order, and tells the reader how far the page has got. */
  private arrived(index: number, block: Parsed | { kind: 'too-long'; reason: string }): void {
    if (this.settled) return;
    this.early.set(index, block);
    const before = this.ingestedBlocks;
    for (let next = this.early.get(this.ingestedBlocks); next !== undefined; next = this.early.get(this.ingestedBlocks)) {
      this.early.delete(this.ingestedBlocks);
      this.ingest(next);
      this.ingestedBlocks++;
    }
    if (this.ingestedBlocks === before) return;
    this.reader.postMessage({ kind: 'ingested', blocks: this.ingestedBlocks }, []);
    this.finishIfDone();
  }

  private ingest(block: Parsed | { kind: 'too-long'; reason: string }): void {
    const { result } = this;
    if (block.kind === 'too-long') {
      this.badLine({ line: ++this.linesBefore, reason: block.reason }, 1);
      return;
    }
    for (const batch of block.batches) result.ingested += ingestMessageBatch(batch, this.target, this.subscriptionIdFor);
    result.messages += block.messages;
    for (const bad of block.badLines) this.badLine({ line: this.linesBefore + bad.line, reason: bad.reason }, 0);
    result.badLineCount += block.badLineCount;
    this.linesBefore += block.lines;
  }

  private badLine(bad: { line: number; reason: string }, counted: number): void {
    if (this.result.badLines.length < MAX_BAD_LINES_KEPT) this.result.badLines.push(bad);
    this.result.badLineCount += counted;
  }

  private finishIfDone(): void {
    const { end } = this;
    if (end === null || this.ingestedBlocks < end.blocks || this.settled) return;
    if (end.stop === 'cancelled') return this.cancel();
    if (end.stop !== null) this.result.fatalError = describeStop(end.stop, this.linesBefore);
    this.settle();
    this.resolve(this.result);
  }

  private readonly cancel = (): void => {
    if (this.settled) return;
    this.settle();
    this.resolve({ ...this.result, cancelled: true });
  };

  private readonly workerError = (event: ErrorEvent): void => {
    event.preventDefault();
    this.fail(`an import worker failed (${event.message || 'it could not start'})`);
  };

  private fail(reason: string): void {
    if (this.settled) return;
    this.settle();
    this.reject(new Error(reason));
  }

  /** The workers go (their ports with them) whatever the outcome. */
  private settle(): void {
    this.settled = true;
    this.options.signal?.removeEventListener('abort', this.cancel);
    this.reader.terminate();
    for (const parser of this.parsers) parser.terminate();
    this.early.clear();
  }
}
