import { formatCount } from '../../ui/index.ts';
import type { WatchSnapshot } from '../../watches/index.ts';
import { Sparkline } from './Sparkline.tsx';

export interface WatchRowProps {
  watch: WatchSnapshot;
  name: string;
  onApply(): void;
  onToggleNotify(): void;
  onRemove(): void;
}

/** One watch: its name (applies its filter), matches in the last minute and in total, the hour per minute, notify, remove. */
export function WatchRow({ watch, name, onApply, onToggleNotify, onRemove }: WatchRowProps) {
  const since = new Date(watch.setAt).toLocaleTimeString();
  return (
    <li className={`watch${watch.lastMinute > 0 ? ' recent' : ''}`} data-testid="watch-item" data-name={name} data-filter={watch.filter}>
      <button type="button" className="watch-name" onClick={onApply} title={`Apply: ${watch.filter}`}>
        {name}
      </button>
      <span className="watch-numbers" title={`Since ${since}: ${watch.total} in total, ${watch.lastMinute} in the last minute`}>
        <span data-testid="watch-last-minute" data-value={watch.lastMinute}>
          {formatCount(watch.lastMinute)}/min
        </span>
        <span data-testid="watch-count" data-value={watch.total}>
          {formatCount(watch.total)}
        </span>
      </span>
      <span className="watch-actions">
        <button
          type="button"
          data-testid="watch-notify"
          aria-pressed={watch.notify}
          onClick={onToggleNotify}
          title={watch.notify ? 'Stop alerting' : 'Alert me when it matches after a quiet period'}
          aria-label={`Notify me for ${name}`}
        >
          notify
        </button>
        <button type="button" className="link" data-testid="watch-remove" onClick={onRemove} title="Stop watching (the saved filter stays)" aria-label={`Stop watching ${name}`}>
          ✕
        </button>
      </span>
      <Sparkline values={watch.perMinute} label={`${name}: matches per minute over the last hour`} />
      {watch.error && (
        <p className="hint error" data-testid="watch-error">
          {watch.error}
        </p>
      )}
    </li>
  );
}
