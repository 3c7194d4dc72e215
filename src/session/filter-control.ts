/**
 * The session's current filter: compiles the box's text, hands the parts to
 * the view, records the outcome in the store, and re-applies the filter when
 * the payload decoding changes (a schema loaded, a "decode as" chosen) and
 * the filter reads decoded bodies.
 */
import type { ConversationIndex } from '../conversations/index.ts';
import type { PayloadDecoding } from '../model/index.ts';
import type { WarrenStore } from '../store/index.ts';
import type { TraceView } from '../view/index.ts';
import { compileSessionFilter, type SessionFilter, type SessionFilterResult } from './session-filter.ts';

export class FilterControl {
  private current: SessionFilter | null = null;
  private readonly detach: () => void;

  /** @param applied called after the view was re-filtered (the session publishes). */
  constructor(
    private readonly view: TraceView,
    private readonly store: WarrenStore,
    private readonly conversations: ConversationIndex,
    private readonly payloads: PayloadDecoding,
    private readonly applied: () => void,
  ) {
    this.detach = payloads.subscribe(() => {
      if (this.current?.filter.readsValues) this.apply(this.current.filter.text);
    });
  }

  /** Compiles and applies `text`; a text that does not compile keeps the last good filter on and says why. */
  apply(text: string): void {
    const compiled: SessionFilterResult = compileSessionFilter(text, this.conversations, this.payloads);
    if (!compiled.ok) {
      this.store.getState().setFilterState(text, compiled.error);
      return;
    }
    this.current = compiled.compiled;
    const { keyTest, messageTest } = compiled.compiled;
    this.view.setFilter(keyTest, null, null, messageTest);
    this.store.getState().setFilterState(text, '');
    this.applied();
  }

  dispose(): void {
    this.detach();
  }
}
