/**
 * Turns two decoded bodies into plain JSON-like trees jsondiffpatch can diff
 * within a bounded amount of work, walking both at once so that paired
 * subtrees get the same treatment.
 *
 * Decoders give more than JSON (bytes, Maps, Dates, bigints from msgpack,
 * CBOR, protobuf): those become comparable leaves. And bodies are hostile:
 * jsondiffpatch recurses once per level and diffs arrays with an LCS matrix
 * of len1 × len2 cells, so a deep document would overflow the stack and two
 * long arrays would freeze the tab. Past the limits below, subtrees become
 * one opaque leaf and long arrays become index-keyed objects (compared
 * position by position, no move detection); each limit hit adds a note.
 */

/** Limits of one structural diff. */
export interface DiffLimits {
  /** Levels compared one by one; deeper subtrees are compared whole. */
  maxDepth: number;
  /** Values (per body) compared one by one; past this, subtrees are compared whole. */
  maxNodes: number;
  /** LCS cells (len1 × len2 summed over array pairs) jsondiffpatch may use; past this, arrays are compared by position. */
  maxArrayCells: number;
}

export const DEFAULT_DIFF_LIMITS: DiffLimits = { maxDepth: 64, maxNodes: 100_000, maxArrayCells: 2_000_000 };

/** Marks an array turned into an index-keyed object: its keys are positions. */
export const INDEXED = Symbol('indexed array');

export type IndexedArray = Record<string, unknown> & { [INDEXED]: true };

export function isIndexedArray(value: unknown): value is IndexedArray {
  return typeof value === 'object' && value !== null && (value as Partial<IndexedArray>)[INDEXED] === true;
}

export interface NormalizedPair {
  left: unknown;
  right: unknown;
  /** Which limits were hit, in words for the user. */
  notes: string[];
}

const ABSENT = Symbol('absent');

class Normalizer {
  private leftNodes = 0;
  private rightNodes = 0;
  private cells = 0;
  private opaque = 0;
  readonly hit = { depth: false, nodes: false, arrays: false, opaque: false };

  constructor(private readonly limits: DiffLimits) {}

  pair(left: unknown, right: unknown, depth: number): [unknown, unknown] {
    const a = leafOf(left);
    const b = leafOf(right);
    if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return [this.one(a, depth, 'left'), this.one(b, depth, 'right')];
    if (depth >= this.limits.maxDepth) this.hit.depth = true;
    if (this.leftNodes >= this.limits.maxNodes || this.rightNodes >= this.limits.maxNodes) this.hit.nodes = true;
    if (depth >= this.limits.maxDepth || this.leftNodes >= this.limits.maxNodes || this.rightNodes >= this.limits.maxNodes) {
      return [this.whole(a), this.whole(b)];
    }
    if (Array.isArray(a) && Array.isArray(b)) return this.arrays(a, b, depth);
    const entriesA = entriesOf(a);
    const entriesB = entriesOf(b);
    this.leftNodes += entriesA.size;
    this.rightNodes += entriesB.size;
    const outA: Record<string, unknown> = {};
    const outB: Record<string, unknown> = {};
    for (const [key, value] of entriesA) {
      const other = entriesB.has(key) ? entriesB.get(key) : ABSENT;
      const [na, nb] = other === ABSENT ? [this.one(value, depth + 1, 'left'), ABSENT] : this.pair(value, other, depth + 1);
      outA[key] = na;
      if (nb !== ABSENT) outB[key] = nb;
    }
    for (const [key, value] of entriesB) if (!entriesA.has(key)) outB[key] = this.one(value, depth + 1, 'right');
    return [outA, outB];
  }

  private arrays(a: unknown[], b: unknown[], depth: number): [unknown, unknown] {
    this.leftNodes += a.length;
    this.rightNodes += b.length;
    const cells = a.length * b.length;
    const byPosition = this.cells + cells > this.limits.maxArrayCells;
    if (byPosition) this.hit.arrays = true;
    else this.cells += cells;
    const outA: unknown[] = [];
    const outB: unknown[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i < a.length && i < b.length) {
        const [na, nb] = this.pair(a[i], b[i], depth + 1);
        outA.push(na);
        outB.push(nb);
      } else if (i < a.length) {
        outA.push(this.one(a[i], depth + 1, 'left'));
      } else {
        outB.push(this.one(b[i], depth + 1, 'right'));
      }
    }
    return byPosition ? [indexed(outA), indexed(outB)] : [outA, outB];
  }

  /** One side with nothing to pair against (added, removed, or of another type): copied within the same limits. */
  private one(value: unknown, depth: number, side: 'left' | 'right'): unknown {
    const v = leafOf(value);
    if (!isContainer(v)) return v;
    const nodes = side === 'left' ? this.leftNodes : this.rightNodes;
    if (depth >= this.limits.maxDepth || nodes >= this.limits.maxNodes) {
      if (depth >= this.limits.maxDepth) this.hit.depth = true;
      else this.hit.nodes = true;
      return this.whole(v);
    }
    if (Array.isArray(v)) {
      if (side === 'left') this.leftNodes += v.length;
      else this.rightNodes += v.length;
      return v.map((item) => this.one(item, depth + 1, side));
    }
    const entries = entriesOf(v);
    if (side === 'left') this.leftNodes += entries.size;
    else this.rightNodes += entries.size;
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) out[key] = this.one(item, depth + 1, side);
    return out;
  }

  /** A subtree past the limits, as one string leaf: equal subtrees give equal leaves. */
  private whole(value: object): string {
    try {
      return `(compared whole) ${JSON.stringify(value, (_key, v: unknown) => jsonSafe(v))}`;
    } catch {
      // Too deep even for JSON.stringify: such subtrees never compare equal, and the note says so.
      this.hit.opaque = true;
      this.opaque++;
      return `(too deeply nested to compare #${this.opaque})`;
    }
  }
}

/** Normalizes `left` and `right` together; see the module comment. Never throws. */
export function normalizePair(left: unknown, right: unknown, limits: DiffLimits = DEFAULT_DIFF_LIMITS): NormalizedPair {
  const normalizer = new Normalizer(limits);
  const [a, b] = normalizer.pair(left, right, 0);
  const notes: string[] = [];
  const { hit } = normalizer;
  if (hit.depth) notes.push(`Nested deeper than ${limits.maxDepth} levels: those subtrees are compared as a whole.`);
  if (hit.nodes) notes.push(`More than ${limits.maxNodes.toLocaleString('en-US')} values in a body: the rest is compared subtree by subtree as a whole.`);
  if (hit.arrays) notes.push('Long arrays are compared position by position (no move detection).');
  if (hit.opaque) notes.push('Some subtrees are too deeply nested to compare: they are listed as changed.');
  return { left: a, right: b, notes };
}

function indexed(items: unknown[]): IndexedArray {
  const out: Record<string, unknown> = {};
  items.forEach((item, i) => (out[String(i)] = item));
  Object.defineProperty(out, INDEXED, { value: true, enumerable: false });
  return out as IndexedArray;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Values that are not plain containers, as comparable leaves. */
function leafOf(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return `(${typeof value})`;
  if (typeof value !== 'object' || value === null) return value;
  if (ArrayBuffer.isView(value)) return bytesLeaf(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (value instanceof ArrayBuffer) return bytesLeaf(new Uint8Array(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '(invalid date)' : value.toISOString();
  if (value instanceof Set) return [...value];
  return value;
}

function entriesOf(value: object): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (value instanceof Map) {
    for (const [key, item] of value) entries.set(typeof key === 'string' ? key : String(jsonSafe(key)), item);
    return entries;
  }
  for (const key of Object.keys(value)) entries.set(key, (value as Record<string, unknown>)[key]);
  return entries;
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(jsonSafe(k)), v]));
  if (value instanceof Set) return [...value];
  return leafOf(value);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Bytes as a leaf: their length, a hex prefix and an FNV-1a digest of all of them, so unequal bytes give unequal leaves. */
function bytesLeaf(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  let hex = '';
  for (let i = 0; i < Math.min(bytes.length, 32); i++) hex += HEX[bytes[i] ?? 0] ?? '';
  return `(${bytes.length} bytes) ${hex}${bytes.length > 32 ? '…' : ''} fnv1a:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
