/**
 * The filter box's `conv:` and `task:` terms, answered per message by the
 * conversation index (see filter/query.ts for the grammar).
 */
import { compileTopicPattern, hasTopicWildcard, type LinkTerm } from '../filter/index.ts';
import type { ConversationIndex } from './conversation-index.ts';

/**
 * The `conv:` / `task:` terms of a filter as one per-message test (null when
 * there are none), answered from the index's slots without touching a body.
 */
export function linkFilter(index: ConversationIndex, terms: readonly LinkTerm[]): ((seq: number) => boolean) | null {
  if (terms.length === 0) return null;
  // Judged as of now: what timed out since the last check counts.
  if (terms.some((t) => t.field === 'state')) index.expire();
  const tests = terms.map(({ field, value, negated }) => {
    const test =
      field === 'conv'
        ? (seq: number) => index.hasId(seq, value)
        : field === 'task'
          ? nameTest(index, value)
          : (seq: number) => index.hasState(seq, value);
    return negated ? (seq: number) => !test(seq) : test;
  });
  return (seq) => {
    for (const test of tests) if (!test(seq)) return false;
    return true;
  };
}

/**
 * `task:NAME`; with `*` or `#`, a topic pattern over task names and request
 * routing keys (`task:proj.billing.#`), which are dotted as routing keys are
 * and matched by the same rules. A conversation whose name is not known yet
 * (a reply before its request) matches no pattern, as it has no `task:NAME`.
 */
function nameTest(index: ConversationIndex, name: string): (seq: number) => boolean {
  if (!hasTopicWildcard(name)) return (seq) => index.hasName(seq, name);
  const matches = compileTopicPattern(name);
  const named = (n: string) => n !== '' && matches(n);
  return (seq) => index.hasNameMatching(seq, named);
}
