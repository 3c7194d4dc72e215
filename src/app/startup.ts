/**
 * Connects without clicks when the URL or the server's runtime config says
 * where to: `?broker=&broker=&vhost=&login=&sub=&sub=&filter=&rewind=` (several
 * `broker`s: a cluster's nodes, tried in turn); `?requests=1`
 * opens the requests view (`?theme=` is read before the first render, in
 * start-dashboard.tsx; `?watchQuiet=` by the watches). The passcode is never
 * read from the URL; it comes from warren.config.json only for the very brokers
 * (each URL among those named there) and login named there, or from the connection panel.
 */
import { isHistoryStreamDestination, parseRewindRange } from '../history/index.ts';
import { attachSavedFilters } from '../features/saved-filters/index.ts';
import { attachWatchAlerts } from '../features/watches/index.ts';
import { checkDestination } from '../model/index.ts';
import { brokerListError, joinBrokerLists } from '../connection/index.ts';
import type { TraceSession } from '../session/index.ts';
import { RUNTIME_CONFIG_FILE, type RuntimeConfig } from './runtime-config.ts';

async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch(`./${RUNTIME_CONFIG_FILE}`, { cache: 'no-store' });
    if (!res.ok) return {};
    const parsed: unknown = await res.json();
    return parsed !== null && typeof parsed === 'object' ? (parsed as RuntimeConfig) : {};
  } catch {
    return {};
  }
}

export async function startFromUrlAndConfig(session: TraceSession): Promise<void> {
  const params = new URLSearchParams(location.search);
  // Saved filters and watches first: a watch counts from the first message (`?watchQuiet=SECONDS` shortens its quiet period).
  attachSavedFilters(session);
  attachWatchAlerts(session, location.search);
  // The shared link's filter first: the box shows it from the first paint.
  session.setFilterText(params.get('filter') ?? '');
  if (params.get('requests') === '1') session.store.getState().setRequestsOpen(true);
  const config = await loadRuntimeConfig();
  const store = session.store.getState();
  const listed = Array.isArray(config.brokers) ? config.brokers.filter((url): url is string => typeof url === 'string') : [];
  const configBrokers = joinBrokerLists(listed.length > 0 ? listed : config.broker ? [config.broker] : []);
  // `?broker=` (even empty) overrides the config: an empty one means no broker.
  const brokers = params.has('broker') ? joinBrokerLists(params.getAll('broker')) : configBrokers;
  const vhost = params.get('vhost') ?? config.vhost ?? '/';
  const login = params.get('login') ?? config.login ?? '';
  const sameAccount = brokers.length > 0 && brokers.every((url) => configBrokers.includes(url)) && login === config.login;
  const passcode = sameAccount ? (config.passcode ?? '') : '';
  const urlSubs = params.getAll('sub');
  const subscriptions = [...new Set(urlSubs.length > 0 ? urlSubs : (config.subscriptions ?? []))];

  const durable = params.get('durable');
  store.setDurableByDefault(durable === null ? config.durableCapture === true : durable === '1' || durable === 'true');
  store.setConnectionTarget({ brokers, vhost, login });
  for (const destination of subscriptions) {
    // Real-queue destinations consume production messages: never without a click (a history stream is only read).
    const check = checkDestination(destination);
    if (check.ok && (!check.needsConfirmation || isHistoryStreamDestination(check.normalized))) session.addSubscription(check.normalized);
  }
  // `?rewind=15m`: the subscriptions read their history from the start, before any live message.
  const rewind = params.get('rewind');
  if (rewind !== null) {
    const parsed = parseRewindRange(rewind);
    if (parsed.ok) session.rewind(parsed.range);
    else store.setRewindError(`?rewind: ${parsed.error}`);
  }
  const badBroker = brokers.length > 0 ? brokerListError(brokers) : '';
  if (badBroker) store.setConnectionStatus('error', badBroker);
  else if (brokers.length > 0 && login && passcode) session.connect({ brokers, vhost, login, passcode });
  else if (brokers.length > 0 && login) store.setConnectionStatus('disconnected', `Enter the passcode for ${login} and connect`);
}
