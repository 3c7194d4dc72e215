import { describe, expect, it } from 'vitest';
import { childPathText, formatFieldPath, MAX_PATH_CHARS, MAX_PATH_SEGMENTS, numberOf, parseFieldPath, valueAtPath } from './field-path.ts';

function segmentsOf(text: string) {
  const parsed = parseFieldPath(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.path.segments;
}

describe('field paths', () => {
  it('parses dots, indexes and quoted keys', () => {
    expect(segmentsOf('$')).toEqual([]);
    expect(segmentsOf('$.customer.total_cents')).toEqual(['customer', 'total_cents']);
    expect(segmentsOf('$.items[0].qty')).toEqual(['items', 0, 'qty']);
    expect(segmentsOf('$["a b"]["x.y"][12]')).toEqual(['a b', 'x.y', 12]);
    expect(segmentsOf('$["say \\"hi\\""]["\\u0001"]')).toEqual(['say "hi"', '\u0001']);
    expect(segmentsOf('$.$ref._x9')).toEqual(['$ref', '_x9']);
  });

  it('spells paths canonically: identifiers with dots, everything else quoted', () => {
    expect(formatFieldPath(['customer', 'total_cents'])).toBe('$.customer.total_cents');
    expect(formatFieldPath(['items', 0, 'qty'])).toBe('$.items[0].qty');
    expect(formatFieldPath(['a b', '', '0', 'x-y', 'é'])).toBe('$["a b"][""]["0"]["x-y"]["é"]');
    expect(formatFieldPath(['a"]b'])).toBe('$["a\\"]b"]');
    expect(childPathText('$.items', 3)).toBe('$.items[3]');
    expect(childPathText('$', 'two words')).toBe('$["two words"]');
  });

  it('reads back every path it writes', () => {
    const keys = [['a b', 'x.y', 7], ['"]', '\\', '\n'], ['', '[0]', '$'], ['__proto__', 'constructor']];
    for (const segments of keys) {
      const text = formatFieldPath(segments);
      const parsed = parseFieldPath(text);
      expect(parsed.ok && parsed.path.segments).toEqual(segments);
      expect(parsed.ok && parsed.path.text).toBe(text);
    }
  });

  it('says what is wrong and where, with the filter box\'s own parser', () => {
    const error = (text: string) => {
      const parsed = parseFieldPath(text);
      return parsed.ok ? 'parsed' : parsed.error;
    };
    expect(error('total')).toMatch(/starts with \$/);
    expect(error('$.')).toMatch(/name is missing after "\."/);
    expect(error('$[-1]')).toMatch(/is not an index/);
    expect(error('$["a]')).toMatch(/closing quote/);
    expect(error('$.a b')).toMatch(/unexpected " " at column 4/);
    // A chart follows one value per message: wildcards are for the filter.
    expect(error('$.items[*].qty')).toMatch(/one value per message/);
    expect(error('$.*.id')).toMatch(/one value per message/);
  });

  it('reads what the filter box reads: loose names are keys, never code', () => {
    expect(segmentsOf('$.1abc')).toEqual(['1abc']);
    expect(segmentsOf('$.a;alert(1)')).toEqual(['a;alert(1)']);
    expect(segmentsOf("$['a b']")).toEqual(['a b']);
    expect(segmentsOf('$[01]')).toEqual([1]);
    // Not JSON, read with the box's quoting: \x is x.
    expect(segmentsOf('$["\\x"]')).toEqual(['x']);
  });

  it('refuses hostile sizes instead of working on them', () => {
    expect(parseFieldPath('$' + '.a'.repeat(MAX_PATH_SEGMENTS)).ok).toBe(true);
    expect(parseFieldPath('$' + '.a'.repeat(MAX_PATH_SEGMENTS + 1))).toEqual({ ok: false, error: `a field path has at most ${MAX_PATH_SEGMENTS} steps` });
    expect(parseFieldPath('$["' + 'x'.repeat(MAX_PATH_CHARS) + '"]').ok).toBe(false);
  });

  it('evaluates paths on own properties only', () => {
    const body = { customer: { total_cents: 1999 }, items: [{ qty: 2 }], 'a b': 5, n: null };
    expect(valueAtPath(body, ['customer', 'total_cents'])).toBe(1999);
    expect(valueAtPath(body, ['items', 0, 'qty'])).toBe(2);
    expect(valueAtPath(body, ['items', 1, 'qty'])).toBeUndefined();
    expect(valueAtPath(body, ['items', 'length'])).toBeUndefined();
    expect(valueAtPath(body, ['customer', 0])).toBeUndefined();
    expect(valueAtPath(body, ['constructor'])).toBeUndefined();
    expect(valueAtPath(body, ['__proto__'])).toBeUndefined();
    expect(valueAtPath(body, ['customer', 'toString'])).toBeUndefined();
    expect(valueAtPath(body, ['n', 'x'])).toBeUndefined();
    expect(valueAtPath('text', [0])).toBeUndefined();
    expect(valueAtPath(undefined, ['a'])).toBeUndefined();
    expect(valueAtPath(body, [])).toBe(body);
  });

  it('charts finite numbers only', () => {
    const body = { a: 1.5, s: '12', inf: Number.POSITIVE_INFINITY, b: true, nul: null, o: {} };
    expect(numberOf(valueAtPath(body, ['a']))).toBe(1.5);
    expect(numberOf(valueAtPath(body, ['s']))).toBe('not-number');
    expect(numberOf(valueAtPath(body, ['inf']))).toBe('not-number');
    expect(numberOf(valueAtPath(body, ['b']))).toBe('not-number');
    expect(numberOf(valueAtPath(body, ['nul']))).toBe('not-number');
    expect(numberOf(valueAtPath(body, ['o']))).toBe('not-number');
    expect(numberOf(valueAtPath(body, ['missing']))).toBe('absent');
    expect(numberOf(valueAtPath(undefined, ['a']))).toBe('absent');
  });

  it('walks a deeply nested body without recursion', () => {
    let deep: unknown = 42;
    const segments: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      deep = { k: deep };
      segments.push('k');
    }
    expect(valueAtPath(deep, segments)).toBe(42);
  });
});
