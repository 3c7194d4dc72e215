/**
 * The line diff of two bodies that are text but not both structured, with
 * the `diff` package (Myers). Bounded: each side is cut to its first
 * {@link TEXT_DIFF_CHARS} characters, and the diff gives up after
 * {@link TEXT_DIFF_TIMEOUT_MS} (two very different texts cost O(N·D)), in
 * which case only the first differing line is shown.
 */
import { diffLines, diffWordsWithSpace } from 'diff';
import { clip } from './preview.ts';
import type { DiffEntry } from './types.ts';
import { MAX_DIFF_ENTRIES } from './structural.ts';

export const TEXT_DIFF_CHARS = 64 * 1024;
export const TEXT_DIFF_TIMEOUT_MS = 300;
/** Unchanged lines kept around each change. */
export const CONTEXT_LINES = 2;
/** Changes up to this many characters a side also get a word-level highlight. */
export const WORD_DIFF_CHARS = 4000;

export interface NumberedLine {
  /** 1-based line number in its own text (the left one for unchanged lines). */
  line: number;
  /** An unchanged line's number in the right text. */
  rightLine?: number;
  text: string;
}

/** A run of text, `changed` when the word diff marks it. */
export interface WordPart {
  text: string;
  changed: boolean;
}

export type TextBlock =
  | { type: 'context'; lines: NumberedLine[] }
  /** Unchanged lines left out. */
  | { type: 'skip'; count: number }
  | { type: 'change'; entry: DiffEntry; removed: NumberedLine[]; added: NumberedLine[]; oldWords?: WordPart[]; newWords?: WordPart[] };

export interface TextDiff {
  blocks: TextBlock[];
  entries: DiffEntry[];
  notes: string[];
}

/** Diffs two texts line by line. Never throws. */
export function diffTexts(leftText: string, rightText: string): TextDiff {
  const notes: string[] = [];
  const left = cut(leftText, 'left', notes);
  const right = cut(rightText, 'right', notes);
  let changes: ReturnType<typeof diffLines> | undefined;
  try {
    changes = diffLines(left, right, { timeout: TEXT_DIFF_TIMEOUT_MS });
  } catch {
    changes = undefined;
  }
  if (changes === undefined) return firstDifference(left, right, notes);

  const blocks: TextBlock[] = [];
  const entries: DiffEntry[] = [];
  let oldLine = 1;
  let newLine = 1;
  let unlisted = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined) continue;
    const lines = splitLines(change.value);
    if (!change.added && !change.removed) {
      addContext(blocks, lines, oldLine, newLine, i === 0, i === changes.length - 1);
      oldLine += lines.length;
      newLine += lines.length;
      continue;
    }
    // A removal followed by an addition is one change.
    const next = changes[i + 1];
    const removed = change.removed ? lines : [];
    const added = change.added ? lines : next?.added && change.removed ? splitLines(next.value) : [];
    if (change.removed && next?.added) i++;
    const entry = changeEntry(removed, added, oldLine, newLine);
    if (entries.length < MAX_DIFF_ENTRIES) {
      entries.push(entry);
      blocks.push({
        type: 'change',
        entry,
        removed: removed.map((text, k) => ({ line: oldLine + k, text })),
        added: added.map((text, k) => ({ line: newLine + k, text })),
        ...wordParts(removed, added),
      });
    } else {
      unlisted++;
    }
    oldLine += removed.length;
    newLine += added.length;
  }
  if (unlisted > 0) notes.push(`Only the first ${MAX_DIFF_ENTRIES.toLocaleString('en-US')} changed runs are listed (${unlisted.toLocaleString('en-US')} more).`);
  return { blocks, entries, notes };
}

function cut(text: string, side: 'left' | 'right', notes: string[]): string {
  if (text.length <= TEXT_DIFF_CHARS) return text;
  notes.push(`Only the first ${TEXT_DIFF_CHARS / 1024} KiB of the ${side} body (of ${text.length.toLocaleString('en-US')} characters) are compared.`);
  return text.slice(0, TEXT_DIFF_CHARS);
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A change's entry: at its line in the left text, or in the right text for a pure addition. */
function changeEntry(removed: string[], added: string[], oldLine: number, newLine: number): DiffEntry {
  const oldText = clip(removed.join('\n'));
  const newText = clip(added.join('\n'));
  if (removed.length === 0) return { path: `line:${newLine}`, kind: 'added', new: newText };
  if (added.length === 0) return { path: `line:${oldLine}`, kind: 'removed', old: oldText };
  return { path: `line:${oldLine}`, kind: 'changed', old: oldText, new: newText };
}

function addContext(blocks: TextBlock[], lines: string[], oldLine: number, newLine: number, isFirst: boolean, isLast: boolean): void {
  const numbered = (from: number, to: number): NumberedLine[] => lines.slice(from, to).map((text, k) => ({ line: oldLine + from + k, rightLine: newLine + from + k, text }));
  const head = isFirst ? 0 : CONTEXT_LINES;
  const tail = isLast ? 0 : CONTEXT_LINES;
  if (lines.length <= head + tail + 1) {
    blocks.push({ type: 'context', lines: numbered(0, lines.length) });
    return;
  }
  if (head > 0) blocks.push({ type: 'context', lines: numbered(0, head) });
  blocks.push({ type: 'skip', count: lines.length - head - tail });
  if (tail > 0) blocks.push({ type: 'context', lines: numbered(lines.length - tail, lines.length) });
}

function wordParts(removed: string[], added: string[]): { oldWords?: WordPart[]; newWords?: WordPart[] } {
  const oldText = removed.join('\n');
  const newText = added.join('\n');
  if (removed.length === 0 || added.length === 0 || oldText.length > WORD_DIFF_CHARS || newText.length > WORD_DIFF_CHARS) return {};
  const parts = diffWordsWithSpace(oldText, newText, { timeout: 50 });
  if (parts === undefined) return {};
  return {
    oldWords: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: p.removed })),
    newWords: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: p.added })),
  };
}

/** The diff gave up: the first line that differs, found in one pass. */
function firstDifference(left: string, right: string, notes: string[]): TextDiff {
  notes.push(`The texts differ too much for a line diff within ${TEXT_DIFF_TIMEOUT_MS} ms: only the first differing line is shown.`);
  const a = splitLines(left);
  const b = splitLines(right);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const removed = i < a.length ? [a[i] ?? ''] : [];
  const added = i < b.length ? [b[i] ?? ''] : [];
  const entry = changeEntry(removed, added, i + 1, i + 1);
  return { blocks: [{ type: 'change', entry, removed: removed.map((text) => ({ line: i + 1, text })), added: added.map((text) => ({ line: i + 1, text })) }], entries: [entry], notes };
}
