/** What every structured decoder returns: never an exception. */
export type StructuredResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The reason an exception gives, for the failure note. Stack overflows from hostile nesting say so. */
export function failureOf(error: unknown): { ok: false; error: string } {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, error: 'nested too deeply to decode' };
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: reason === '' ? 'unknown error' : reason };
}
