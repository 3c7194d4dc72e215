import { describe, expect, it } from 'vitest';
import { StringInterner } from './interner.ts';

// JS cannot observe string identity (=== and Object.is compare strings by
// value), so these tests check the observable contract: equal values in, one
// stored entry, equal value out, bounded table. The memory effect itself was
// measured once by hand (see the model's report), not here.

/** A string equal to `text` but built at run time, as a STOMP header value is. */
function fresh(text: string): string {
  return text.split('').join('');
}

describe('StringInterner', () => {
  it('stores one entry per distinct value and returns an equal string', () => {
    const interner = new StringInterner();
    expect(interner.intern(fresh('orders.created'))).toBe('orders.created');
    expect(interner.intern(fresh('orders.created'))).toBe('orders.created');
    expect(interner.intern(fresh('orders.paid'))).toBe('orders.paid');
    expect(interner.size).toBe(2);
  });

  it('keeps a few entries for many messages with repeated keys', () => {
    const interner = new StringInterner();
    for (let i = 0; i < 10_000; i++) interner.intern(fresh(`orders.${i % 7}`));
    expect(interner.size).toBe(7);
  });

  it('interns the empty string like any other', () => {
    const interner = new StringInterner();
    expect(interner.intern('')).toBe('');
    expect(interner.size).toBe(1);
  });

  it('clears and starts a new generation when full', () => {
    const interner = new StringInterner({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) interner.intern(key);
    expect(interner.size).toBe(3);
    interner.intern('a');
    expect(interner.clears).toBe(0);
    expect(interner.intern('d')).toBe('d');
    expect(interner.size).toBe(1);
    expect(interner.clears).toBe(1);
  });

  it('does not store long strings', () => {
    const interner = new StringInterner({ maxLength: 8 });
    const long = 'x'.repeat(9);
    expect(interner.intern(long)).toBe(long);
    expect(interner.size).toBe(0);
  });
});
