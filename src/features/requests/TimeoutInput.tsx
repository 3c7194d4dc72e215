import { useEffect, useState, type FormEvent } from 'react';

interface Props {
  timeoutMs: number;
  onChange(ms: number): void;
}

/** Re-judging every pending request is not free: a value is applied once typing pauses (or on Enter), not per keystroke. */
const APPLY_AFTER_MS = 400;

/** Parses the box: seconds, > 0 (fractions allowed); null when it is not such a number. */
export function timeoutFromText(text: string): number | null {
  const seconds = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

/** "timeout (s)": how long a request may wait for its answer before it counts as timed out. */
export function TimeoutInput({ timeoutMs, onChange }: Props) {
  const [text, setText] = useState(() => String(timeoutMs / 1000));
  const parsed = timeoutFromText(text);

  useEffect(() => {
    if (parsed === null || parsed === timeoutMs) return;
    const timer = setTimeout(() => onChange(parsed), APPLY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [parsed, timeoutMs, onChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed !== null && parsed !== timeoutMs) onChange(parsed);
  };

  return (
    <form className="requests-timeout" onSubmit={submit} title="A request with no answer within this long counts as timed out (a late answer still counts as replied)">
      <label>
        timeout (s)
        <input
          type="number"
          min={0.1}
          step="any"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={parsed === null}
          data-testid="requests-timeout-input"
        />
      </label>
    </form>
  );
}
