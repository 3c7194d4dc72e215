import { useMemo } from 'react';
import { parseFilterQuery } from '../../filter/index.ts';

/** Characters of context shown either side of the bad term. */
const CONTEXT = 24;

/**
 * Why the filter text was refused, and where: the text around the bad term
 * with the term marked (parsing again costs microseconds, and only while
 * the text is refused).
 */
export function FilterError({ text, error }: { text: string; error: string }) {
  const span = useMemo(() => {
    const parsed = parseFilterQuery(text);
    return parsed.ok ? null : { start: parsed.start, end: parsed.end };
  }, [text]);
  const before = span === null ? '' : text.slice(Math.max(0, span.start - CONTEXT), span.start);
  const after = span === null ? '' : text.slice(span.end, span.end + CONTEXT);
  return (
    <p className="hint error filter-error" role="alert" data-testid="filter-error" data-start={span?.start} data-end={span?.end}>
      <span>{error}</span>
      {span !== null && (
        <code className="filter-error-where">
          {span.start > CONTEXT && '…'}
          {before}
          <mark data-testid="filter-error-term">{text.slice(span.start, span.end) || ' '}</mark>
          {after}
          {span.end + CONTEXT < text.length && '…'}
        </code>
      )}
    </p>
  );
}
