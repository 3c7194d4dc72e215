import { describe, expect, it } from 'vitest';
import { parsePath, pathsIn, someAtPath } from './json-path.ts';

const BODY = { a: { b: 1 }, 'x-y': 2, items: [{ sku: 'A' }, { sku: 'B' }], empty: [], n: null, 'say "hi"': true };

describe('pathsIn', () => {
  it('lists the paths of scalars and empty arrays, quoting names that are not identifiers', () => {
    expect([...pathsIn(BODY, 100)].sort()).toEqual(['$.a.b', '$.empty', '$.items[0].sku', '$.n', '$["say \\"hi\\""]', '$["x-y"]'].sort());
  });

  it('every path it lists reads back to a value', () => {
    for (const text of pathsIn(BODY, 100)) {
      const path = parsePath(text);
      if (typeof path === 'string') throw new Error(`${text}: ${path}`);
      expect(path.end).toBe(text.length);
      expect(someAtPath(BODY, path.steps, () => true), text).toBe(true);
    }
  });

  it('stops at the limit, at depth 8, and treats byte arrays as values', () => {
    expect(pathsIn(BODY, 2).size).toBe(2);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { d: deep };
    expect([...pathsIn(deep, 10)][0]?.split('.d').length).toBe(10);
    expect([...pathsIn({ bytes: new Uint8Array(1000) }, 100)]).toEqual(['$.bytes']);
    expect(pathsIn('scalar', 10).size).toBe(0);
  });
});
