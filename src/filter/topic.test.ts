import { describe, expect, it } from 'vitest';
import { compileTopicPattern, hasTopicWildcard, topicMatches } from './topic.ts';
import vectors from './topic-vectors.json';

/**
 * Deliberately naive reference: split both sides like the broker does and
 * recurse word by word. Exponential in the number of `#`, so only used on
 * short random inputs.
 */
function referenceMatches(pattern: string, key: string): boolean {
  const split = (s: string): string[] => (s === '' ? [] : s.split('.'));
  const p = split(pattern);
  const k = split(key);
  const go = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    const word = p[i];
    if (word === '#') return go(i + 1, j) || (j < k.length && go(i, j + 1));
    if (j === k.length) return false;
    return (word === '*' || word === k[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** mulberry32: tiny deterministic PRNG so failures reproduce. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('broker vectors (scripts/topic-oracle.ts against RabbitMQ 3.10)', () => {
  it('has a substantial vector set', () => {
    expect(vectors.length).toBeGreaterThan(1000);
    expect(vectors.some((v) => v.matches)).toBe(true);
  });

  it('topicMatches agrees with the broker on every vector', () => {
    const wrong = vectors.filter((v) => topicMatches(v.pattern, v.key) !== v.matches);
    expect(wrong).toEqual([]);
  });

  it('compileTopicPattern agrees with the broker on every vector', () => {
    const compiled = new Map<string, (key: string) => boolean>();
    const wrong = vectors.filter((v) => {
      let matcher = compiled.get(v.pattern);
      if (!matcher) compiled.set(v.pattern, (matcher = compileTopicPattern(v.pattern)));
      return matcher(v.key) !== v.matches;
    });
    expect(wrong).toEqual([]);
  });

  it('the reference implementation agrees with the broker too', () => {
    const wrong = vectors.filter((v) => v.key.length < 100 && referenceMatches(v.pattern, v.key) !== v.matches);
    expect(wrong).toEqual([]);
  });
});

describe('named edge cases', () => {
  const cases: Array<[pattern: string, key: string, matches: boolean]> = [
    // design.md
    ['a.#', 'a', true],
    ['#', '', true],
    ['a.#.b', 'a.b', true],
    ['#.#', '', true],
    ['#.#', 'x.y.z', true],
    ['a*', 'ab', false],
    ['a*', 'a*', true],
    // the empty key has zero words, the empty pattern too
    ['', '', true],
    ['', 'a', false],
    ['*', '', false],
    ['.', '', false],
    ['.#', '', false],
    ['#.', '', false],
    // empty words are real words
    ['*', '.', false],
    ['*.*', '.', true],
    ['a.*', 'a.', true],
    ['*.a', '.a', true],
    ['a..b', 'a..b', true],
    ['a.*.b', 'a..b', true],
    ['a.#.b', 'a..b', true],
    ['a.b', 'a..b', false],
    ['.#', '.', true],
    ['#.', 'a.', true],
    ['#.', 'a', false],
    // `#` placement
    ['#.a', 'a', true],
    ['#.a', 'x.y.a', true],
    ['#.a', 'a.x', false],
    ['#.*', '', false],
    ['#.*', 'a', true],
    ['*.#', 'a', true],
    ['*.#.*', 'a', false],
    ['*.#.*', 'a.b', true],
    ['a.#.*', 'a', false],
    ['#.#.#.#.#.#.a', 'a', true],
    ['#.a.#.a.#', 'x.a.y.a', true],
    ['#.a.#.a.#', 'x.a.y', false],
    // literal wildcard characters, case, unicode
    ['#a', '#a', true],
    ['#a', 'xa', false],
    ['*a', 'ba', false],
    ['Orders.#', 'orders.eu', false],
    ['заказы.*', 'заказы.новые', true],
    ['日本.#', '日本', true],
    ['*.ü', 'x.u', false],
  ];
  it.each(cases)('%j vs %j -> %s', (pattern, key, matches) => {
    expect(topicMatches(pattern, key)).toBe(matches);
    expect(compileTopicPattern(pattern)(key)).toBe(matches);
    expect(referenceMatches(pattern, key)).toBe(matches);
  });
});

describe('performance shape', () => {
  const manyWords = Array.from({ length: 128 }, () => 'a').join('.');

  it('stays polynomial on piles of `#` against a 128-word key', () => {
    const patterns = ['#.#.#.#.#.#.b', '#.a.#.a.#.a.#.a.#.b', '#.*.#.*.#.*.#.*.#.b', '#.#.#.#.#.#.a'];
    const started = performance.now();
    const results = patterns.map((p) => compileTopicPattern(p)(manyWords));
    // The broker itself takes hours on the first one; a DP/greedy walk takes microseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(results).toEqual([false, false, false, true]);
  });
});

describe('randomized cross-check against the reference (seeded)', () => {
  const random = seededRandom(0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = (alphabet: readonly string[], max: number): string =>
    Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(alphabet)).join('.');

  it('compiled and one-off forms agree with the reference on 20k random pairs', () => {
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const pattern = words(['a', 'b', '', '*', '#', 'a*'], 6);
      const key = words(['a', 'b', '', '*', '#'], 7);
      const expected = referenceMatches(pattern, key);
      if (compileTopicPattern(pattern)(key) !== expected || topicMatches(pattern, key) !== expected) {
        mismatches.push(`${JSON.stringify(pattern)} vs ${JSON.stringify(key)}: expected ${expected}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

describe('hasTopicWildcard', () => {
  it('only counts whole-word wildcards', () => {
    expect(hasTopicWildcard('orders.*')).toBe(true);
    expect(hasTopicWildcard('#')).toBe(true);
    expect(hasTopicWildcard('a*.b')).toBe(false);
    expect(hasTopicWildcard('orders.eu')).toBe(false);
    expect(hasTopicWildcard('')).toBe(false);
  });
});
