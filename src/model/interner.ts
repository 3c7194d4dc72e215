/**
 * String interning for the ingest path.
 *
 * Every MESSAGE frame brings fresh copies of the same few strings (exchange,
 * routing key, content type, task name). Keeping a million messages means a
 * million copies unless each is swapped for one canonical instance. JS compares
 * strings by value, so interning only saves memory: it never changes meaning,
 * which is what makes it safe to forget the table at any time.
 */

/** Options for {@link StringInterner}. */
export interface StringInternerOptions {
  /**
   * Distinct strings kept before the table is cleared and starts over.
   * Default 200,000 (a few tens of MB at worst).
   */
  maxEntries?: number;
  /**
   * Longer strings are returned as they are, never stored: they are unlikely
   * to repeat (routing keys are at most 255 bytes). Default 256.
   */
  maxLength?: number;
}

/**
 * Returns one canonical instance per distinct string, bounded.
 *
 * When the table reaches `maxEntries` it is cleared (a new generation) rather
 * than frozen: a burst of unique keys (ids inside routing keys, reply queue
 * names) would otherwise fill it for good and stop the keys that do repeat
 * from being shared afterwards. Strings handed out before a clear stay valid;
 * the new generation simply picks a new canonical copy.
 */
export class StringInterner {
  private table = new Map<string, string>();
  private readonly maxEntries: number;
  private readonly maxLength: number;
  private clearCount = 0;

  constructor(options: StringInternerOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200_000;
    this.maxLength = options.maxLength ?? 256;
  }

  /** The canonical instance equal to `value` (stored on first sight). */
  intern(value: string): string {
    const canonical = this.table.get(value);
    if (canonical !== undefined) return canonical;
    if (value.length > this.maxLength || this.maxEntries < 1) return value;
    if (this.table.size >= this.maxEntries) {
      // A fresh Map frees the old table at once; Map#clear may keep its capacity.
      this.table = new Map();
      this.clearCount++;
    }
    this.table.set(value, value);
    return value;
  }

  /** Distinct strings currently stored. */
  get size(): number {
    return this.table.size;
  }

  /** How many times the table filled up and was cleared (a diagnostic). */
  get clears(): number {
    return this.clearCount;
  }
}
