/**
 * A collapsible JSON tree. Children are rendered only while their parent is
 * open, and at most CHILD_PAGE_SIZE at a time, so a large document costs
 * what is on screen, not what is in the message. Every key and value is a
 * React text node: payloads are untrusted production data.
 *
 * Each node knows its path from the root (`$.items[0].qty`); a numeric leaf
 * offers "chart this field" when the surrounding NumberFieldActions context
 * provides it (see number-field-actions.ts).
 */
import { useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { childPathText } from '../../fields/index.ts';
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
  isChartableNumber,
  openByDefault,
  scalarText,
} from './json-tree-model.ts';
import { NumberFieldActionsContext } from './number-field-actions.ts';
import './json-tree-chart.css';

interface JsonTreeProps {
  value: unknown;
  /** Accessible name of the tree, e.g. "Payload" or "kwargs". */
  label: string;
}

export function JsonTree({ value, label }: JsonTreeProps) {
  return (
    <ul className="json-tree" aria-label={label}>
      <JsonNode entryKey={null} value={value} depth={0} path="$" />
    </ul>
  );
}

interface JsonNodeProps {
  entryKey: string | number | null;
  value: unknown;
  depth: number;
  /** Path of this node from the tree's root, e.g. `$.items[0]`. */
  path: string;
}

function JsonNode({ entryKey, value, depth, path }: JsonNodeProps) {
  const kind = jsonKind(value);
  const keyPart = entryKey === null ? null : <span className={typeof entryKey === 'number' ? 'jt-index' : 'jt-key'}>{keyLabel(entryKey)}: </span>;
  if (!isContainer(kind)) {
    return (
      <li className="jt-leaf">
        {keyPart}
        <JsonScalar value={value} />
        {isChartableNumber(value) && <ChartFieldButton path={path} />}
      </li>
    );
  }
  return <JsonContainer keyPart={keyPart} kind={kind} value={value} depth={depth} path={path} />;
}

interface JsonContainerProps {
  keyPart: ReactNode;
  kind: 'object' | 'array';
  value: unknown;
  depth: number;
  path: string;
}

function JsonContainer({ keyPart, kind, value, depth, path }: JsonContainerProps) {
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
              <JsonNode key={entry.key} entryKey={entry.key} value={entry.value} depth={depth + 1} path={childPathText(path, entry.key)} />
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

/** "chart": shown on hover or keyboard focus of a numeric leaf, when charting is offered here. */
function ChartFieldButton({ path }: { path: string }) {
  const actions = useContext(NumberFieldActionsContext);
  if (actions === null) return null;
  const charted = actions.isCharted(path);
  return (
    <button
      type="button"
      className={charted ? 'link jt-chart charted' : 'link jt-chart'}
      aria-label={`Chart ${path}`}
      title={charted ? `${path} is charted (above the table)` : `Chart ${path} over time, for every message that has it`}
      data-testid="json-tree-chart"
      data-path={path}
      onClick={() => actions.chart(path)}
    >
      {charted ? 'charted' : 'chart'}
    </button>
  );
}
