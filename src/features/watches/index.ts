/**
 * Watches in the UI: the filter bar's Watch button, the sidebar's list
 * (counts, sparkline, notify, remove), the header badge, and the alerts
 * (desktop notification, title count) attached at start-up.
 */
export { attachWatchAlerts } from './alerts.ts';
export { WatchBadge } from './WatchBadge.tsx';
export { WatchButton } from './WatchButton.tsx';
export { WatchList } from './WatchList.tsx';
