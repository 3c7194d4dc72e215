/**
 * Python `repr()` of JSON-like values. Celery's `argsrepr`/`kwargsrepr` headers
 * are Python reprs, and a tracer showing them should see exactly what a real
 * Celery client would have sent: single quotes, True/None, `(x,)` tuples.
 */
import type { JsonValue } from './message.ts';

function reprString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n');
  return `'${escaped}'`;
}

export function pyRepr(value: JsonValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${reprString(k)}: ${pyRepr(v)}`);
  return `{${entries.join(', ')}}`;
}

/** Celery passes positional args as a tuple, so a single argument prints as `(x,)`. */
export function pyTupleRepr(values: JsonValue[]): string {
  if (values.length === 1) return `(${pyRepr(values[0] ?? null)},)`;
  return `(${values.map(pyRepr).join(', ')})`;
}
