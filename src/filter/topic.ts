/**
 * AMQP topic matching, reproducing RabbitMQ 3.10's `rabbit_exchange_type_topic`
 * exactly (checked against a real broker: see `topic-vectors.json`, produced
 * by `scripts/topic-oracle.ts`).
 *
 * Rules, as the broker applies them to both the binding pattern and the key:
 * - split on every `.`; empty words are kept (`a..b` is `a`, ``, `b`);
 * - the empty string has ZERO words (`a.` is `a`, `` but `` is nothing);
 * - `*` as a whole word is exactly one word, possibly empty;
 * - `#` as a whole word is zero or more words;
 * - any other word, including `a*` or `#a`, is compared literally and
 *   case-sensitively.
 *
 * @module
 */

/** Word kinds of a compiled pattern; numbers keep the hot loop monomorphic. */
const LITERAL = 0;
const ONE_WORD = 1; // `*`
const ANY_WORDS = 2; // `#`

/** A routing-key predicate produced by {@link compileTopicPattern}. */
export type TopicMatcher = (routingKey: string) => boolean;

/**
 * Splits like the broker's `split_topic_key`: "" is zero words, every other
 * string is `count('.') + 1` words.
 */
function splitWords(text: string): string[] {
  return text === '' ? [] : text.split('.');
}

/** Where the key word starting at `start` ends (its `.` or the key length). */
function wordEnd(key: string, start: number): number {
  const dot = key.indexOf('.', start);
  return dot === -1 ? key.length : dot;
}

/**
 * Compiles an AMQP topic binding pattern into a predicate over routing keys.
 *
 * The pattern is split once. Matching walks the key in place (no split, no
 * substring, no regex), so it does not allocate. Consecutive `#` words are
 * collapsed (`#.#` means the same as `#`), and the matcher is the classic
 * greedy wildcard walk that only ever backtracks to the most recent `#`, so the
 * cost is at most words(pattern) × words(key) even for `#.#.#.#.#.#.a`.
 *
 * @param pattern - binding pattern, e.g. `orders.*.created` or `payments.#`.
 * @returns a predicate that is true exactly when the broker would route a
 *   message with that routing key through a binding with this pattern.
 */
export function compileTopicPattern(pattern: string): TopicMatcher {
  const words: string[] = [];
  const kinds: number[] = [];
  for (const word of splitWords(pattern)) {
    const kind = word === '#' ? ANY_WORDS : word === '*' ? ONE_WORD : LITERAL;
    if (kind === ANY_WORDS && kinds[kinds.length - 1] === ANY_WORDS) continue;
    words.push(word);
    kinds.push(kind);
  }

  // Fast paths for the shapes people actually type.
  if (!kinds.includes(ONE_WORD) && !kinds.includes(ANY_WORDS)) {
    // All literal words: equal word lists <=> equal strings ("" included).
    return (routingKey) => routingKey === pattern;
  }
  if (kinds.length === 1 && kinds[0] === ANY_WORDS) return () => true;
  const hashAt = kinds.indexOf(ANY_WORDS);
  if (hashAt === kinds.length - 1 && !kinds.includes(ONE_WORD)) {
    // `lit.lit.#`: the key's first words equal the prefix. The prefix has at
    // least one word, so the zero-word key "" never matches, even when the
    // prefix is the single empty word (pattern `.#`).
    const prefix = words.slice(0, hashAt).join('.');
    const prefixDot = prefix + '.';
    return (routingKey) => routingKey !== '' && (routingKey === prefix || routingKey.startsWith(prefixDot));
  }

  const count = kinds.length;
  return (routingKey) => {
    const keyLength = routingKey.length;
    // `pos` is the start of the current key word; pos > keyLength means the
    // key is used up. The zero-word key starts used up.
    let pos = keyLength === 0 ? 1 : 0;
    let p = 0;
    let lastHash = -1; // pattern index of the most recent `#`
    let hashResume = 0; // key position that `#` will swallow up to on backtrack

    while (pos <= keyLength) {
      if (p < count) {
        const kind = kinds[p];
        if (kind === ANY_WORDS) {
          // Try `#` as zero words first; remember where to resume.
          lastHash = p;
          hashResume = pos;
          p++;
          continue;
        }
        const end = wordEnd(routingKey, pos);
        if (kind === ONE_WORD || isWordAt(routingKey, pos, end, words[p] as string)) {
          p++;
          pos = end + 1;
          continue;
        }
      }
      if (lastHash < 0) return false;
      // Let the last `#` swallow one more key word and retry after it.
      hashResume = wordEnd(routingKey, hashResume) + 1;
      pos = hashResume;
      p = lastHash + 1;
    }
    // Key used up: the rest of the pattern must match zero words, which only
    // `#` can (so `a.#` matches `a`, but `a.#.*` does not).
    while (p < count && kinds[p] === ANY_WORDS) p++;
    return p === count;
  };
}

/** Is the key word spanning [start, end) exactly `word`? Allocation-free. */
function isWordAt(key: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && key.startsWith(word, start);
}

/** Bounded memo for {@link topicMatches}: patterns repeat, keys do not. */
const compiledCache = new Map<string, TopicMatcher>();
const COMPILED_CACHE_LIMIT = 256;

/**
 * One-off form of {@link compileTopicPattern}: does `routingKey` match the
 * topic binding `pattern`? Compiled patterns are memoized (bounded), but hot
 * loops should hold on to a compiled matcher instead.
 *
 * @example topicMatches('orders.*.created', 'orders.eu.created') // true
 * @example topicMatches('a.#', 'a') // true: `#` may be zero words
 * @example topicMatches('*', '') // false: "" has no word for `*`
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  let matcher = compiledCache.get(pattern);
  if (matcher === undefined) {
    if (compiledCache.size >= COMPILED_CACHE_LIMIT) compiledCache.clear();
    matcher = compileTopicPattern(pattern);
    compiledCache.set(pattern, matcher);
  }
  return matcher(routingKey);
}

/** True if `text` has a whole-word `*` or `#`, i.e. is not just a literal key. */
export function hasTopicWildcard(text: string): boolean {
  return splitWords(text).some((word) => word === '*' || word === '#');
}
