/**
 * The selected message's body, read once per decoding change. The message
 * object for a seq never changes, so the reading is memoized on it and on
 * the payload decoding's version (a "decode as…" choice, a schema loaded or
 * removed); "Load all" swaps in the unlimited read on request only.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { decodeCelery, readPayload } from '../../model/index.ts';
import type { CeleryInfo, DecoderChoice, PayloadReading } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { useSession } from '../../ui/index.ts';
import { bodyForCelery } from './payload-views.ts';

export interface DecodedPayload {
  reading: PayloadReading;
  /** What Auto reads the body as, e.g. "MessagePack" (also while another decoder is chosen). */
  autoLabel: string;
  celery: CeleryInfo | null;
  loadingAll: boolean;
  loadAll(): void;
  /** Re-decodes this message with `choice` (null: back to Auto). */
  decodeAs(choice: DecoderChoice | null): void;
}

/** Callers must remount (key by seq) for another message: the full decode belongs to this one. */
export function useDecodedPayload(message: TracedMessage): DecodedPayload {
  const { payloads } = useSession();
  const version = useSyncExternalStore(
    useCallback((onChange: () => void) => payloads.subscribe(onChange), [payloads]),
    () => payloads.version,
  );
  const [full, setFull] = useState(false);
  const [loadingAll, setLoadingAll] = useState(false);
  const reading = useMemo(
    () => payloads.read(message, full ? { limitBytes: Infinity } : undefined),
    // version: a choice or a schema changed, so the same message reads differently.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [payloads, message, full, version],
  );
  const autoLabel = useMemo(
    () => (reading.override === null ? reading.label : readPayload(message, null, payloads.schemas, full ? { limitBytes: Infinity } : undefined).label),
    [reading, message, payloads, full],
  );
  const celery = useMemo(() => decodeCelery(message, bodyForCelery(reading)), [message, reading]);

  const loadAll = useCallback(() => {
    setLoadingAll(true);
    // Decoding 10 MB blocks the thread for a moment: let "Decoding…" paint first
    // (a frame callback runs before paint, the timeout after it).
    requestAnimationFrame(() => {
      setTimeout(() => {
        setFull(true);
        setLoadingAll(false);
      }, 0);
    });
  }, []);
  const decodeAs = useCallback((choice: DecoderChoice | null) => payloads.setOverride(message.seq, choice), [payloads, message]);

  return { reading, autoLabel, celery, loadingAll, loadAll, decodeAs };
}
