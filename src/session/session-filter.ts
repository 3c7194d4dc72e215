/**
 * A filter text compiled for this session: the parsed query joined with what
 * only the session has (the conversation index for `conv:`/`task:`/`state:`
 * terms). The view takes the parts separately (the key part is memoised per
 * routing key); watches and anything else that judges one message at a time
 * take `test`.
 */
import type { ConversationIndex } from '../conversations/index.ts';
import { linkFilter } from '../conversations/index.ts';
import { parseFilterQuery, type BodyPredicate, type CompiledFilter, type KeyPredicate } from '../filter/index.ts';
import type { PayloadDecoding, TracedMessage } from '../model/index.ts';

/** One filter as a test of one message (every term: key, body, links). */
export type MessageTest = (message: TracedMessage) => boolean;

export interface SessionFilter {
  filter: CompiledFilter;
  /** The routing-key part, null when the filter has none. */
  keyTest: KeyPredicate | null;
  bodyTest: BodyPredicate | null;
  seqTest: ((seq: number) => boolean) | null;
  /** All of them on one message. */
  test: MessageTest;
}

export type SessionFilterResult = { ok: true; compiled: SessionFilter } | { ok: false; error: string };

export function compileSessionFilter(text: string, conversations: ConversationIndex, _payloads: PayloadDecoding): SessionFilterResult {
  const parsed = parseFilterQuery(text);
  if (!parsed.ok) return parsed;
  const { filter } = parsed;
  const keyTest = filter.isEmpty ? null : filter.matchesKey;
  const bodyTest = filter.matchesBody;
  const seqTest = linkFilter(conversations, filter.linkTerms);
  const test: MessageTest = (m) =>
    (keyTest === null || keyTest(m.exchange, m.routingKey)) && (seqTest === null || seqTest(m.seq)) && (bodyTest === null || bodyTest(m.body));
  return { ok: true, compiled: { filter, keyTest, bodyTest, seqTest, test } };
}
