/**
 * The words the filter box completes from, sampled from the capture when its
 * suggestion list opens (never per message): every distinct routing key
 * retained (one pass over the key-id column, newest first), the header names
 * of the newest messages, and the field paths of the newest decoded bodies.
 */
import type { TraceCapture } from '../capture/index.ts';
import { pathsIn, type Vocabulary } from '../filter/index.ts';
import { headerNamesOf, type PayloadDecoding } from '../model/index.ts';

/** Bounds of one sampling, so opening the list stays a few milliseconds whatever is retained. */
export const VOCABULARY_LIMITS = { keys: 5000, headerMessages: 2000, headers: 500, valueMessages: 200, fields: 500 } as const;

export function sampleVocabulary(capture: TraceCapture, payloads: PayloadDecoding): Vocabulary {
  const { buffer, keys: column } = capture;
  const first = buffer.firstSeq;
  const last = buffer.lastSeq;

  const keys: string[] = [];
  const seen = new Uint8Array(column.size + 1);
  const ids = column.column;
  for (let seq = last; seq >= first && keys.length < VOCABULARY_LIMITS.keys; seq--) {
    const id = ids[seq % ids.length] ?? 0;
    if (seen[id] === 1) continue;
    seen[id] = 1;
    const m = buffer.get(seq);
    if (m !== undefined) keys.push(m.routingKey);
  }

  const headers = new Set<string>();
  for (let seq = last; seq >= Math.max(first, last - VOCABULARY_LIMITS.headerMessages + 1) && headers.size < VOCABULARY_LIMITS.headers; seq--) {
    const m = buffer.get(seq);
    if (m !== undefined) for (const name of headerNamesOf(m)) headers.add(name);
  }

  const fields = new Set<string>();
  for (let seq = last; seq >= Math.max(first, last - VOCABULARY_LIMITS.valueMessages + 1) && fields.size < VOCABULARY_LIMITS.fields; seq--) {
    const m = buffer.get(seq);
    if (m !== undefined) pathsIn(payloads.valueOf(m), VOCABULARY_LIMITS.fields, fields);
  }
  return { keys, headers: [...headers], fields: [...fields] };
}
