import { useMemo, useSyncExternalStore } from 'react';
import { diffMessages, type MessageDiff } from '../../diff/index.ts';
import type { TracedMessage } from '../../model/index.ts';
import { useSession } from '../../ui/index.ts';

/**
 * The diff of two held messages, computed once per pair and again only when
 * a decoding choice changes (a "decode as…" override, a loaded schema).
 */
export function useMessageDiff(left: TracedMessage, right: TracedMessage): MessageDiff {
  const { payloads } = useSession();
  const decodingVersion = useSyncExternalStore(
    (listener) => payloads.subscribe(listener),
    () => payloads.version,
  );
  // decodingVersion is a dependency on purpose: the same pair reads differently after a decoding change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => diffMessages(left, right, payloads), [left, right, payloads, decodingVersion]);
}
