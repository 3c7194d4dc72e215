/**
 * A capture file's bytes, inflated when it is gzip, pushed into a line
 * sink (an NdjsonReader on the page, or the LineBlockSplitter that shares
 * the lines among parse workers) in slices (cooperative.ts), with progress,
 * cancel, and the file's own read errors turned into a reason.
 */
import { Gunzip } from 'fflate';
import { sliceClock, yieldToEventLoop } from './cooperative.ts';

/** Where the file's (inflated) bytes go. */
export interface LineSink {
  push(chunk: Uint8Array): void;
  /** The end of the file: the last line needs no newline. */
  end(): void;
}

export interface PumpOptions {
  signal?: AbortSignal;
  /** After each slice: bytes of the file read, of its size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Awaited after each chunk: the sink may need its readers to catch up. */
  backPressure?(): Promise<void> | null;
}

/**
 * Why reading stopped before the end of the file. Plain data, so a reading
 * worker can send it; the words need the lines read (describeStop), which
 * only the parsing side knows.
 */
export type ReadStop = { kind: 'gzip-corrupt'; detail: string } | { kind: 'unreadable'; bytesRead: number; detail: string };

export function describeStop(stop: ReadStop, linesRead: number): string {
  return stop.kind === 'gzip-corrupt'
    ? `the gzip data is corrupt after line ${linesRead} (${stop.detail})`
    : `the file could not be read after ${stop.bytesRead} bytes (${stop.detail})`;
}

/**
 * Reads `file` into `sink` to its end. Resolves to null once the sink has
 * seen the end, or to why it stopped early.
 */
export async function readFileInto(file: Blob, sink: LineSink, options: PumpOptions): Promise<'cancelled' | ReadStop | null> {
  const pump = new Pump(file.size, options);
  let outcome: 'done' | 'cancelled' | ReadStop;
  if (!(await isGzip(file))) {
    outcome = await pump.run(file.stream(), (chunk) => {
      sink.push(chunk);
      return true;
    });
  } else if (typeof DecompressionStream !== 'function') {
    outcome = await pump.run(file.stream(), fflateFrom(sink, 0));
  } else {
    const native = await readInflatedNatively(file, sink, pump);
    outcome = native.outcome;
    if (outcome !== 'done' && outcome !== 'cancelled') {
      // Not one clean gzip member (several, as `cat a.gz b.gz` writes, or
      // corrupt, or truncated): fflate reads it again from the start and the
      // bytes already inflated are skipped, so it goes on from the same line
      // and gives the reason when the data is really broken.
      outcome = await pump.run(file.stream(), fflateFrom(sink, native.inflatedBytes));
    }
  }
  if (outcome !== 'done') return outcome;
  sink.end();
  options.onProgress?.(file.size, file.size);
  return null;
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
 * when it fails ("Failed to fetch"): then the caller goes on with fflate.
 */
async function readInflatedNatively(file: Blob, sink: LineSink, pump: Pump): Promise<{ outcome: 'done' | 'cancelled' | ReadStop; inflatedBytes: number }> {
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
      sink.push(chunk);
      return true;
    },
    { counts: false },
  );
  return { outcome, inflatedBytes };
}

/** A chunk handler that inflates with fflate and hands `sink` what comes after the first `skip` inflated bytes. */
function fflateFrom(sink: LineSink, skip: number): (chunk: Uint8Array) => true | ReadStop {
  let toSkip = skip;
  const gunzip = new Gunzip((data) => {
    if (toSkip >= data.length) {
      toSkip -= data.length;
      return;
    }
    sink.push(toSkip > 0 ? data.subarray(toSkip) : data);
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
      return { kind: 'gzip-corrupt', detail: e instanceof Error ? e.message : String(e) };
    }
    return true;
  };
}

/** Reads a stream to its end in slices, with progress and cancel. */
class Pump {
  /** Bytes of the file read so far. */
  bytesRead = 0;
  private readonly clock = sliceClock();

  constructor(
    private readonly size: number,
    private readonly options: PumpOptions,
  ) {}

  /**
   * `each` returns true to go on, or why to stop. The handler also gets an
   * empty chunk at the end of the stream. Resolves to 'done', 'cancelled',
   * or why reading stopped.
   */
  async run(stream: ReadableStream<Uint8Array>, each: (chunk: Uint8Array) => true | ReadStop, { counts = true } = {}): Promise<'done' | 'cancelled' | ReadStop> {
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
        if (goOn !== true) return goOn;
        const waiting = this.options.backPressure?.();
        if (waiting) await waiting;
        if (this.clock.expired()) {
          this.options.onProgress?.(Math.min(this.bytesRead, this.size), this.size);
          await yieldToEventLoop();
          this.clock.restart();
        }
        if (this.options.signal?.aborted) return 'cancelled';
      }
    } catch (e) {
      // The file changed or went away on disk while being read (or, through
      // DecompressionStream, the gzip data is not one clean member).
      return { kind: 'unreadable', bytesRead: this.bytesRead, detail: e instanceof Error ? e.message : String(e) };
    } finally {
      void chunks.cancel().catch(() => undefined);
    }
  }
}
