/**
 * A filter text compiled for this session: the parsed query joined with what
 * only the session has (the conversation index for `conv:`/`task:`/`state:`
 * terms, the payload decoding for `$.` field terms). The view takes it in two
 * parts: the routing-key part, memoised per distinct key, and a per-message
 * test for the rest (null when the key part decides alone, the fast path);
 * watches and anything else that judges one message at a time take `test`.
 */
import type { ConversationIndex } from '../conversations/index.ts';
import { linkFilter } from '../conversations/index.ts';
import { bodyText, parseFilterQuery, type CompiledFilter, type FilterGroup, type KeyPredicate, type MessageReader, type TextSpan } from '../filter/index.ts';
import { valueAtPath, type FieldSegment, type PayloadDecoding, type TracedMessage } from '../model/index.ts';

/** One filter as a test of one message (every term: key, body, links). */
export type MessageTest = (message: TracedMessage) => boolean;

export interface SessionFilter {
  filter: CompiledFilter;
  /**
   * What the view memoises per routing key: the whole filter when it is
   * key-only, else a condition every shown message meets; null when none.
   */
  keyTest: KeyPredicate | null;
  /** The rest, per message (given keyTest passed); null when keyTest decides alone. */
  messageTest: MessageTest | null;
  /** The whole filter on one message. */
  test: MessageTest;
}

export type SessionFilterResult = { ok: true; compiled: SessionFilter } | ({ ok: false; error: string } & TextSpan);

/**
 * Reads bodies for per-message terms, each at most once per message however
 * many terms ask: the last message's value and text are kept. A field term
 * asks for its field alone (fieldOf), which a plain JSON body gives without
 * being decoded whole.
 */
class BodyReader implements MessageReader {
  private valueOwner: TracedMessage | null = null;
  private valueVersion = -1;
  private lastValue: unknown = undefined;
  private textOwner: TracedMessage | null = null;
  private lastText = '';

  constructor(private readonly payloads: PayloadDecoding) {}

  value(message: TracedMessage): unknown {
    if (message !== this.valueOwner || this.valueVersion !== this.payloads.version) {
      this.valueOwner = message;
      this.valueVersion = this.payloads.version;
      this.lastValue = this.payloads.valueOf(message);
    }
    return this.lastValue;
  }

  /** A field alone: from the value when this message's was decoded already, else found by PayloadDecoding without decoding it all. */
  fieldOf(message: TracedMessage, segments: readonly FieldSegment[]): unknown {
    if (message === this.valueOwner && this.valueVersion === this.payloads.version) return valueAtPath(this.lastValue, segments);
    return this.payloads.fieldOf(message, segments);
  }

  text(message: TracedMessage): string {
    if (message !== this.textOwner) {
      this.textOwner = message;
      this.lastText = bodyText(message.body);
    }
    return this.lastText;
  }
}

/** A group's tests other than its key terms, or null when it has none. */
function restOfGroup(group: FilterGroup, conversations: ConversationIndex, reader: MessageReader): MessageTest | null {
  const links = linkFilter(conversations, group.linkTerms);
  const { messageTests } = group;
  if (links === null && messageTests.length === 0) return null;
  return (m) => {
    if (links !== null && !links(m.seq)) return false;
    for (const test of messageTests) if (!test(m, reader)) return false;
    return true;
  };
}

export function compileSessionFilter(text: string, conversations: ConversationIndex, payloads: PayloadDecoding): SessionFilterResult {
  const parsed = parseFilterQuery(text);
  if (!parsed.ok) return parsed;
  const { filter } = parsed;
  const reader = new BodyReader(payloads);
  if (filter.isEmpty) return { ok: true, compiled: { filter, keyTest: null, messageTest: null, test: () => true } };

  const groups = filter.groups.map((group) => ({ keyTest: group.keyTest, rest: restOfGroup(group, conversations, reader) }));
  const [single] = groups;
  if (groups.length === 1 && single !== undefined) {
    const { keyTest, rest } = single;
    const test: MessageTest = (m) => (keyTest === null || keyTest(m.exchange, m.routingKey)) && (rest === null || rest(m));
    return { ok: true, compiled: { filter, keyTest, messageTest: rest, test } };
  }
  const test: MessageTest = (m) => {
    for (const { keyTest, rest } of groups) {
      if ((keyTest === null || keyTest(m.exchange, m.routingKey)) && (rest === null || rest(m))) return true;
    }
    return false;
  };
  // OR: the union of the key parts is memoised; mixed groups are decided per message.
  const keyTest = groups.every((g) => g.keyTest !== null) ? filter.matchesKey : null;
  return { ok: true, compiled: { filter, keyTest, messageTest: filter.keyOnly ? null : test, test } };
}
