/**
 * The session's current filter: compiles the box's text, hands the parts to
 * the view, records the outcome in the store, and re-applies the filter when
 * the payload decoding changes (a schema loaded, a "decode as" chosen) and
 * the filter reads decoded bodies. A re-filter by per-message terms may run
 * in slices (see view/sliced-scan.ts): the rows are published when it ends.
 *
 * The filter box applies after the next paint (applyAfterPaint): a
 * keystroke's frame then draws the box and nothing else, and a re-filter
 * with its table render (tens of milliseconds under full load) follows in
 * the frame after.
 */
import type { ConversationIndex } from '../conversations/index.ts';
import type { PayloadDecoding } from '../model/index.ts';
import type { WarrenStore } from '../store/index.ts';
import type { TraceView } from '../view/index.ts';
import { afterNextPaint } from './after-paint.ts';
import { compileSessionFilter, type SessionFilter, type SessionFilterResult } from './session-filter.ts';

export class FilterControl {
  private current: SessionFilter | null = null;
  /** The text of the filter the rows reflect: set when its re-filter has finished. */
  private shown = '';
  /** The last good text typed, still to be applied after the next paint; and the wait's cancel. */
  private typed: SessionFilter | null = null;
  private cancelTyped: (() => void) | null = null;
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
      // The same compiled filter: its tests read the decoding as it is now; the box and a typed text still to apply are left alone.
      if (this.current?.filter.readsValues) this.use(this.current);
    });
    // A re-filter that ran in slices changed the rows when it ended: publish them.
    const detachProgress = view.onRefilterProgress(() => {
      if (view.refilterProgress !== null) return;
      this.shown = this.current?.filter.text ?? '';
      applied();
    });
    this.detach = () => {
      this.dropTyped();
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
    this.dropTyped();
    this.store.getState().setFilterState(text, '');
    this.use(compiled.compiled);
  }

  /**
   * The filter box, as the user types: the text, and why it does not
   * compile, reach the store at once; the re-filter runs after the next
   * paint. Keystrokes before then make one re-filter, of the last good text.
   */
  applyAfterPaint(text: string): void {
    const compiled: SessionFilterResult = compileSessionFilter(text, this.conversations, this.payloads);
    if (!compiled.ok) {
      this.store.getState().setFilterState(text, compiled.error);
      return;
    }
    this.store.getState().setFilterState(text, '');
    this.typed = compiled.compiled;
    this.cancelTyped ??= afterNextPaint(() => {
      this.cancelTyped = null;
      const typed = this.typed;
      this.typed = null;
      if (typed) this.use(typed);
    });
  }

  /**
   * The filter text the rows and counts reflect. The box runs ahead of it
   * while typing (a frame) and while a re-filter runs in slices; tests and
   * tools wait for it (the visible counter's `data-filter`).
   */
  get shownText(): string {
    return this.shown;
  }

  private use(filter: SessionFilter): void {
    this.current = filter;
    const { keyTest, messageTest } = filter;
    this.view.setFilter(keyTest, null, null, messageTest);
    if (this.view.refilterProgress === null) this.shown = filter.filter.text;
    this.applied();
  }

  private dropTyped(): void {
    this.cancelTyped?.();
    this.cancelTyped = null;
    this.typed = null;
  }

  dispose(): void {
    this.detach();
  }
}
