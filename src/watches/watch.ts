/**
 * One watch: its filter compiled for the hot path (the routing-key part as
 * a verdict per key id, the rest per message), its counter, and what the
 * UI reads of it. See watch-set.ts.
 */
import type { TracedMessage } from '../model/index.ts';
import { KeyVerdictCache } from './key-verdict-cache.ts';
import { WatchCounter } from './watch-counter.ts';

/** A watch as the saved filters describe it. */
export interface WatchSpec {
  /** Stable across renames: the counts follow it. */
  readonly id: string;
  readonly filter: string;
  /** Alert (desktop notification, title count) when it matches after a quiet period. */
  readonly notify: boolean;
}

export type MessageTest = (message: TracedMessage) => boolean;

/**
 * A compiled filter as the session gives it (session-filter.ts): `test` on
 * its own, or split into a routing-key part (`keyTest`, null: any key) that
 * can be asked once per key and a per-message rest (`messageTest`, null: the
 * key part decides alone).
 */
export interface CompiledWatchFilter {
  test: MessageTest;
  keyTest?: ((exchange: string, routingKey: string) => boolean) | null;
  messageTest?: MessageTest | null;
}

/** What compiles a filter text (the session's compileFilter). */
export type CompileWatchFilter = (text: string) => { ok: true; compiled: CompiledWatchFilter } | { ok: false; error: string };

export interface WatchSnapshot extends WatchSpec {
  /** Why the filter cannot be judged ('' when it compiled): the watch counts nothing. */
  readonly error: string;
  readonly setAt: number;
  /** Matches since it was set. */
  readonly total: number;
  /** Matches in the last 60 seconds. */
  readonly lastMinute: number;
  /** Matches per minute over the last hour, oldest first (60 numbers). */
  readonly perMinute: readonly number[];
  /** Epoch ms of the last match, null before the first. */
  readonly lastMatchAt: number | null;
}

export interface Watch {
  spec: WatchSpec;
  /** Null when the filter did not compile or failed: the watch judges nothing. */
  test: MessageTest | null;
  /** The key part per key id, or null when judged by `test` alone. */
  keyVerdicts: KeyVerdictCache | null;
  /** With keyVerdicts: the rest, per message, or null when the key part decides alone. */
  messageTest: MessageTest | null;
  error: string;
  counter: WatchCounter;
  /** Waiting in `alerts` for the next flush. */
  alertQueued: boolean;
}

/**
 * A watch for `spec`, counting from `now`. `withKeyIds`: the source gives a
 * key id per message, so a filter split into a key part and a rest is
 * judged by key id.
 */
export function createWatch(spec: WatchSpec, compiled: ReturnType<CompileWatchFilter>, now: number, withKeyIds: boolean): Watch {
  const split = compiled.ok && compiled.compiled.keyTest !== undefined && withKeyIds;
  const keyTest = compiled.ok ? compiled.compiled.keyTest : null;
  return {
    spec,
    test: compiled.ok ? compiled.compiled.test : null,
    keyVerdicts: split && keyTest ? new KeyVerdictCache(keyTest) : null,
    messageTest: split ? (compiled.compiled.messageTest ?? null) : compiled.ok ? compiled.compiled.test : null,
    error: compiled.ok ? '' : compiled.error,
    counter: new WatchCounter(now),
    alertQueued: false,
  };
}

/**
 * Hot path: does the message match? A filter that throws on hostile input
 * must not stop the ingest: the watch stops (test null), and says why.
 */
export function judge(watch: Watch, message: TracedMessage, keyId: number, generation: number): boolean {
  try {
    if (watch.keyVerdicts !== null && !watch.keyVerdicts.passes(keyId, generation, message)) return false;
    return watch.messageTest === null || watch.messageTest(message);
  } catch (error) {
    watch.test = null;
    watch.error = `The filter failed on message ${message.seq}: ${error instanceof Error ? error.message : String(error)}`;
    return false;
  }
}

export function snapshotOf(w: Watch, now: number): WatchSnapshot {
  const c = w.counter;
  return {
    ...w.spec,
    error: w.error,
    setAt: c.setAt,
    total: c.total,
    lastMinute: c.lastMinute(now),
    perMinute: c.perMinute(now),
    lastMatchAt: c.lastMatchAt === -Infinity ? null : c.lastMatchAt,
  };
}

