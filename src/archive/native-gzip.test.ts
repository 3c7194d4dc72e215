import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nativeGzip, type ByteStore } from './native-gzip.ts';

/** A store that keeps what it is given, as the export worker's Blob store does. */
function keepingStore(failAfter = Infinity): ByteStore & { pieces: Uint8Array[] } {
  const pieces: Uint8Array[] = [];
  return {
    pieces,
    push(bytes) {
      if (pieces.length >= failAfter) return Promise.reject(new Error('the browser would not hold more of the file'));
      pieces.push(bytes.slice());
      return Promise.resolve();
    },
    finish: (type) => Promise.resolve(new Blob(pieces as BlobPart[], { type })),
    onDisk: false,
  };
}

/** Export-like lines whose ids compress poorly (so the output spans more than one of the store's pieces). */
function lines(from: number, count: number): Uint8Array<ArrayBuffer> {
  let text = '';
  let x = from + 1;
  const id = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x.toString(16);
  };
  for (let i = from; i < from + count; i++) text += JSON.stringify({ seq: i, key: `orders.eu.${i % 7}.created`, id: id() + id() + id() + id(), body: `é${'x'.repeat(i % 90)}` }) + '\n';
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

describe('nativeGzip', () => {
  it('gzips what is pushed, in order, into a file any gunzip reads back byte for byte', async () => {
    const store = keepingStore();
    const gzip = nativeGzip(store);
    const chunks = [lines(0, 20_000), lines(20_000, 1), new Uint8Array(0) as Uint8Array<ArrayBuffer>, lines(20_001, 30_000)];
    // Node's CompressionStream (a zlib stream behind an adapter) may still hold a chunk when
    // its write resolves, unlike the spec's and Chromium's: the reuse of the buffers after
    // a push is checked in Chromium (e2e/archive.spec.ts, a multi-megabyte export).
    for (const chunk of chunks) await gzip.push(chunk.slice());
    const file = await gzip.finish('application/gzip');
    expect(file.type).toBe('application/gzip');
    expect(store.pieces.length).toBeGreaterThan(1); // the output went to the store in pieces, not at the end only
    const expected = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      expected.set(c, at);
      at += c.length;
    }
    const read = gunzipSync(new Uint8Array(await file.arrayBuffer()));
    // The first differing byte, not a deep equality: that of megabytes element by element takes a minute.
    expect(read.length).toBe(expected.length);
    expect(read.findIndex((byte, i) => byte !== expected[i])).toBe(-1);
  });

  it('a store that refuses more ends the export with its reason instead of waiting forever', async () => {
    const gzip = nativeGzip(keepingStore(1));
    const outcome = (async () => {
      for (let i = 0; i < 200; i++) await gzip.push(lines(i * 5_000, 5_000));
      await gzip.finish('application/gzip');
    })();
    await expect(outcome).rejects.toThrow('would not hold more');
  });
});
