/**
 * A collapsible JSON tree. Children are rendered only while their parent is
 * open, and at most CHILD_PAGE_SIZE at a time, so a large document costs
 * what is on screen, not what is in the message. Every key and value is a
 * React text node: payloads are untrusted production data.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  CHILD_PAGE_SIZE,
  childCount,
  childEntries,
  childSummary,
  isContainer,
  jsonKind,
  keyLabel,
  nextShownCount,
  openBrackets,
  openByDefault,
  scalarText,
} from './json-tree-model.ts';

interface JsonTreeProps {
  value: unknown;
  /** Accessible name of the tree, e.g. "Payload" or "kwargs". */
  label: string;
}

export function JsonTree({ value, label }: JsonTreeProps) {
  return (
    <ul className="json-tree" aria-label={label}>
      <JsonNode entryKey={null} value={value} depth={0} />
    </ul>
  );
}

interface JsonNodeProps {
  entryKey: string | number | null;
  value: unknown;
  depth: number;
}

function JsonNode({ entryKey, value, depth }: JsonNodeProps) {
  const kind = jsonKind(value);
  const keyPart = entryKey === null ? null : <span className={typeof entryKey === 'number' ? 'jt-index' : 'jt-key'}>{keyLabel(entryKey)}: </span>;
  if (!isContainer(kind)) {
    return (
      <li className="jt-leaf">
        {keyPart}
        <JsonScalar value={value} />
      </li>
    );
  }
  return <JsonContainer keyPart={keyPart} kind={kind} value={value} depth={depth} />;
}

interface JsonContainerProps {
  keyPart: ReactNode;
  kind: 'object' | 'array';
  value: unknown;
  depth: number;
}

function JsonContainer({ keyPart, kind, value, depth }: JsonContainerProps) {
  const [open, setOpen] = useState(() => openByDefault(depth));
  const [shown, setShown] = useState(CHILD_PAGE_SIZE);
  const count = childCount(value);
  const { open: openBracket, close: closeBracket } = openBrackets(kind);

  if (count === 0) {
    return (
      <li className="jt-leaf">
        {keyPart}
        <span className="jt-bracket">{openBracket + closeBracket}</span>
      </li>
    );
  }
  const summary = childSummary(kind, count);
  return (
    <li className="jt-branch">
      <button type="button" className="jt-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="jt-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {keyPart}
        <span className="jt-bracket">{open ? openBracket : `${openBracket}…${closeBracket}`}</span>
        {!open && <span className="jt-count"> {summary}</span>}
      </button>
      {open && (
        <>
          <ul className="jt-children">
            {childEntries(value, shown).map((entry) => (
              <JsonNode key={entry.key} entryKey={entry.key} value={entry.value} depth={depth + 1} />
            ))}
            {shown < count && (
              <li className="jt-more">
                <button type="button" onClick={() => setShown(nextShownCount(shown, count))}>
                  Show {Math.min(CHILD_PAGE_SIZE, count - shown).toLocaleString('en-US')} more ({(count - shown).toLocaleString('en-US')} not shown)
                </button>
              </li>
            )}
          </ul>
          <span className="jt-bracket jt-close">{closeBracket}</span>
        </>
      )}
    </li>
  );
}

/** A string, number, boolean or null; a very long string shows a prefix until asked for the rest. */
function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  const kind = jsonKind(value);
  const { text, hiddenChars } = scalarText(value, full ? Infinity : undefined);
  return (
    <>
      <span className={`jt-${kind}`}>{text}</span>
      {hiddenChars > 0 && (
        <button type="button" className="link jt-more-chars" onClick={() => setFull(true)}>
          +{hiddenChars.toLocaleString('en-US')} chars
        </button>
      )}
    </>
  );
}
