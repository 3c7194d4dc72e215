/**
 * A list of mirror broker URLs (the nodes of one cluster, or one node): read
 * from `?broker=` (repeated), warren.config.json's `brokers`, or the
 * connection panel, where URLs are separated by commas, spaces or newlines.
 * The connection tries them in order and moves to the next when one fails.
 */

export interface BrokerListEntry {
  url: string;
  /** Why the URL cannot be used ('' when it can). */
  error: string;
}

/** Splits on commas and whitespace; drops empties and repeats (a repeat would only be tried twice per round); keeps the order. */
export function splitBrokerList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((part) => part !== ''))];
}

/** Every value of a repeated field (`?broker=a&broker=b`, each of which may itself be a list), as one list. */
export function joinBrokerLists(values: readonly string[]): string[] {
  return splitBrokerList(values.join(' '));
}

/** '' when `url` is a ws:// or wss:// URL with a host, else a sentence saying what is wrong. */
export function brokerUrlError(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL: write it as ws://host:port/ws (e.g. ws://127.0.0.1:15674/ws)`;
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return `"${url}" is not a WebSocket URL: use ws:// or wss:// (web_stomp's endpoint, e.g. ws://127.0.0.1:15674/ws), not ${parsed.protocol}//`;
  }
  if (parsed.hostname === '') return `"${url}" names no host`;
  return '';
}

export function checkBrokerList(urls: readonly string[]): BrokerListEntry[] {
  return urls.map((url) => ({ url, error: brokerUrlError(url) }));
}

/** The first problem of a list, for a status line ('' when every URL is usable and there is at least one). */
export function brokerListError(urls: readonly string[]): string {
  if (urls.length === 0) return 'no broker URL: enter the web_stomp URL of the mirror (e.g. ws://127.0.0.1:15674/ws)';
  return checkBrokerList(urls).find((e) => e.error !== '')?.error ?? '';
}

/** How the status line names the node in use, `127.0.0.1:15684 (2 of 3)`; '' with a single URL (nothing to tell apart). */
export function brokerInUseText(broker: { url: string; index: number; count: number } | null): string {
  return broker !== null && broker.count > 1 ? `${brokerLabel(broker.url)} (${broker.index + 1} of ${broker.count})` : '';
}

/** A short name for a node in the status line: host:port (the whole URL when it does not parse). */
export function brokerLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host || url;
  } catch {
    return url;
  }
}
