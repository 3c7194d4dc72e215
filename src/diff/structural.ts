/**
 * The structural diff of two decoded bodies: jsondiffpatch computes the
 * delta (matching array items by their `id` when they have one, so a moved
 * item is a move, not a change at every index), and the delta is walked
 * here into a flat list of entries. jsondiffpatch's HTML formatter is never
 * used: it builds HTML strings out of production data.
 */
import { create, type ArrayDelta, type Delta, type ObjectDelta } from 'jsondiffpatch';
import { indexPath, keyPath, ROOT_PATH } from './paths.ts';
import { DEFAULT_DIFF_LIMITS, isIndexedArray, normalizePair, type DiffLimits } from './normalize.ts';
import { previewValue } from './preview.ts';
import type { DiffEntry } from './types.ts';

/** Entries listed at most; the rest are counted. */
export const MAX_DIFF_ENTRIES = 2000;

export interface StructuralDiff {
  entries: DiffEntry[];
  /** Differences found beyond {@link MAX_DIFF_ENTRIES}, not listed. */
  unlisted: number;
  /** Limits that were hit, for the user. */
  notes: string[];
}

/** An item's identity for array matching: its `id` (or `_id`) when it is a string or a number, else its position. */
function objectHash(item: object, index?: number): string {
  const record = item as Record<string, unknown>;
  const id = record.id ?? record._id;
  if (typeof id === 'string' || typeof id === 'number') return `id:${typeof id}:${id}`;
  return `$$index:${index ?? -1}`;
}

const differ = create({ objectHash, arrays: { detectMove: true, includeValueOnMove: false } });

/** Every difference between `left` and `right`, in document order. Never throws. */
export function diffStructured(left: unknown, right: unknown, limits: DiffLimits = DEFAULT_DIFF_LIMITS): StructuralDiff {
  const pair = normalizePair(left, right, limits);
  let delta: Delta;
  try {
    delta = differ.diff(pair.left, pair.right);
  } catch (error) {
    // Normalizing bounds depth and array sizes, so this is not expected; still, a bad body must not crash the view.
    const reason = error instanceof Error ? error.message : String(error);
    return { entries: [{ path: ROOT_PATH, kind: 'changed', old: previewValue(left), new: previewValue(right) }], unlisted: 0, notes: [...pair.notes, `The structural diff failed (${reason}): the bodies are shown as changed as a whole.`] };
  }
  const walk = new DeltaWalk();
  walk.visit(delta, ROOT_PATH, pair.left, pair.right);
  const notes = [...pair.notes];
  if (walk.unlisted > 0) notes.push(`Only the first ${MAX_DIFF_ENTRIES.toLocaleString('en-US')} differences are listed.`);
  return { entries: walk.entries, unlisted: walk.unlisted, notes };
}

class DeltaWalk {
  readonly entries: DiffEntry[] = [];
  unlisted = 0;

  private add(entry: DiffEntry): void {
    if (this.entries.length < MAX_DIFF_ENTRIES) this.entries.push(entry);
    else this.unlisted++;
  }

  visit(delta: Delta, path: string, left: unknown, right: unknown): void {
    if (delta === undefined) return;
    if (Array.isArray(delta)) return this.leaf(delta, path);
    if (isArrayDelta(delta)) return this.array(delta, path, left, right);
    this.object(delta, path, left, right);
  }

  private leaf(delta: unknown[], path: string): void {
    if (delta.length === 1) return this.add({ path, kind: 'added', new: previewValue(delta[0]) });
    if (delta.length === 2) return this.add({ path, kind: 'changed', old: previewValue(delta[0]), new: previewValue(delta[1]) });
    // [old, 0, 0] is a removal; moves ([_, to, 3]) are handled by the array walk; text diffs ([_, 0, 2]) are not enabled.
    if (delta[2] === 0) return this.add({ path, kind: 'removed', old: previewValue(delta[0]) });
  }

  private object(delta: ObjectDelta, path: string, left: unknown, right: unknown): void {
    // An over-long array compared by position is an object keyed by index: print its keys as positions.
    const positions = isIndexedArray(left) || isIndexedArray(right);
    for (const key of Object.keys(delta)) {
      const childPath = positions ? indexPath(path, Number(key)) : keyPath(path, key);
      this.visit(delta[key], childPath, childOf(left, key), childOf(right, key));
    }
  }

  private array(delta: ArrayDelta, path: string, left: unknown, right: unknown): void {
    const record = delta as unknown as Record<string, unknown>;
    // An item removed at index i and another added at the same index i read better as one change at [i].
    const removedAt = new Map<number, unknown[]>();
    const changes: { index: number; run: () => void }[] = [];
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (!key.startsWith('_') || !Array.isArray(item)) continue;
      // `_i`: the item at old index i was removed ([old, 0, 0]) or moved ([_, newIndex, 3]).
      const from = Number(key.slice(1));
      if (item[2] === 3) changes.push({ index: from, run: () => this.add({ path: indexPath(path, from), kind: 'moved', old: `[${from}]`, new: `[${String(item[1])}]` }) });
      else removedAt.set(from, item);
    }
    for (const key of Object.keys(record)) {
      if (key === '_t' || key.startsWith('_')) continue;
      // `i`: added at, or changed in place at, new index i.
      const at = Number(key);
      const item = record[key];
      const removed = removedAt.get(at);
      if (removed !== undefined && Array.isArray(item) && item.length === 1) {
        removedAt.delete(at);
        changes.push({ index: at, run: () => this.add({ path: indexPath(path, at), kind: 'changed', old: previewValue(removed[0]), new: previewValue(item[0]) }) });
        continue;
      }
      const leftItem = Array.isArray(left) && Array.isArray(right) ? left[leftIndexOf(delta, at)] : undefined;
      changes.push({ index: at, run: () => this.visit(item as Delta, indexPath(path, at), leftItem, childOf(right, key)) });
    }
    for (const [from, item] of removedAt) changes.push({ index: from, run: () => this.leaf(item, indexPath(path, from)) });
    changes.sort((a, b) => a.index - b.index);
    for (const change of changes) change.run();
  }
}

function isArrayDelta(delta: object): delta is ArrayDelta {
  return (delta as { _t?: unknown })._t === 'a';
}

function childOf(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  return (container as Record<string, unknown>)[key];
}

/**
 * The left index of the item now at `newIndex`. Only used to know whether a
 * nested container is an indexed array, so an approximation is enough: an
 * item changed in place without moving keeps its index when nothing before
 * it was added or removed.
 */
function leftIndexOf(delta: ArrayDelta, newIndex: number): number {
  const record = delta as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (key.startsWith('_') && Array.isArray(item) && item[2] === 3 && item[1] === newIndex) return Number(key.slice(1));
  }
  return newIndex;
}
