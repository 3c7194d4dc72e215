import { describe, expect, it } from 'vitest';
import { nestedQuantifier } from './regex-guard.ts';
import { parseFilterQuery } from './query.ts';

describe('nestedQuantifier', () => {
  it('refuses a repeated group that repeats inside', () => {
    for (const source of ['(a+)+', '(a*)*', '(\\w+\\s?)*$', '(x{1,9})+', '((ab)+c)*', '(a+){2,}', '(?:a|b+)+', '((a)+)+']) {
      expect(nestedQuantifier(source), source).not.toBeNull();
    }
  });

  it('accepts the usual patterns', () => {
    for (const source of ['^orders\\.(eu|us)\\.', '(ab)+', '(a+)?', '(a+){1}', '"tenant":"(globex|hooli)"', '[(+)]+', '\\(a+\\)+', '(a)+b+', 'x{2,}', '(\\d{4})-(\\d{2})']) {
      expect(nestedQuantifier(source), source).toBeNull();
    }
  });

  it('makes the filter refuse such a term, pointing at it', () => {
    const parsed = parseFilterQuery('orders body:/(a+)+$/');
    expect(parsed).toMatchObject({ ok: false, start: 7, end: 20 });
    expect(parsed.ok ? '' : parsed.error).toMatch(/repeated group that repeats inside/);
  });
});
