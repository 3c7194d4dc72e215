/**
 * The contract between `npm run bench` (Node, Playwright) and the page-side
 * hook `bench/page/bench-hook.ts`, which only the bench build carries
 * (`vite build --mode bench`). Types and constants, no imports, so both
 * sides compile it.
 *
 * Times named `*At` are `performance.now()` in the page unless they say epoch.
 */

/** Global name the hook installs itself under. */
export const BENCH_GLOBAL = '__warrenBench';

/** What the ingest probe saw since its last reset. */
export interface IngestProbeSnapshot {
  /** `ingest.ingest` calls since the reset. */
  count: number;
  /** performance.now() right after the first / last call returned; -1 before any. */
  firstAt: number;
  lastAt: number;
}

/** `x-warren-seq` accounting over the messages retained in `ingest.buffer`. */
export interface SeqStats {
  /** Retained messages whose routing key starts with the prefix. */
  matched: number;
  /** Distinct x-warren-seq values in 1..expected among them. */
  distinct: number;
  duplicates: number;
  /** Missing, non-numeric or outside 1..expected. */
  outOfRange: number;
}

/** One message of the latency run, epoch milliseconds (Date.now()). */
export interface LatencySample {
  warrenSeq: number;
  /** `x-bench-sent`: the publisher's clock just before publishing on the origin. */
  sentAt: number;
  /** Just after `ingest.ingest` returned for it. */
  ingestedAt: number;
  /**
   * First task after a rendering update that showed its row or a newer one,
   * i.e. when the following table had caught up with it (when more rows
   * arrive in one frame than fit on screen, the older ones are never drawn);
   * -1 if that never happened.
   */
  paintedAt: number;
  /** Its own row was in the DOM at some point. */
  rowSeen: boolean;
}

/** Which traffic the synthetic loader builds: the generator's domain events, or its Celery tasks, events and replies. */
export type SyntheticMix = 'domain' | 'celery';

/** What the Celery mix loaded, for checking the conversation index's answers. */
export interface CeleryLoadStats {
  /** Tasks loaded (5 frames each): the conversations the index should hold. */
  tasks: number;
  /** Per task name, frames that belong to a conversation of that name: the rows `task:NAME` must show. */
  taskNameFrames: Record<string, number>;
  /** One task id and how many frames belong to it: the rows `conv:ID` must show. */
  sample: { id: string; frames: number };
}

/** Result of loading synthetic frames through the real parser and ingest. */
export interface SyntheticLoadResult {
  count: number;
  mix: SyntheticMix;
  /** Wall time of the whole load, including building frame bytes and yielding between batches. */
  wallMs: number;
  /** Time the page spent ingesting the worker's batches (MessageRoutes.receive → the capture) only; the frames were read in a worker, as the socket worker reads them. */
  parseAndIngestMs: number;
  /** How many loaded messages carry each routing key. */
  keyCounts: Record<string, number>;
  /** How many loaded bodies contain each tenant name (the body-search needles). */
  tenantCounts: Record<string, number>;
  /** Mean size of a frame on the wire, bytes (command + headers + body + NUL). */
  frameBytes: number;
  /** Mean body size, bytes. */
  bodyBytes: number;
  /** Only for the Celery mix. */
  celery?: CeleryLoadStats;
  /** Only for loadSyntheticPaired: per pair of adjacent batches, rate with the index / rate without. */
  pairRatios?: number[];
}

/** The session's conversation index, read after a load. */
export interface ConversationIndexProbe {
  /** `session.conversations.size`. */
  conversations: number;
  /** One `session.conversations.requestRows()` call (what the requests view reads), ms. */
  requestRowsMs: number;
  /** Its rows, with their counts (name, requests, answered, failed, pending, timed out). */
  rows: { name: string; count: number; replied: number; failed: number; pending: number; timedOut: number }[];
}

export interface RefilterTiming {
  text: string;
  /** Time spent inside applyFilterText (parse + rebuild of the visible index, or its first slice). */
  syncMs: number;
  /** Until the rows were final (a filter that decodes bodies re-filters in slices after the call). */
  doneMs: number;
  /** The longest the main thread was held: the call itself, or the longest slice. */
  longestTaskMs: number;
  /** From the call until the first task after the next rendering update. */
  paintedMs: number;
  /** Rows the view store reports as visible afterwards. */
  visible: number;
}

/** window.__warrenBench */
export interface WarrenBenchApi {
  /** Starts counting ingest calls (and recording first/last time) from zero. */
  resetProbe(): void;
  probe(): IngestProbeSnapshot;
  /** Accounting of retained messages under `prefix` against seqs 1..expected. */
  seqStats(prefix: string, expected: number): SeqStats;
  /** Starts recording latency samples for messages whose routing key starts with `prefix`. */
  startLatency(prefix: string): void;
  /** Stops recording and returns every sample. */
  stopLatency(): LatencySample[];
  /** Loads `count` synthetic MESSAGE frames (default mix: domain) in batches of `batch`, yielding in between. */
  loadSynthetic(count: number, batch: number, mix?: SyntheticMix): Promise<SyntheticLoadResult>;
  /** As loadSynthetic, but batches alternate between the conversation index attached and detached (see pairRatios). */
  loadSyntheticPaired(count: number, batch: number, mix: SyntheticMix): Promise<SyntheticLoadResult>;
  /** `session.conversations.dispose()`: the page goes on without the index (its capture listener detached). */
  detachConversationIndex(): boolean;
  /** Reads the conversation index: its size, and requestRows() timed. */
  conversationIndex(): ConversationIndexProbe;
  /** Times `applyFilterText(text)` on everything retained. */
  refilter(text: string): Promise<RefilterTiming>;
  /** Messages retained in the ring buffer. */
  retained(): number;
  /** Charts the field at `path`, as "chart" in the inspector's JSON tree does; false if refused. */
  chartField(path: string): boolean;
}

/** Set to "bench" on <html> by the bench build's hook: the bench checks it drives that build. */
export const BENCH_BUILD_ATTRIBUTE = 'data-warren-build';
