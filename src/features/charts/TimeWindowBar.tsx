import { useSession, useWarrenStore } from '../../ui/index.ts';
import { clockTime } from './format.ts';

/** Above the table while a brushed time window limits it: which seconds, and the way back to live. */
export function TimeWindowBar() {
  const session = useSession();
  const timeWindow = useWarrenStore((s) => s.timeWindow);
  if (timeWindow === null) return null;
  const { fromSecond, toSecond } = timeWindow;
  const seconds = toSecond - fromSecond + 1;
  return (
    <div className="time-window-bar" data-testid="time-window" data-from-second={fromSecond} data-to-second={toSecond} role="status">
      <span>
        Time window <strong>{clockTime(fromSecond)}</strong> – <strong>{clockTime(toSecond + 1)}</strong> ({seconds} s): the table shows only messages
        received then, new ones are not added.
      </span>
      <button type="button" data-testid="time-window-clear" onClick={() => session.setTimeWindow(null)}>
        ✕ Back to live
      </button>
    </div>
  );
}
