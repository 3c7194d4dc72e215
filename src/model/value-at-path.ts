/**
 * A field of a decoded body by its path (object keys and array indexes):
 * what field filters and field charts read. Own properties only, so
 * `constructor` or `__proto__` find nothing on a body that does not carry
 * those keys.
 */

/** One step of a field's path: an object's key or an array's index. */
export type FieldSegment = string | number;

/** The value at `segments` in `root`, or undefined when any step is missing. */
export function valueAtPath(root: unknown, segments: readonly FieldSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
