/**
 * Printable, bounded previews of decoded values. A diff entry may point at a
 * 256 KiB subtree or a header of any length: the list shows a JSON-like
 * prefix of at most `maxChars`, never the whole thing.
 */

/** Default preview length: one line of the diff view. */
export const PREVIEW_CHARS = 160;

/** `value` as JSON-like text of at most `maxChars` characters (an ellipsis marks a cut). Never throws. */
export function previewValue(value: unknown, maxChars: number = PREVIEW_CHARS): string {
  const out: string[] = [];
  const budget = { left: maxChars + 1 };
  write(value, out, budget);
  const text = out.join('');
  return text.length > maxChars ? `${text.slice(0, Math.max(0, maxChars - 1))}…` : text;
}

/** A string cut to `maxChars` (an ellipsis marks the cut). */
export function clip(text: string, maxChars: number = PREVIEW_CHARS): string {
  return text.length > maxChars ? `${text.slice(0, Math.max(0, maxChars - 1))}…` : text;
}

interface Budget {
  left: number;
}

function emit(out: string[], budget: Budget, text: string): void {
  const piece = text.length > budget.left ? text.slice(0, budget.left) : text;
  out.push(piece);
  budget.left -= piece.length;
}

// Recursion depth is bounded by the budget: every level writes at least one character.
function write(value: unknown, out: string[], budget: Budget): void {
  if (budget.left <= 0) return;
  if (value === null) return emit(out, budget, 'null');
  switch (typeof value) {
    case 'string':
      return emit(out, budget, JSON.stringify(value.length > budget.left ? value.slice(0, budget.left) : value));
    case 'number':
    case 'boolean':
      return emit(out, budget, String(value));
    case 'bigint':
      return emit(out, budget, `${value}n`);
    case 'undefined':
      return emit(out, budget, 'undefined');
    case 'object':
      return writeObject(value, out, budget);
    default:
      return emit(out, budget, `(${typeof value})`);
  }
}

function writeObject(value: object, out: string[], budget: Budget): void {
  if (Array.isArray(value)) {
    emit(out, budget, '[');
    for (let i = 0; i < value.length && budget.left > 0; i++) {
      if (i > 0) emit(out, budget, ', ');
      write(value[i], out, budget);
    }
    return emit(out, budget, ']');
  }
  emit(out, budget, '{');
  let first = true;
  for (const key in value) {
    if (budget.left <= 0) break;
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (!first) emit(out, budget, ', ');
    first = false;
    emit(out, budget, `${JSON.stringify(key)}: `);
    write((value as Record<string, unknown>)[key], out, budget);
  }
  emit(out, budget, '}');
}
