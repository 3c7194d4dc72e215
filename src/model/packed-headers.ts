/**
 * Many messages' headers, packed by columns: each message's header names
 * are one of a few "shapes" (most traffic sends the same names every time),
 * and its values go into one flat JSON array. How a worker (the socket
 * worker, an import's parse worker) sends a batch's headers to the page,
 * which keeps them packed until one is read (HeaderBlock).
 *
 * Why not one JSON text of the objects: kept for a million imported
 * messages, that text (names repeated in every message) took ~100 MB more
 * than the parsed objects it replaced (bench archive phase, 2026-12-04);
 * the values alone take less than the objects.
 */
export interface PackedHeaders {
  /** Header names, per shape, in the objects' order. */
  shapes: string[][];
  /** Per message, the index of its shape. */
  shapeOf: Uint32Array<ArrayBuffer>;
  /**
   * Every message's values, message after message, as one JSON array: a
   * string, or the index in this array of the same string's first
   * occurrence. Kept on the page for every retained message, so repeats
   * (destinations, content types, app ids, a second's timestamps) are
   * written once per batch: the synthetic 1M capacity load kept ~100 MB of
   * values without this (bench, 2026-12-04, night).
   */
  valuesJson: string;
}

/** Shorter values are written again: a reference would save little or nothing. */
const MIN_SHARED_LENGTH = 4;

/** Packs headers one message at a time; take() hands over what was added and starts afresh. */
export class HeaderPacker {
  private shapes: string[][] = [];
  private shapeIds = new Map<string, number>();
  private shapeOf: Uint32Array<ArrayBuffer>;
  /** Reused from batch to batch, written by index: a fresh array grown by push() was most of the packing's time (measured in Node). */
  private readonly values: (string | number)[] = [];
  /** Where each value of MIN_SHARED_LENGTH or more was first written in this batch (see PackedHeaders.valuesJson). */
  private seen = new Map<string, number>();
  private valueCount = 0;
  private count = 0;
  private lastShape = -1;
  /** The current message's names (reused). */
  private readonly names: string[] = [];

  constructor(capacity: number) {
    this.shapeOf = new Uint32Array(capacity);
  }

  add(headers: Readonly<Record<string, string>>): void {
    const names = this.names;
    const last = this.lastShape >= 0 ? this.shapes[this.lastShape] : undefined;
    let same = last !== undefined;
    let n = 0;
    for (const name in headers) {
      const value = headers[name] ?? '';
      const first = value.length >= MIN_SHARED_LENGTH ? this.seen.get(value) : undefined;
      if (first === undefined && value.length >= MIN_SHARED_LENGTH) this.seen.set(value, this.valueCount);
      this.values[this.valueCount++] = first ?? value;
      if (same && last?.[n] !== name) same = false;
      names[n++] = name;
    }
    if (!same || last?.length !== n) {
      names.length = n;
      // Names may hold any character, newlines included: their JSON is an exact key.
      const key = JSON.stringify(names);
      let id = this.shapeIds.get(key);
      if (id === undefined) {
        id = this.shapes.length;
        this.shapes.push(names.slice());
        this.shapeIds.set(key, id);
      }
      this.lastShape = id;
    }
    if (this.count === this.shapeOf.length) {
      const grown = new Uint32Array(this.count * 2);
      grown.set(this.shapeOf);
      this.shapeOf = grown;
    }
    this.shapeOf[this.count++] = this.lastShape;
  }

  take(): PackedHeaders {
    this.values.length = this.valueCount;
    const packed: PackedHeaders = { shapes: this.shapes, shapeOf: this.shapeOf.slice(0, this.count), valuesJson: JSON.stringify(this.values) };
    this.shapes = [];
    this.shapeIds = new Map();
    this.seen = new Map();
    this.valueCount = 0;
    this.count = 0;
    this.lastShape = -1;
    return packed;
  }
}

/** The objects packed, in order: the same own names in the same order, the same values, as JSON.parse of each would give. */
export function unpackHeaders(packed: PackedHeaders): Record<string, string>[] {
  return unpackValues(packed, parseValues(packed.valuesJson));
}

/** A batch's values, parsed: strings, and references to an earlier one (see PackedHeaders.valuesJson). */
export type PackedValues = readonly (string | number)[];

export function parseValues(valuesJson: string): PackedValues {
  return JSON.parse(valuesJson) as (string | number)[];
}

/** The value at `at`, a reference resolved. */
export function valueAt(values: PackedValues, at: number): string {
  const raw = values[at] ?? '';
  return typeof raw === 'number' ? String(values[raw] ?? '') : raw;
}

/** As unpackHeaders, from values already parsed. */
export function unpackValues(packed: Pick<PackedHeaders, 'shapes' | 'shapeOf'>, values: PackedValues): Record<string, string>[] {
  const out: Record<string, string>[] = new Array<Record<string, string>>(packed.shapeOf.length);
  let v = 0;
  for (let i = 0; i < packed.shapeOf.length; i++) {
    const names = packed.shapes[packed.shapeOf[i] ?? 0] ?? [];
    const headers: Record<string, string> = {};
    for (const name of names) {
      const value = valueAt(values, v++);
      // A header named __proto__ is an own property, as JSON.parse makes it, not the object's prototype.
      if (name === '__proto__') Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
      else headers[name] = value;
    }
    out[i] = headers;
  }
  return out;
}
