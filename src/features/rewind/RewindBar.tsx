import { useSession, useWarrenStore, formatCount } from '../../ui/index.ts';

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour12: false });
}

/** Above the table while a rewind reads history, and after it: how much, which times, what it could not do. */
export function RewindBar() {
  const session = useSession();
  const status = useWarrenStore((s) => s.rewind);
  const rewindError = useWarrenStore((s) => s.rewindError);
  const setRewindStatus = useWarrenStore((s) => s.setRewindStatus);
  if (status === null) {
    return rewindError ? (
      <div className="rewind-bar" role="alert">
        <span className="hint error">{rewindError}</span>
      </div>
    ) : null;
  }
  const capacity = session.capture.buffer.capacity;
  const reading = status.state === 'reading';
  const range =
    status.oldestMs >= 0 ? `${clock(status.oldestMs)} → ${clock(Math.max(status.newestMs, status.oldestMs))}` : reading ? 'waiting for the first message' : 'no message in that range';
  const percent = status.fraction === null ? null : Math.round(status.fraction * 100);
  return (
    <div className="rewind-bar" role="status" data-testid="rewind-status" data-state={status.state} data-loaded={status.loaded}>
      {reading ? (
        <progress
          data-testid="rewind-progress"
          data-loaded={status.loaded}
          data-read={status.read}
          max={100}
          value={percent ?? undefined}
          aria-label="Rewind progress"
        />
      ) : null}
      <span>
        {reading ? 'Rewinding' : status.state === 'cancelled' ? 'Rewind cancelled' : 'Rewound'} {status.label}: <strong>{formatCount(status.loaded)}</strong> messages ({range}
        {reading ? ` of ${clock(status.untilMs)}` : ''}){status.state === 'done' ? ', then live' : ''}.
        {status.loaded > capacity ? ` The buffer keeps ${formatCount(capacity)}: the oldest ${formatCount(status.loaded - capacity)} were let go.` : ''}
      </span>
      {reading ? (
        <button type="button" data-testid="rewind-cancel" onClick={() => session.cancelRewind()}>
          Cancel
        </button>
      ) : (
        <button type="button" className="link" aria-label="Dismiss" onClick={() => setRewindStatus(null)}>
          ✕
        </button>
      )}
      {[...status.skipped, ...status.failed].map((line) => (
        <p key={line} className="hint warning">
          {line}
        </p>
      ))}
    </div>
  );
}
