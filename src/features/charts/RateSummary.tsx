import type { RateSnapshot } from '../../rates/index.ts';
import { formatBytes, formatCount } from '../../ui/index.ts';

/**
 * The window in numbers: messages and bytes in it, the peak second, and the
 * last complete second (the newest one is still filling up).
 */
export function RateSummary({ snapshot, paused }: { snapshot: RateSnapshot; paused: boolean }) {
  const { messages } = snapshot;
  const lastComplete = messages[messages.length - 2] ?? 0;
  return (
    <p className="rate-summary">
      <span>last {Math.round(messages.length / 60)} min</span>
      <span>{formatCount(snapshot.totalMessages)} msgs</span>
      <span className="secondary">{formatBytes(snapshot.totalBytes)}</span>
      <span className="secondary">peak {formatCount(Math.max(0, ...messages))}/s</span>
      <span>last second {formatCount(lastComplete)}/s</span>
      {paused && <span className="rate-frozen">paused: charts frozen, counting goes on</span>}
    </p>
  );
}
