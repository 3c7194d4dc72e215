import { useCallback, useRef, useState } from 'react';
import { suggest, type Suggestion, type Vocabulary } from '../../filter/index.ts';
import type { TraceSession } from '../../session/index.ts';
import { sampleVocabulary } from '../../view/index.ts';

/** A sampled vocabulary is reused this long: typing a term does not rescan the capture per keystroke. */
const VOCABULARY_TTL_MS = 3000;

export interface FilterSuggestions {
  /** Empty when the list is closed. */
  items: Suggestion[];
  active: number;
  /** Recomputes the list for the text and cursor (opens it when there is something to suggest). */
  update(text: string, cursor: number): void;
  move(by: number): void;
  close(): void;
}

/**
 * The suggestion list's state. The words come from the capture, sampled when
 * the list is about to open and at most every few seconds while typing.
 */
export function useFilterSuggestions(session: TraceSession): FilterSuggestions {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const sampled = useRef<{ at: number; vocabulary: Vocabulary } | null>(null);

  const update = useCallback(
    (text: string, cursor: number) => {
      const now = performance.now();
      if (sampled.current === null || now - sampled.current.at > VOCABULARY_TTL_MS) {
        sampled.current = { at: now, vocabulary: sampleVocabulary(session.capture, session.payloads) };
      }
      setItems(suggest(text, cursor, sampled.current.vocabulary));
      setActive(0);
    },
    [session],
  );
  const move = useCallback((by: number) => setActive((a) => (items.length === 0 ? 0 : (a + by + items.length) % items.length)), [items.length]);
  const close = useCallback(() => {
    setItems([]);
    sampled.current = null;
  }, []);
  return { items, active, update, move, close };
}
