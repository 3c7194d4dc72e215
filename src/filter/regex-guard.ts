/**
 * A JavaScript regex cannot be interrupted, and one with a quantified group
 * that itself contains a quantifier (`(a+)+`, `(\w*\s?)*`, `(x{1,9})+`) can
 * backtrack exponentially on a few dozen characters: the page would hang
 * for good on one routing key or body. Such patterns are refused with a
 * message; this is a guard against the common catastrophic shape, not a proof
 * that every accepted pattern is fast (bodies are also bounded to 16 KiB).
 */

/** Why `source` is refused, or null when it has no quantified group holding a quantifier. */
export function nestedQuantifier(source: string): string | null {
  /** Per open group: does it contain a quantifier? */
  const groups: boolean[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      // A class: skip to its closing ], escapes included.
      i++;
      while (i < source.length && source.charAt(i) !== ']') i += source.charAt(i) === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '(') {
      groups.push(false);
      i++;
      continue;
    }
    if (ch === ')') {
      const inner = groups.pop() ?? false;
      const quantified = quantifierAt(source, i + 1);
      if (inner && quantified) return `${source.slice(0, i + 1 + quantified.length)}: a repeated group that repeats inside can take forever to fail (write it without the nesting)`;
      // The group, quantified or holding a quantifier, makes its parent hold one.
      if ((inner || quantified) && groups.length > 0) groups[groups.length - 1] = true;
      i += 1 + (quantified?.length ?? 0);
      continue;
    }
    const quantified = quantifierAt(source, i);
    if (quantified && groups.length > 0) groups[groups.length - 1] = true;
    i += quantified ? quantified.length : 1;
  }
  return null;
}

/** The unbounded-ish quantifier at `i` (`*`, `+`, `{n,}`, `{n,m}` with m > 1, lazy or not), or null. `?` and `{1}` repeat nothing. */
function quantifierAt(source: string, i: number): string | null {
  const ch = source.charAt(i);
  if (ch === '*' || ch === '+') return source.charAt(i + 1) === '?' ? ch + '?' : ch;
  if (ch !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(i, i + 24));
  if (!match) return null;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return max > 1 ? match[0] : null;
}
