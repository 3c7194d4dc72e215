/**
 * A small seeded PRNG so a run can be replayed with `--seed`: the same seed and
 * the same `--seq-start` produce the same routing keys, ids and bodies, which
 * makes a failing e2e or bench run reproducible.
 */

/** A source of uniform floats in [0, 1). Builders take this instead of Math.random. */
export interface Rng {
  next(): number;
}

/**
 * mulberry32: 32-bit state, fast, good enough for test traffic. Not for
 * anything security-related.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Integer in [min, max], both inclusive. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng.next() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng.next() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng.next() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

export function randomBytes(rng: Rng, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rng.next() * 256);
  return bytes;
}

export function hex(rng: Rng, chars: number): string {
  return randomBytes(rng, Math.ceil(chars / 2)).toString('hex').slice(0, chars);
}

/** A v4-shaped UUID drawn from the seeded source (crypto.randomUUID would break replay). */
export function uuid(rng: Rng): string {
  const b = randomBytes(rng, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A seed for runs that did not ask for one; printed so the run can be replayed. */
export function freshSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
