import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NdjsonWriter } from './ndjson-writer.ts';

/** Every chunk the writer hands out, copied (it reuses its buffer), and the whole file. */
function write(lines: string[], gzip: boolean): { chunks: number; text: string } {
  const chunks: Uint8Array[] = [];
  const writer = new NdjsonWriter((c) => chunks.push(c.slice()), { gzip });
  for (const line of lines) writer.writeLine(line);
  writer.finish();
  const file = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    file.set(c, at);
    at += c.length;
  }
  expect(writer.bytesWritten).toBe(file.length);
  return { chunks: chunks.length, text: new TextDecoder().decode(gzip ? gunzipSync(file) : file) };
}

describe('NdjsonWriter', () => {
  // About 3 MB: pieces of ~1 MB, lines never cut between two of them.
  const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ seq: i, key: `orders.${i}`, note: i % 5 === 0 ? '日本語 🦄' : 'x'.repeat(200) }));

  it('writes each line and its newline, in chunks of about a megabyte', () => {
    const { chunks, text } = write(lines, false);
    expect(text).toBe(lines.join('\n') + '\n');
    expect(chunks).toBeGreaterThanOrEqual(2);
    expect(chunks).toBeLessThanOrEqual(4);
  });

  it('takes a line longer than its buffer, multi-byte characters included, between ordinary ones', () => {
    const long = '🦄é'.repeat(700_000); // ~4 MB of UTF-8 in one line
    const { text } = write(['first', long, 'last', ''], false);
    expect(text).toBe(`first\n${long}\nlast\n\n`);
  });

  it('gzips on the way when asked: the same lines come back', () => {
    expect(write(lines, true).text).toBe(lines.join('\n') + '\n');
  });

  it('an empty file is empty', () => {
    expect(write([], false)).toEqual({ chunks: 0, text: '' });
  });
});
