/**
 * The session's current filter: compiles the box's text, hands the parts to
 * the view, records the outcome in the store, and re-applies the filter when
 * the payload decoding changes (a schema loaded, a "decode as" chosen) and
 * the filter reads decoded bodies. A re-filter by per-message terms may run
 * in slices (see view/sliced-scan.ts): the rows are published when it ends.
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
    const detachPayloads = payloads.subscribe(() => {
      if (this.current?.filter.readsValues) this.apply(this.current.filter.text);
    });
    // A re-filter that ran in slices changed the rows when it ended: publish them.
    const detachProgress = view.onRefilterProgress(() => {
      if (view.refilterProgress === null) applied();
    });
    this.detach = () => {
      detachPayloads();
      detachProgress();
    };
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
