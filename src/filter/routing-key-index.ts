/**
 * Memoized filter verdicts per distinct (exchange, routing key).
 *
 * Live traffic has millions of messages but few distinct routing keys, and
 * the ingest path interns both strings. So re-filtering the whole buffer when
 * the filter changes costs one matcher call per distinct pair plus two Map
 * lookups per message, instead of one matcher call per message.
 *
 * @module
 */
import { MATCH_ALL_FILTER, type CompiledFilter } from './query.ts';

/** Options for {@link RoutingKeyMatchCache}. */
export interface RoutingKeyMatchCacheOptions {
  /**
   * Most distinct (exchange, key) pairs to remember before starting over.
   * A key space that large (ids inside keys) would otherwise grow without end;
   * clearing is cheaper and simpler than LRU bookkeeping on the hot path.
   * Default 100,000.
   */
  maxEntries?: number;
}

/**
 * Answers "does this message pass the current filter?" from a two-level memo
 * exchange → routing key → verdict, computing each distinct pair once.
 *
 * @example
 * const cache = new RoutingKeyMatchCache();
 * cache.setFilter(parsed.filter); // forgets verdicts of the previous filter
 * const visible = messages.filter((m) => cache.matches(m.exchange, m.routingKey));
 */
export class RoutingKeyMatchCache {
  /** Limit on remembered pairs; see {@link RoutingKeyMatchCacheOptions.maxEntries}. */
  readonly maxEntries: number;
  private currentFilter: CompiledFilter;
  private readonly verdicts = new Map<string, Map<string, boolean>>();
  private entries = 0;
  // Most messages come from the exchange of the one before: skip the outer lookup then.
  private lastExchange: string | null = null;
  private lastByKey: Map<string, boolean> | undefined = undefined;

  /**
   * @param filter - initial filter; defaults to the match-all filter.
   * @param options - see {@link RoutingKeyMatchCacheOptions}.
   */
  constructor(filter: CompiledFilter = MATCH_ALL_FILTER, options: RoutingKeyMatchCacheOptions = {}) {
    const maxEntries = options.maxEntries ?? 100_000;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    this.maxEntries = maxEntries;
    this.currentFilter = filter;
  }

  /** The filter whose verdicts are cached. */
  get filter(): CompiledFilter {
    return this.currentFilter;
  }

  /** Number of (exchange, routing key) verdicts currently remembered. */
  get size(): number {
    return this.entries;
  }

  /**
   * Switches to another filter, forgetting every verdict of the old one.
   * A filter compiled from the same text is the same filter, so it keeps the
   * memo (typing a space and deleting it again costs nothing).
   *
   * @returns true if the memo was cleared.
   */
  setFilter(filter: CompiledFilter): boolean {
    if (filter === this.currentFilter) return false;
    const sameText = filter.text === this.currentFilter.text;
    this.currentFilter = filter;
    if (sameText) return false;
    this.clear();
    return true;
  }

  /** Does a message with this exchange and routing key pass the filter? */
  matches(exchange: string, routingKey: string): boolean {
    const filter = this.currentFilter;
    if (filter.isEmpty) return true;

    let byKey = exchange === this.lastExchange ? this.lastByKey : this.verdicts.get(exchange);
    if (byKey !== undefined) {
      this.lastExchange = exchange;
      this.lastByKey = byKey;
      const known = byKey.get(routingKey);
      if (known !== undefined) return known;
    }

    const verdict = filter.matchesKey(exchange, routingKey);
    if (this.entries >= this.maxEntries) {
      this.clear();
      byKey = undefined;
    }
    if (byKey === undefined) {
      byKey = new Map<string, boolean>();
      this.verdicts.set(exchange, byKey);
    }
    this.lastExchange = exchange;
    this.lastByKey = byKey;
    byKey.set(routingKey, verdict);
    this.entries++;
    return verdict;
  }

  /** Forgets every verdict (the filter stays). */
  clear(): void {
    this.verdicts.clear();
    this.entries = 0;
    this.lastExchange = null;
    this.lastByKey = undefined;
  }
}
