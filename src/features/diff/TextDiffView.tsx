/**
 * A unified line diff: context lines, skipped runs, and each change with its
 * removed (−) and added (+) lines; changed words are highlighted when the
 * change is small. Everything is a text node.
 */
import type { NumberedLine, TextBlock, TextDiff, WordPart } from '../../diff/index.ts';
import { useRenderLimit } from './ShowMore.tsx';

export function TextDiffView({ diff }: { diff: TextDiff }) {
  const { limit, more } = useRenderLimit(diff.blocks.length);
  return (
    <>
      <div className="diff-text" aria-label="Line diff">
        {diff.blocks.slice(0, limit).map((block, i) => (
          <TextDiffBlock key={i} block={block} />
        ))}
      </div>
      {more}
    </>
  );
}

function TextDiffBlock({ block }: { block: TextBlock }) {
  if (block.type === 'skip') return <div className="diff-skip">⋯ {block.count.toLocaleString('en-US')} unchanged line{block.count === 1 ? '' : 's'}</div>;
  if (block.type === 'context') return <Lines lines={block.lines} side="both" sign=" " className="diff-line-same" />;
  const { entry } = block;
  return (
    <div data-testid="diff-entry" data-section="body" data-path={entry.path} data-kind={entry.kind} className="diff-change">
      {block.oldWords && block.newWords ? (
        <>
          <Words parts={block.oldWords} sign="−" left={block.removed[0]?.line} className="diff-line-removed" />
          <Words parts={block.newWords} sign="+" right={block.added[0]?.line} className="diff-line-added" />
        </>
      ) : (
        <>
          <Lines lines={block.removed} side="left" sign="−" className="diff-line-removed" />
          <Lines lines={block.added} side="right" sign="+" className="diff-line-added" />
        </>
      )}
    </div>
  );
}

/** Numbers in two gutters, left text then right text: an unchanged line has both, a removed one the left, an added one the right. */
function Lines({ lines, side, sign, className }: { lines: NumberedLine[]; side: 'left' | 'right' | 'both'; sign: string; className: string }) {
  return (
    <>
      {lines.map((line) => (
        <div key={`${sign}${line.line}`} className={`diff-line ${className}`}>
          <span className="diff-lineno">{side === 'right' ? '' : line.line}</span>
          <span className="diff-lineno">{side === 'left' ? '' : (line.rightLine ?? line.line)}</span>
          <span className="diff-sign">{sign}</span>
          <span className="diff-line-text">{line.text}</span>
        </div>
      ))}
    </>
  );
}

/** A changed run shown as one block (its own newlines kept), changed words marked. */
function Words({ parts, sign, left, right, className }: { parts: WordPart[]; sign: string; left?: number; right?: number; className: string }) {
  return (
    <div className={`diff-line ${className}`}>
      <span className="diff-lineno">{left ?? ''}</span>
      <span className="diff-lineno">{right ?? ''}</span>
      <span className="diff-sign">{sign}</span>
      <span className="diff-line-text">
        {parts.map((part, i) =>
          part.changed ? (
            <mark key={i} className="diff-word">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </span>
    </div>
  );
}
