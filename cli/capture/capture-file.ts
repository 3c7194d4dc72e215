/**
 * Capture files on disk, in the page's format (src/archive): a writer that
 * streams lines to a file (gzip'd when the name ends in `.gz`) and closes it
 * cleanly, and a reader that yields validated records and reports bad lines.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { NdjsonReader, NdjsonWriter, type BadLine, type ParsedLine } from '../../src/archive/index.ts';

export type CaptureRecord = Extract<ParsedLine, { ok: true }>;

export interface CaptureFileWriter {
  writeLine(line: string): void;
  /** Bytes on disk so far (compressed when gzip). */
  readonly bytesWritten: number;
  /** Writes what is pending, the gzip trailer included, and closes the file. */
  close(): Promise<void>;
}

export const isGzipName = (path: string): boolean => path.toLowerCase().endsWith('.gz');

/** Opens `path` for writing; refuses an existing file unless `overwrite`. */
export async function openCaptureWriter(path: string, overwrite: boolean): Promise<CaptureFileWriter> {
  const stream = createWriteStream(path, { flags: overwrite ? 'w' : 'wx' });
  let failure: Error | null = null;
  stream.on('error', (e) => (failure = e));
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  // A copy: the file stream keeps the chunk until it is written, and the writer may reuse the chunk's memory.
  const writer = new NdjsonWriter((chunk) => stream.write(Buffer.from(chunk)), { gzip: isGzipName(path) });
  return {
    writeLine(line) {
      if (failure) throw failure;
      writer.writeLine(line);
    },
    get bytesWritten() {
      return writer.bytesWritten;
    },
    async close() {
      writer.finish();
      await new Promise<void>((resolve, reject) => {
        stream.end(() => (failure ? reject(failure) : resolve()));
        stream.once('error', reject);
      });
    },
  };
}

export interface CaptureReadResult {
  badLines: number;
  /** Why reading stopped before the end (corrupt gzip), or null. */
  fatalError: string | null;
}

/**
 * The records of a capture file, in file order. Bad lines go to `onBadLine`;
 * `result` is filled in when the iteration ends.
 */
export async function* readCapture(path: string, onBadLine: (bad: BadLine) => void, result: CaptureReadResult): AsyncGenerator<CaptureRecord> {
  const ready: CaptureRecord[] = [];
  const reader = new NdjsonReader({
    onRecord: (parsed) => ready.push(parsed),
    onBadLine: (bad) => {
      result.badLines++;
      onBadLine(bad);
    },
  });
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    // A plain Uint8Array view: the reader copies what it keeps with slice(), which on a Buffer would not copy.
    reader.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    yield* ready.splice(0);
    if (reader.fatalError !== null) break;
  }
  reader.end();
  yield* ready.splice(0);
  result.fatalError = reader.fatalError;
}
