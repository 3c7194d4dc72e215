import { describe, expect, it } from 'vitest';
import { createRng, randInt, uuid } from './random.ts';

describe('seeded random source', () => {
  it('replays the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draws = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.next());
    expect(draws(a)).toEqual(draws(b));
    expect(draws(createRng(43))).not.toEqual(draws(createRng(42)));
  });

  it('stays in range', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const n = randInt(rng, 3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
  });

  it('produces v4-shaped UUIDs', () => {
    const rng = createRng(7);
    for (let i = 0; i < 50; i++) expect(uuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
