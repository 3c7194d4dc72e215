/**
 * The rate model follows a capture as one of its listeners: every appended
 * message is counted at arrival, before eviction or any filter.
 */
import type { RateRecorder } from './rate-recorder.ts';
import type { RateSample } from './rate-bucket.ts';

/** What the rate model needs of a capture (capture/TraceCapture fits). */
export interface RateSource {
  readonly buffer: { get(seq: number): RateSample | undefined };
  addListener(listener: { onAppend(firstSeq: number, count: number): void; onClear?(): void }): () => void;
}

/** Counts every message `capture` appends from now on into `rates`; returns the detach. */
export function countRatesOf(capture: RateSource, rates: RateRecorder): () => void {
  const { buffer } = capture;
  return capture.addListener({
    onAppend(firstSeq, count) {
      for (let seq = firstSeq; seq < firstSeq + count; seq++) {
        const m = buffer.get(seq);
        if (m !== undefined) rates.record(m);
      }
    },
    // The capture started over (a rewind refills the past seconds, an import brings its own).
    onClear: () => rates.clear(),
  });
}
