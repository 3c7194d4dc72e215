/**
 * The selected message's body, decoded once. The message object for a seq
 * never changes, so decoding is memoized on it; "Load all" swaps in the
 * unlimited decode on request only.
 */
import { useCallback, useMemo, useState } from 'react';
import { decodeBody, decodeBodyInFull, decodeCelery } from '../../model/index.ts';
import type { CeleryInfo, DecodedBody } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';

export interface DecodedPayload {
  decoded: DecodedBody;
  celery: CeleryInfo | null;
  loadingAll: boolean;
  loadAll(): void;
}

/** Callers must remount (key by seq) for another message: the full decode belongs to this one. */
export function useDecodedPayload(message: TracedMessage): DecodedPayload {
  const limited = useMemo(() => decodeBody(message), [message]);
  const [full, setFull] = useState<DecodedBody | null>(null);
  const [loadingAll, setLoadingAll] = useState(false);
  const decoded = full ?? limited;
  const celery = useMemo(() => decodeCelery(message, decoded), [message, decoded]);

  const loadAll = useCallback(() => {
    setLoadingAll(true);
    // Decoding 10 MB blocks the thread for a moment: let "Decoding…" paint first
    // (a frame callback runs before paint, the timeout after it).
    requestAnimationFrame(() => {
      setTimeout(() => {
        setFull(decodeBodyInFull(message));
        setLoadingAll(false);
      }, 0);
    });
  }, [message]);

  return { decoded, celery, loadingAll, loadAll };
}
