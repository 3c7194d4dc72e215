/**
 * Comparison of a message's value (a header, a property, a JSON field, the
 * size) with the literal a filter term names: `=`, `!=`, `>`, `>=`, `<`,
 * `<=` and `~` (substring, without regard to case).
 *
 * `=` compares numbers when the value is a JSON number and the literal
 * reads as one (`$.total=5` matches 5 and 5.0); otherwise both sides as text
 * (`$.ok=true`, `$.id=007`). The orderings need a number on both sides: a
 * header or field holding numeric text ("12.50") counts as that number.
 * An array value matches when one of its elements does (`$.tags=x`).
 */

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~';

/** The operators as they are typed, longest first so `>=` is not read as `>`. */
export const COMPARE_OPS: readonly CompareOp[] = ['!=', '>=', '<=', '=', '>', '<', '~'];

/** A literal prepared once per filter, not per message. */
export interface Literal {
  text: string;
  lower: string;
  /** The literal as a number, or null when it does not read as one. */
  number: number | null;
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `text` as a number when all of it spells one ("12", "-1.5e3"), else null. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMERIC.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

export function literalOf(text: string): Literal {
  return { text, lower: text.toLowerCase(), number: readNumber(text) };
}

/** Is `op` an ordering (needs numbers on both sides)? */
export const isOrdering = (op: CompareOp): boolean => op === '>' || op === '>=' || op === '<' || op === '<=';

/** Reads the operator at the start of `text`, or null. */
export function readOp(text: string): CompareOp | null {
  for (const op of COMPARE_OPS) if (text.startsWith(op)) return op;
  return null;
}

/** A scalar as the text `=` and `~` compare: numbers, booleans and null spelled as JSON spells them. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length <= 64) return readNumber(value);
  return null;
}

function equals(value: unknown, literal: Literal): boolean {
  if (typeof value === 'number' && literal.number !== null) return value === literal.number;
  return scalarText(value) === literal.text;
}

function compareScalar(value: unknown, op: CompareOp, literal: Literal): boolean {
  switch (op) {
    case '=':
      return equals(value, literal);
    case '!=':
      return !equals(value, literal);
    case '~':
      return scalarText(value)?.toLowerCase().includes(literal.lower) ?? false;
    default: {
      const n = numberOf(value);
      const l = literal.number;
      if (n === null || l === null) return false;
      return op === '>' ? n > l : op === '>=' ? n >= l : op === '<' ? n < l : n <= l;
    }
  }
}

/**
 * Does a present value satisfy `op literal`? (Absent values are the
 * caller's business: they never match, `!=` included.) Objects never match;
 * an array matches when one of its elements does.
 */
export function compareValue(value: unknown, op: CompareOp, literal: Literal): boolean {
  if (Array.isArray(value)) {
    for (const element of value) if (!Array.isArray(element) && compareValue(element, op, literal)) return true;
    return false;
  }
  if (typeof value === 'object' && value !== null) return false;
  return compareScalar(value, op, literal);
}
