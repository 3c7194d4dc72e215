/**
 * "Copy" for the payload. The text is produced on click, not per render:
 * pretty-printing a large document is only worth it when someone copies it.
 */
import { useState } from 'react';
import { copyToClipboard } from './clipboard.ts';

interface CopyButtonProps {
  /** Called on click; returns what to copy. */
  getText(): string;
  /** What is copied, for the button's accessible name ("Copy pretty JSON"). */
  what: string;
}

type CopyStatus = { state: 'idle' } | { state: 'copied'; chars: number } | { state: 'failed'; reason: string };

export function CopyButton({ getText, what }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>({ state: 'idle' });
  const onCopy = async () => {
    const text = getText();
    const outcome = await copyToClipboard(text);
    setStatus(outcome.ok ? { state: 'copied', chars: text.length } : { state: 'failed', reason: outcome.reason });
  };
  return (
    <span className="copy-control">
      <button type="button" onClick={() => void onCopy()} aria-label={`Copy ${what}`} title={`Copy ${what}`} data-testid="inspector-copy">
        Copy
      </button>
      <span role="status" className={status.state === 'failed' ? 'hint error' : 'hint'}>
        {status.state === 'copied' && `Copied ${what} (${status.chars.toLocaleString('en-US')} characters)`}
        {status.state === 'failed' && status.reason}
      </span>
    </span>
  );
}
