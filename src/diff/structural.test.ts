import { describe, expect, it } from 'vitest';
import { diffStructured, MAX_DIFF_ENTRIES } from './structural.ts';

const order = (changes: Record<string, unknown> = {}) => ({
  id: 'ord_1',
  customer: { name: 'Ada', country: 'FR' },
  total_cents: 5200,
  lines: [
    { id: 'l1', sku: 'SKU-1', qty: 1 },
    { id: 'l2', sku: 'SKU-2', qty: 2 },
  ],
  ...changes,
});

describe('diffStructured', () => {
  it('lists each changed, added and removed field by path with old and new values', () => {
    const left = order({ coupon: 'WELCOME' });
    const right = { ...order({ total_cents: 6100, note: 'gift' }), customer: { name: 'Ada', country: 'DE' } };
    expect(diffStructured(left, right)).toEqual({
      entries: [
        { path: '$.customer.country', kind: 'changed', old: '"FR"', new: '"DE"' },
        { path: '$.total_cents', kind: 'changed', old: '5200', new: '6100' },
        { path: '$.coupon', kind: 'removed', old: '"WELCOME"' },
        { path: '$.note', kind: 'added', new: '"gift"' },
      ],
      unlisted: 0,
      notes: [],
    });
  });

  it('matches array items by id: a reordered item is a move, an edited one a change at its index', () => {
    const left = order();
    const right = order({ lines: [{ id: 'l2', sku: 'SKU-2', qty: 3 }, { id: 'l1', sku: 'SKU-1', qty: 1 }, { id: 'l3', sku: 'SKU-3', qty: 1 }] });
    const { entries } = diffStructured(left, right);
    expect(entries).toContainEqual({ path: '$.lines[0].qty', kind: 'changed', old: '2', new: '3' });
    expect(entries).toContainEqual({ path: '$.lines[2]', kind: 'added', new: '{"id": "l3", "sku": "SKU-3", "qty": 1}' });
    expect(entries.filter((e) => e.kind === 'moved')).toHaveLength(1);
    expect(entries).toHaveLength(3);
  });

  it('removes and adds primitive array items by value', () => {
    expect(diffStructured({ tags: ['a', 'b', 'c'] }, { tags: ['a', 'c', 'd'] }).entries).toEqual([
      { path: '$.tags[1]', kind: 'removed', old: '"b"' },
      { path: '$.tags[2]', kind: 'added', new: '"d"' },
    ]);
  });

  it('quotes keys that are not identifiers and reports a type change at its path', () => {
    expect(diffStructured({ 'a b': 1, 'x"y': [1] }, { 'a b': 2, 'x"y': { 0: 1 } }).entries).toEqual([
      { path: '$["a b"]', kind: 'changed', old: '1', new: '2' },
      { path: '$["x\\"y"]', kind: 'changed', old: '[1]', new: '{"0": 1}' },
    ]);
    expect(diffStructured(1, 'one').entries).toEqual([{ path: '$', kind: 'changed', old: '1', new: '"one"' }]);
  });

  it('finds nothing in equal documents', () => {
    expect(diffStructured(order(), order())).toEqual({ entries: [], unlisted: 0, notes: [] });
  });

  it('compares decoder values: bytes by content, Maps by key, bigints and dates by value', () => {
    const left = { raw: new Uint8Array([1, 2, 3]), m: new Map([['k', 1]]), big: 10n, at: new Date(0) };
    const right = { raw: new Uint8Array([1, 2, 4]), m: new Map([['k', 2]]), big: 10n, at: new Date(0) };
    expect(diffStructured(left, right).entries.map((e) => e.path)).toEqual(['$.raw', '$.m.k']);
  });

  it('compares nesting deeper than the limit as a whole, without a stack overflow', () => {
    const deep = (leaf: number) => {
      let value: unknown = leaf;
      for (let i = 0; i < 100_000; i++) value = [value];
      return value;
    };
    const result = diffStructured(deep(1), deep(2), { maxDepth: 64, maxNodes: 100_000, maxArrayCells: 2_000_000 });
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.path).toBe(`$${'[0]'.repeat(64)}`);
    expect(result.notes.join(' ')).toMatch(/deeper than 64 levels/);
  });

  it('compares over-long arrays position by position, quickly, and says so', () => {
    const left = Array.from({ length: 50_000 }, (_, i) => i);
    const right = [...left].reverse();
    const started = performance.now();
    const result = diffStructured({ xs: left }, { xs: right });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.notes).toContain('Long arrays are compared position by position (no move detection).');
    expect(result.entries[0]).toEqual({ path: '$.xs[0]', kind: 'changed', old: '0', new: '49999' });
    expect(result.entries).toHaveLength(MAX_DIFF_ENTRIES);
    expect(result.unlisted).toBe(50_000 - MAX_DIFF_ENTRIES);
  });

  it('bounds the values compared one by one', () => {
    const wide = (v: number) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, { v }]));
    const result = diffStructured(wide(1), wide(2), { maxDepth: 64, maxNodes: 10, maxArrayCells: 1000 });
    expect(result.entries.length).toBe(20);
    expect(result.entries.filter((e) => e.path.endsWith('.v'))).toHaveLength(0);
    expect(result.notes.join(' ')).toMatch(/More than 10 values/);
  });

  it('previews long values within bounds', () => {
    const result = diffStructured({ blob: 'x'.repeat(100_000) }, { blob: 'y'.repeat(100_000) });
    expect(result.entries[0]?.old?.length).toBeLessThanOrEqual(160);
    expect(result.entries[0]?.old?.endsWith('…')).toBe(true);
  });
});
