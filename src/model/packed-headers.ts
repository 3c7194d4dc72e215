/**
 * Many messages' headers, packed by columns: each message's header names
 * are one of a few "shapes" (most traffic sends the same names every time),
 * and its values are spans of one text, each distinct value written once
 * per batch. How a worker (the socket worker, an import's parse worker)
 * sends a batch's headers to the page, which keeps them packed until one is
 * read (HeaderBlock).
 *
 * Why not one JSON text of the objects: kept for a million imported
 * messages, that text (names repeated in every message) took ~100 MB more
 * than the parsed objects it replaced (bench archive phase, 2026-12-04).
 * Why distinct values once: the synthetic 1M capacity load kept ~100 MB of
 * repeated values (destinations, content types, a second's timestamps)
 * otherwise. Why spans and not a JSON array of the values: V8's JSON.parse
 * internalizes every string of up to 10 characters, so a million sequence
 * numbers went into the string table for good, and every JSON.parse after
 * that (a `$.field` filter over a million bodies) ran 4× slower (bench,
 * 2026-12-04, night). A span is read with `slice`, which internalizes
 * nothing.
 */
export interface PackedHeaders {
  /** Header names, per shape, in the objects' order. */
  shapes: string[][];
  /** Per message, the index of its shape. */
  shapeOf: PackedIds;
  /** Every message's values, message after message, each as the index of its distinct value. */
  valueIds: PackedIds;
  /** Where each distinct value ends in `text`; it starts where the one before it ends. */
  ends: PackedIds;
  /** The distinct values, one after another. */
  text: string;
  /**
   * Per shape, a bit for each position (below 31) whose value was stored
   * without its trailing number: the message's `numbers` entry follows it.
   * See NUMBERED_NAMES.
   */
  numbered: number[];
  /** Per message, the number cut from its numbered values (0 when it has none). */
  numbers: PackedIds;
}

/**
 * Headers whose value is a per-connection prefix and a counter: web_stomp's
 * `message-id` and `ack` (`T_sub-0@@session-…@@1234`, the same text in
 * both). Every message has its own, so each batch stored ~45 characters a
 * message that no other shares: for a million messages retained, ~45 MB.
 * The prefix is stored once per batch as any repeated value is, and the
 * counter in a typed array.
 */
const NUMBERED_NAMES: ReadonlySet<string> = new Set(['message-id', 'ack']);
const NUMBER_MARK = '@@';
/** Counters up to this many digits (a Uint32Array holds them); a longer one is stored whole. */
const MAX_NUMBER_DIGITS = 9;

/** Where `value`'s trailing counter starts (after the last `@@`), or -1 when it has none to cut. */
function counterStart(value: string): number {
  const start = value.lastIndexOf(NUMBER_MARK) + NUMBER_MARK.length;
  const digits = value.length - start;
  if (start < NUMBER_MARK.length || digits < 1 || digits > MAX_NUMBER_DIGITS) return -1;
  // No leading zero (it would not come back from the number), and digits only.
  if (digits > 1 && value.charCodeAt(start) === 48) return -1;
  for (let i = start; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return start;
}

/**
 * Unsigned integers in the narrowest array that holds the batch's largest:
 * a batch rarely has 256 shapes, 65,536 distinct values or a text that
 * long, and the page keeps every live and imported batch's arrays packed.
 * For a million messages retained that was 513 → 479 MB (bench capacity
 * phase, domain mix) and 698 → 665 MB (conversations phase, Celery mix).
 */
export type PackedIds = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;

/** The first `count` of `ids`, in the narrowest array that holds `max`. */
function narrowed(ids: Uint32Array<ArrayBuffer>, count: number, max: number): PackedIds {
  const out = max < 0x100 ? new Uint8Array(count) : max < 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
  out.set(ids.subarray(0, count));
  return out;
}

/** A Uint32Array with room for `need` elements, grown by doubling, its contents kept. */
function roomFor(array: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= array.length) return array;
  const grown = new Uint32Array(Math.max(need, array.length * 2));
  grown.set(array);
  return grown;
}

/** Packs headers one message at a time; take() hands over what was added and starts afresh. */
export class HeaderPacker {
  private shapes: string[][] = [];
  private numbered: number[] = [];
  private shapeIds = new Map<string, number>();
  private shapeOf: Uint32Array<ArrayBuffer>;
  private numbers: Uint32Array<ArrayBuffer>;
  private largestNumber = 0;
  private valueIds: Uint32Array<ArrayBuffer>;
  private ends: Uint32Array<ArrayBuffer>;
  private valueCount = 0;
  /** Each distinct value of this batch, by the index it was given. */
  private distinct = new Map<string, number>();
  /** The distinct values in order, written by index (reused from batch to batch). */
  private readonly parts: string[] = [];
  private textLength = 0;
  private count = 0;
  private lastShape = -1;
  /** The current message's names (reused). */
  private readonly names: string[] = [];

  constructor(capacity: number) {
    this.shapeOf = new Uint32Array(capacity);
    this.numbers = new Uint32Array(capacity);
    this.valueIds = new Uint32Array(capacity * 16);
    this.ends = new Uint32Array(capacity * 4);
  }

  add(headers: Readonly<Record<string, string>>): void {
    const names = this.names;
    const last = this.lastShape >= 0 ? this.shapes[this.lastShape] : undefined;
    let same = last !== undefined;
    let n = 0;
    let numbered = 0;
    let number = -1;
    for (const name in headers) {
      const value = headers[name] ?? '';
      const cut = n < 31 && NUMBERED_NAMES.has(name) ? counterStart(value) : -1;
      const counter = cut < 0 ? -1 : Number(value.slice(cut));
      // One counter a message: a second numbered header with another is stored whole.
      if (cut >= 0 && (number < 0 || counter === number)) {
        number = counter;
        numbered |= 1 << n;
        this.addValue(value.slice(0, cut));
      } else this.addValue(value);
      if (same && last?.[n] !== name) same = false;
      names[n++] = name;
    }
    if (!same || last?.length !== n || this.numbered[this.lastShape] !== numbered) {
      names.length = n;
      // Names may hold any character, newlines included: their JSON is an exact key.
      const key = `${numbered} ${JSON.stringify(names)}`;
      let id = this.shapeIds.get(key);
      if (id === undefined) {
        id = this.shapes.length;
        this.shapes.push(names.slice());
        this.numbered.push(numbered);
        this.shapeIds.set(key, id);
      }
      this.lastShape = id;
    }
    this.shapeOf = roomFor(this.shapeOf, this.count + 1);
    this.numbers = roomFor(this.numbers, this.count + 1);
    this.numbers[this.count] = Math.max(0, number);
    this.largestNumber = Math.max(this.largestNumber, number);
    this.shapeOf[this.count++] = this.lastShape;
  }

  private addValue(value: string): void {
    let id = this.distinct.get(value);
    if (id === undefined) {
      id = this.distinct.size;
      this.distinct.set(value, id);
      this.parts[id] = value;
      this.textLength += value.length;
      this.ends = roomFor(this.ends, id + 1);
      this.ends[id] = this.textLength;
    }
    this.valueIds = roomFor(this.valueIds, this.valueCount + 1);
    this.valueIds[this.valueCount++] = id;
  }

  take(): PackedHeaders {
    const distinct = this.distinct.size;
    this.parts.length = distinct;
    const packed: PackedHeaders = {
      shapes: this.shapes,
      shapeOf: narrowed(this.shapeOf, this.count, this.shapes.length - 1),
      valueIds: narrowed(this.valueIds, this.valueCount, distinct - 1),
      ends: narrowed(this.ends, distinct, this.textLength),
      text: this.parts.join(''),
      numbered: this.numbered,
      numbers: narrowed(this.numbers, this.count, this.largestNumber),
    };
    this.shapes = [];
    this.numbered = [];
    this.largestNumber = 0;
    this.shapeIds = new Map();
    this.distinct = new Map();
    this.textLength = 0;
    this.valueCount = 0;
    this.count = 0;
    this.lastShape = -1;
    return packed;
  }
}

/**
 * The value of message `index` at `position` of its shape, which is `at` in
 * the batch's value order (a slice of the text: nothing is internalized;
 * a numbered value with its counter put back).
 */
export function valueAt(packed: PackedHeaders, at: number, index: number, position: number): string {
  const id = packed.valueIds[at] ?? 0;
  const text = packed.text.slice(id === 0 ? 0 : (packed.ends[id - 1] ?? 0), packed.ends[id] ?? 0);
  const numbered = packed.numbered[packed.shapeOf[index] ?? 0] ?? 0;
  return (numbered >>> position) & 1 ? text + String(packed.numbers[index] ?? 0) : text;
}

/**
 * The headers of message `index`, whose values start at `start` in the
 * batch's value order: the same own names in the same order, the same
 * values, as JSON.parse of its object would give.
 */
export function headersAt(packed: PackedHeaders, start: number, index: number): Record<string, string> {
  const names = packed.shapes[packed.shapeOf[index] ?? 0] ?? [];
  const headers: Record<string, string> = {};
  for (let position = 0; position < names.length; position++) {
    const name = names[position] ?? '';
    const value = valueAt(packed, start + position, index, position);
    // A header named __proto__ is an own property, as JSON.parse makes it, not the object's prototype.
    if (name === '__proto__') Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
    else headers[name] = value;
  }
  return headers;
}

/** The objects packed, in order (headersAt of each). */
export function unpackHeaders(packed: PackedHeaders): Record<string, string>[] {
  const out: Record<string, string>[] = new Array<Record<string, string>>(packed.shapeOf.length);
  let start = 0;
  for (let i = 0; i < packed.shapeOf.length; i++) {
    out[i] = headersAt(packed, start, i);
    start += packed.shapes[packed.shapeOf[i] ?? 0]?.length ?? 0;
  }
  return out;
}
