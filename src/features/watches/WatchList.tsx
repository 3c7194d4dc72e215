import { useShallow } from 'zustand/react/shallow';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { setNotify, setWatch } from '../saved-filters/index.ts';
import { requestNotifyPermission } from './alerts.ts';
import { useWatchFeed } from './use-watch-feed.ts';
import { WatchRow } from './WatchRow.tsx';
import './watches.css';

const PERMISSION_NOTES = {
  unavailable: 'This browser gives the page no desktop notifications: the tab title still counts the matches.',
  denied: 'Desktop notifications are blocked for this page (site settings): the tab title still counts the matches.',
  default: '',
  granted: '',
} as const;

/** The sidebar's list of watches, with their counts read a few times a second at most. */
export function WatchList() {
  const session = useSession();
  const { watches } = useWatchFeed();
  const { savedFilters, setSavedFilters, permission } = useWarrenStore(
    useShallow((s) => ({ savedFilters: s.savedFilters, setSavedFilters: s.setSavedFilters, permission: s.notifyPermission })),
  );
  const anyNotify = watches.some((w) => w.notify);

  const toggleNotify = (id: string, notify: boolean) => {
    setSavedFilters(setNotify(savedFilters, id, notify));
    // Asked on this click only, never unasked.
    if (notify) void requestNotifyPermission(session);
  };

  return (
    <section className="panel watch-panel" data-testid="watch-list" aria-label="Watches">
      <h2>Watches</h2>
      {watches.length === 0 ? (
        <p className="hint">None. Type a filter and press ◉ Watch: its matches are counted from then on, even paused or in a background tab.</p>
      ) : (
        <ul className="watch-list">
          {watches.map((w) => (
            <WatchRow
              key={w.id}
              watch={w}
              name={savedFilters.find((f) => f.id === w.id)?.name ?? w.filter}
              onApply={() => session.setFilterText(w.filter)}
              onToggleNotify={() => toggleNotify(w.id, !w.notify)}
              onRemove={() => setSavedFilters(setWatch(savedFilters, w.id, false))}
            />
          ))}
        </ul>
      )}
      {anyNotify && PERMISSION_NOTES[permission] && (
        <p className="hint warning" data-testid="watch-notify-note">
          {PERMISSION_NOTES[permission]}
        </p>
      )}
    </section>
  );
}
