/**
 * hexdump -C of the body: the first 4 KiB, more on request. The dump is one
 * text node inside a <pre>, so any byte is shown, never interpreted.
 */
import { useMemo } from 'react';
import { hexDump } from '../../model/index.ts';
import { formatBytes } from '../../ui/index.ts';
import { nextHexBytes } from './hex-source.ts';
import type { HexSource } from './hex-source.ts';

interface HexViewProps {
  source: HexSource;
  /** Bytes currently dumped; owned by the payload panel so Copy copies what is shown. */
  shownBytes: number;
  onShowBytes(bytes: number): void;
}

export function HexView({ source, shownBytes, onShowBytes }: HexViewProps) {
  const { bytes, caption } = source;
  const dump = useMemo(() => hexDump(bytes, 0, shownBytes), [bytes, shownBytes]);
  const shown = Math.min(shownBytes, bytes.length);
  return (
    <div className="inspector-hex-view">
      <p className="hint">
        {shown < bytes.length ? `First ${formatBytes(shown)} of ${formatBytes(bytes.length)}` : formatBytes(bytes.length)}, {caption}
      </p>
      <pre className="inspector-pre" data-testid="inspector-hex">
        {bytes.length === 0 ? '(empty body)' : dump}
      </pre>
      {shown < bytes.length && (
        <button type="button" onClick={() => onShowBytes(nextHexBytes(shown, bytes.length))}>
          Show more (up to {formatBytes(nextHexBytes(shown, bytes.length))})
        </button>
      )}
    </div>
  );
}
