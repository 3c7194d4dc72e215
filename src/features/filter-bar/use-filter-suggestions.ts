import { useCallback, useEffect, useRef, useState } from 'react';
import { suggest, type Suggestion, type Vocabulary } from '../../filter/index.ts';
import { afterNextPaint, type TraceSession } from '../../session/index.ts';
import { sampleVocabulary } from '../../view/index.ts';

/** A sampled vocabulary is reused this long: typing a term does not rescan the capture per keystroke. */
const VOCABULARY_TTL_MS = 3000;

export interface FilterSuggestions {
  /** Empty when the list is closed. */
  items: Suggestion[];
  active: number;
  /** Recomputes the list for the text and cursor after the next paint (opens it when there is something to suggest). */
  update(text: string, cursor: number): void;
  /** The list as it stands for the last update: computed now if it was still waiting (a key that steers the list reads it). */
  settle(): { items: Suggestion[]; active: number };
  move(by: number): void;
  close(): void;
}

/**
 * The suggestion list's state. The words come from the capture, sampled when
 * the list is about to open and at most every few seconds while typing. The
 * list follows a keystroke in the frame after the one that shows the typed
 * character: sampling decodes the newest bodies for their field paths, which
 * under load made the keystrokes that paid for it the slowest ones
 * (bench/input-latency.ts with a CPU profile).
 */
export function useFilterSuggestions(session: TraceSession): FilterSuggestions {
  const [list, setList] = useState<{ items: Suggestion[]; active: number }>({ items: [], active: 0 });
  const sampled = useRef<{ at: number; vocabulary: Vocabulary } | null>(null);
  const waiting = useRef<{ text: string; cursor: number; cancel: () => void } | null>(null);

  const compute = useCallback(
    (text: string, cursor: number): Suggestion[] => {
      const now = performance.now();
      if (sampled.current === null || now - sampled.current.at > VOCABULARY_TTL_MS) {
        sampled.current = { at: now, vocabulary: sampleVocabulary(session.capture, session.payloads) };
      }
      const items = suggest(text, cursor, sampled.current.vocabulary);
      setList({ items, active: 0 });
      return items;
    },
    [session],
  );
  const drop = useCallback(() => {
    waiting.current?.cancel();
    waiting.current = null;
  }, []);
  useEffect(() => drop, [drop]);

  const update = useCallback(
    (text: string, cursor: number) => {
      drop();
      const cancel = afterNextPaint(() => {
        waiting.current = null;
        compute(text, cursor);
      });
      waiting.current = { text, cursor, cancel };
    },
    [compute, drop],
  );
  const settle = useCallback((): { items: Suggestion[]; active: number } => {
    const pending = waiting.current;
    if (pending === null) return list;
    drop();
    return { items: compute(pending.text, pending.cursor), active: 0 };
  }, [compute, drop, list]);
  const move = useCallback((by: number) => setList((l) => ({ ...l, active: l.items.length === 0 ? 0 : (l.active + by + l.items.length) % l.items.length })), []);
  const close = useCallback(() => {
    drop();
    setList({ items: [], active: 0 });
    sampled.current = null;
  }, [drop]);
  return { items: list.items, active: list.active, update, settle, move, close };
}
