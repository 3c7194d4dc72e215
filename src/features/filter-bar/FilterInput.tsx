import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../filter/index.ts';
import { useSession } from '../../ui/index.ts';
import { useFilterSuggestions } from './use-filter-suggestions.ts';

/** Keys that open, move through, accept or close the list. */
const STEERING_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape']);

/** Keys that edit the text: the list follows them. Arrows, Tab, Enter and Escape steer it instead. */
const editsText = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey && (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete');

/**
 * The filter box with its suggestion list (routing keys, header names,
 * property names, field paths seen). The list opens as the user types (not
 * when a link, a chart click or a test fills the box), and on ArrowDown;
 * ArrowUp/ArrowDown choose, Enter or Tab accept, Escape closes. Suggestions
 * are text nodes: keys and header names come from production.
 */
export function FilterInput({ text, invalid }: { text: string; invalid: boolean }) {
  const session = useSession();
  const input = useRef<HTMLInputElement>(null);
  const typing = useRef(false);
  const pendingCursor = useRef<number | null>(null);
  const suggestions = useFilterSuggestions(session);
  const { items, active } = suggestions;

  useLayoutEffect(() => {
    if (pendingCursor.current === null || input.current === null) return;
    input.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  }, [text]);

  const accept = (suggestion: Suggestion) => {
    pendingCursor.current = suggestion.cursor;
    suggestions.close();
    session.setFilterText(suggestion.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    typing.current = editsText(event);
    if (!STEERING_KEYS.has(event.key)) return;
    // The list may still be waiting for the last keystroke's paint: steer the one for the text as it is.
    const list = suggestions.settle();
    const open = list.items.length > 0;
    if (event.key === 'ArrowDown' && !open) {
      suggestions.update(event.currentTarget.value, event.currentTarget.selectionStart ?? text.length);
    } else if (!open) {
      return;
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      suggestions.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const chosen = list.items[list.active];
      if (chosen !== undefined) accept(chosen);
    } else if (event.key === 'Escape') {
      suggestions.close();
      event.stopPropagation(); // the list closes, not the inspector
    }
    event.preventDefault();
  };

  return (
    <div className="filter-box">
      <input
        ref={input}
        id="filter-input"
        data-testid="filter-input"
        value={text}
        onChange={(e) => {
          // The box shows the text in this frame; the rows and the list follow in the next (input first).
          session.typeFilterText(e.target.value);
          if (typing.current) suggestions.update(e.target.value, e.target.selectionStart ?? e.target.value.length);
          else suggestions.close();
          typing.current = false;
        }}
        onKeyDown={onKeyDown}
        onBlur={() => suggestions.close()}
        placeholder="Filter: orders.*.created  -users.#  header:x-tenant=acme  $.total>100  size>10k  /re/  a OR b  (press / to focus)"
        spellCheck={false}
        autoComplete="off"
        aria-label="Filter messages"
        aria-invalid={invalid}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="filter-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? `filter-suggestion-${active}` : undefined}
      />
      {items.length > 0 && (
        <ul id="filter-suggestions" className="filter-suggestions" role="listbox" data-testid="filter-suggestions">
          {items.map((s, i) => (
            <li
              key={`${s.kind}:${s.label}`}
              id={`filter-suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid="filter-suggestion"
              data-kind={s.kind}
              data-value={s.label}
              // mousedown, not click: the input keeps its focus (a blur would close the list first).
              onMouseDown={(e) => {
                e.preventDefault();
                accept(s);
              }}
            >
              <span className="filter-suggestion-kind">{s.kind}</span>
              <span className="filter-suggestion-label">{s.label}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
