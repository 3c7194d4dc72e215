import { describe, expect, it } from 'vitest';
import { diffTexts, TEXT_DIFF_CHARS } from './text.ts';

describe('diffTexts', () => {
  it('lists changed, removed and added lines with their line numbers', () => {
    const left = 'alpha\nbeta\ngamma\ndelta\n';
    const right = 'alpha\nBETA\ngamma\nepsilon\n';
    expect(diffTexts(left, right).entries).toEqual([
      { path: 'line:2', kind: 'changed', old: 'beta', new: 'BETA' },
      { path: 'line:4', kind: 'changed', old: 'delta', new: 'epsilon' },
    ]);
    expect(diffTexts('a\nb\nc', 'a\nc').entries).toEqual([{ path: 'line:2', kind: 'removed', old: 'b' }]);
    expect(diffTexts('a\nc', 'a\nb\nc').entries).toEqual([{ path: 'line:2', kind: 'added', new: 'b' }]);
  });

  it('highlights the changed words of a changed line', () => {
    const [block] = diffTexts('the quick brown fox', 'the slow brown fox').blocks;
    expect(block?.type).toBe('change');
    if (block?.type !== 'change') return;
    expect(block.oldWords?.filter((w) => w.changed).map((w) => w.text)).toEqual(['quick']);
    expect(block.newWords?.filter((w) => w.changed).map((w) => w.text)).toEqual(['slow']);
  });

  it('keeps two lines of context and skips the rest of long unchanged runs', () => {
    const same = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const left = [...same, 'old', ...same].join('\n');
    const right = [...same, 'new', ...same].join('\n');
    const { blocks } = diffTexts(left, right);
    expect(blocks.map((b) => b.type)).toEqual(['skip', 'context', 'change', 'context', 'skip']);
    expect(blocks[0]).toEqual({ type: 'skip', count: 18 });
    expect(blocks[1]).toEqual({ type: 'context', lines: [{ line: 19, rightLine: 19, text: 'line 19' }, { line: 20, rightLine: 20, text: 'line 20' }] });
  });

  it('numbers unchanged lines in both texts', () => {
    const { blocks } = diffTexts('a\nb\nc\n', 'x\ny\na\nb\nc\n');
    expect(blocks[1]).toEqual({ type: 'context', lines: [{ line: 1, rightLine: 3, text: 'a' }, { line: 2, rightLine: 4, text: 'b' }, { line: 3, rightLine: 5, text: 'c' }] });
  });

  it('finds nothing in equal texts', () => {
    expect(diffTexts('same\ntext', 'same\ntext').entries).toEqual([]);
  });

  it('compares only the first 64 KiB of a long text and says so', () => {
    const left = 'x\n'.repeat(TEXT_DIFF_CHARS);
    const result = diffTexts(left, `${left}tail`);
    expect(result.entries).toEqual([]);
    expect(result.notes.join(' ')).toMatch(/first 64 KiB of the left body/);
  });

  it('gives up on very different long texts within its time bound, showing the first differing line', () => {
    const rand = (seed: number) => Array.from({ length: 6000 }, (_, i) => `${(i * seed) % 9973} ${seed}`).join('\n');
    const started = performance.now();
    const result = diffTexts(rand(7), rand(13));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.entries.length).toBeGreaterThan(0);
  });
});
