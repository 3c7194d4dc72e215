import { useState, type FormEvent } from 'react';
import { parseRewindRange, REWIND_CHOICES } from '../../history/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';

const CHOICE_LABELS: Record<(typeof REWIND_CHOICES)[number], string> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  all: 'Everything the mirror keeps',
};

/**
 * "Rewind": the view starts over from a moment in the past, read from the
 * mirror's history streams, and goes on live. A menu of ranges, or a time.
 */
export function RewindMenu() {
  const session = useSession();
  const reading = useWarrenStore((s) => s.rewind?.state === 'reading');
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [error, setError] = useState('');

  const choose = (text: string) => {
    const parsed = parseRewindRange(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError('');
    setOpen(false);
    session.rewind(parsed.range);
  };
  const submitFrom = (e: FormEvent) => {
    e.preventDefault();
    choose(from);
  };

  return (
    <div className="rewind-menu">
      <button type="button" data-testid="rewind-button" aria-expanded={open} aria-haspopup="menu" disabled={reading} onClick={() => setOpen(!open)}>
        ⟲ Rewind
      </button>
      {open && (
        <div className="rewind-choices" role="menu" aria-label="Rewind the view">
          {REWIND_CHOICES.map((range) => (
            <button key={range} type="button" role="menuitem" data-testid="rewind-option" data-range={range} onClick={() => choose(range)}>
              {CHOICE_LABELS[range]}
            </button>
          ))}
          <form onSubmit={submitFrom}>
            <label>
              From <input type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="rewind-from" />
            </label>
            <button type="submit" disabled={from === ''}>
              Go
            </button>
          </form>
          <p className="hint">The table starts over from then, read from the mirror&apos;s history, and goes on live.</p>
          {error && (
            <p className="hint error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
