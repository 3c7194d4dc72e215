import { describe, expect, it } from 'vitest';
import { LineBlockSplitter } from './line-blocks.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Pushes `text` in chunks of the given sizes (cycled), each a buffer of its
 * own as a stream's are, or (`views`) a view of a part of a bigger buffer
 * the caller then overwrites. Returns the blocks' texts, with each dropped
 * line as `<too long: reason>` in its place.
 */
function split(text: string, chunkSizes: number[], options: { blockBytes?: number; maxLineBytes?: number; views?: boolean }) {
  const out: string[] = [];
  const sizes: number[] = [];
  const buffers = new Set<ArrayBufferLike>();
  const blockBuffers = new Set<ArrayBufferLike>();
  const splitter = new LineBlockSplitter(
    (pieces, length) => {
      // No two blocks share a buffer: each is transferred with its block.
      for (const piece of pieces) {
        expect(buffers.has(piece.buffer) && !blockBuffers.has(piece.buffer)).toBe(false);
      }
      blockBuffers.clear();
      for (const piece of pieces) {
        blockBuffers.add(piece.buffer);
        buffers.add(piece.buffer);
      }
      out.push(pieces.map((piece) => decoder.decode(piece, { stream: true })).join('') + decoder.decode());
      sizes.push(length);
      expect(pieces.reduce((sum, piece) => sum + piece.length, 0)).toBe(length);
    },
    (reason) => out.push(`<too long: ${reason}>`),
    options,
  );
  const bytes = encoder.encode(text);
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = chunkSizes[i % chunkSizes.length] ?? 1;
    if (options.views) {
      const scratch = new Uint8Array(size + 8);
      scratch.set(bytes.subarray(at, at + size), 4);
      splitter.push(scratch.subarray(4, 4 + Math.min(size, bytes.length - at)));
      scratch.fill(0x21);
    } else {
      splitter.push(bytes.slice(at, at + size));
    }
    at += size;
  }
  splitter.end();
  return { out, sizes };
}

describe('LineBlockSplitter', () => {
  const lines = Array.from({ length: 200 }, (_, i) => (i % 13 === 0 ? '' : i % 7 === 0 ? `crlf ${i}\r` : `línea ${i} ${'ü'.repeat(i % 40)}`));
  const text = lines.join('\n');

  it('cuts any chunking into blocks of whole lines, of at least blockBytes, that add up to the file', () => {
    // One byte at a time, odd sizes (own buffers, and views of a buffer reused), bigger than a block, the whole file at once.
    for (const [chunkSizes, views] of [[[1]], [[3, 17, 64]], [[3, 17, 64], true], [[1000]], [[text.length * 2]]] as const) {
      const { out, sizes } = split(text, [...chunkSizes], { blockBytes: 256, views });
      expect(out.join('')).toBe(text);
      expect(out.length).toBeGreaterThan(10);
      out.slice(0, -1).forEach((block) => expect(block.endsWith('\n')).toBe(true));
      // A block goes once it holds blockBytes of whole lines: at most one chunk more.
      sizes.slice(0, -1).forEach((size) => expect(size).toBeGreaterThanOrEqual(256));
      if (chunkSizes.length > 1) sizes.forEach((size) => expect(size).toBeLessThan(256 + 64 + 100));
    }
  });

  it('ends with the last line whether or not it has a newline, and gives no block for an empty file', () => {
    expect(split('a\nb\n', [1], {}).out).toEqual(['a\nb\n']);
    expect(split('a\nb', [1], {}).out).toEqual(['a\nb']);
    expect(split('', [1], {}).out).toEqual([]);
  });

  it('drops a line longer than the limit as it comes, in its place among the blocks, and goes on after it', () => {
    const long = `ok 1\n${'x'.repeat(300)}\nok 3\nok 4\n${'y'.repeat(300)}`;
    const tooLong = `<too long: longer than ${100 / (1024 * 1024)} MiB>`;
    // Chunks smaller than the limit, as a browser's are (64 KiB against 256 MiB): a line is judged while it is open.
    for (const chunkSizes of [[7], [50, 1], [99]]) {
      const { out } = split(long, chunkSizes, { blockBytes: 4, maxLineBytes: 100 });
      expect(out.join('|')).toBe(['ok 1\n', tooLong, 'ok 3\n', 'ok 4\n', tooLong].join('|'));
    }
  });
});
