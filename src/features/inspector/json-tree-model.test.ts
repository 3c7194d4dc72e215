import { describe, expect, it } from 'vitest';
import {
  CHILD_PAGE_SIZE,
  childCount,
  childEntries,
  childSummary,
  isChartableNumber,
  jsonKind,
  keyLabel,
  nextShownCount,
  openByDefault,
  scalarText,
  STRING_PREVIEW_CHARS,
} from './json-tree-model.ts';

describe('json tree model', () => {
  it('classifies every JSON value', () => {
    expect([{}, [], 'a', 1.5, true, null].map(jsonKind)).toEqual(['object', 'array', 'string', 'number', 'boolean', 'null']);
  });

  it('counts children of containers only', () => {
    expect(childCount({ a: 1, b: [2] })).toBe(2);
    expect(childCount([1, 2, 3])).toBe(3);
    expect(childCount('abc')).toBe(0);
    expect(childCount(null)).toBe(0);
  });

  it('summarises collapsed containers with a count and the right noun', () => {
    expect(childSummary('object', 1)).toBe('1 key');
    expect(childSummary('object', 3)).toBe('3 keys');
    expect(childSummary('array', 1)).toBe('1 item');
    expect(childSummary('array', 12000)).toBe('12,000 items');
    expect(childSummary('array', 0)).toBe('empty');
  });

  it('lists only the requested children, in document order, with indexes for arrays', () => {
    expect(childEntries({ b: 1, a: 2 }, 10)).toEqual([
      { key: 'b', value: 1 },
      { key: 'a', value: 2 },
    ]);
    const big = Array.from({ length: 10_000 }, (_, i) => i);
    const first = childEntries(big, CHILD_PAGE_SIZE);
    expect(first).toHaveLength(500);
    expect(first[499]).toEqual({ key: 499, value: 499 });
    expect(childEntries(42, 10)).toEqual([]);
  });

  it('pages through long arrays without passing the end', () => {
    expect(nextShownCount(500, 10_000)).toBe(1000);
    expect(nextShownCount(500, 700)).toBe(700);
  });

  it('quotes strings the way JSON writes them, so quotes and newlines stay visible', () => {
    expect(scalarText('say "hi"\n').text).toBe('"say \\"hi\\"\\n"');
    expect(scalarText('<script>alert(1)</script>').text).toBe('"<script>alert(1)</script>"');
    expect(scalarText(42).text).toBe('42');
    expect(scalarText(false).text).toBe('false');
    expect(scalarText(null).text).toBe('null');
  });

  it('cuts very long strings and says how much is hidden', () => {
    const long = 'x'.repeat(STRING_PREVIEW_CHARS + 123);
    const cut = scalarText(long);
    expect(cut.hiddenChars).toBe(123);
    expect(cut.text.startsWith('"xxx')).toBe(true);
    expect(cut.text.endsWith('x…')).toBe(true);
    expect(scalarText(long, Infinity)).toEqual({ text: JSON.stringify(long), hiddenChars: 0 });
  });

  it('shows plain keys bare and odd keys quoted', () => {
    expect(keyLabel('order_id')).toBe('order_id');
    expect(keyLabel('x-warren.seq')).toBe('x-warren.seq');
    expect(keyLabel('')).toBe('""');
    expect(keyLabel('two words')).toBe('"two words"');
    expect(keyLabel('a\u0001b')).toBe('"a\\u0001b"');
    expect(keyLabel(3)).toBe('3');
  });

  it('offers charting on finite numbers only', () => {
    expect([0, -1.5, 1e300].map(isChartableNumber)).toEqual([true, true, true]);
    expect(['12', NaN, Infinity, null, true, {}, [], 10n].map(isChartableNumber)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('opens the first two levels by default', () => {
    expect([0, 1, 2, 3].map(openByDefault)).toEqual([true, true, false, false]);
  });
});
