import { describe, expect, it } from 'vitest';
import { asciiString, HeaderTokenCache } from './header-token-cache.ts';

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A deterministic generator of ASCII tokens, some repeated, some alike but for one byte, some long. */
function tokens(count: number): string[] {
  const out: string[] = [];
  let h = 1;
  for (let i = 0; i < count; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    const length = h % 7 === 0 ? 90 + (h % 20) : 1 + (h % 40);
    let token = '';
    for (let j = 0; j < length; j++) token += String.fromCharCode(32 + ((h >>> (j % 24)) + j * 7) % 95);
    out.push(token, token.slice(0, -1) + '!', 'content-type', 'application/json', '');
  }
  return out;
}

describe('HeaderTokenCache', () => {
  it('gives every token its own text, through collisions, evictions and tokens too long to keep', () => {
    const cache = new HeaderTokenCache();
    // Far more distinct tokens than slots: every slot is taken over several times.
    for (const token of tokens(6000)) {
      const bytes = bytesOf(`x:${token}\n`);
      expect(cache.ascii(bytes, 2, 2 + token.length)).toBe(token);
    }
  });

  it('hands back the same string for a token seen before, so its hash is known wherever it is looked up', () => {
    const cache = new HeaderTokenCache();
    const frame = bytesOf('destination:/exchange/app.events/orders.eu.created');
    const first = cache.ascii(frame, 12, frame.length);
    const again = cache.ascii(bytesOf('destination:/exchange/app.events/orders.eu.created'), 12, frame.length);
    expect(again).toBe('/exchange/app.events/orders.eu.created');
    expect(Object.is(first, again)).toBe(true);
  });

  it('makes the same strings as String.fromCharCode', () => {
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => i);
    expect(asciiString(bytes, 0, 128)).toBe(String.fromCharCode(...bytes));
    expect(asciiString(bytes, 5, 5)).toBe('');
  });
});
