import type { BadLine } from '../../archive/index.ts';
import { formatCount } from '../../ui/index.ts';

/** Bad lines shown at most; the rest are counted. */
const SHOWN = 100;

/** The lines that were not imported, by number, with the reason: text only (the reasons quote the file). */
export function ImportErrors({ badLines, badLineCount }: { badLines: BadLine[]; badLineCount: number }) {
  if (badLineCount === 0) return null;
  const shown = badLines.slice(0, SHOWN);
  const more = badLineCount - shown.length;
  return (
    <div className="import-errors" data-testid="import-errors" data-count={badLineCount}>
      <p>
        {formatCount(badLineCount)} line{badLineCount === 1 ? '' : 's'} not imported:
      </p>
      <ol>
        {shown.map((bad) => (
          <li key={bad.line} data-line={bad.line}>
            line {bad.line}: {bad.reason}
          </li>
        ))}
      </ol>
      {more > 0 && <p>and {formatCount(more)} more</p>}
    </div>
  );
}
