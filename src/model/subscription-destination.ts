/**
 * What a subscription destination means to RabbitMQ's STOMP plugin, checked
 * before anything is sent. `/exchange/<x>/<pattern>` and `/topic/<pattern>`
 * bind a fresh queue of the tracer's own and never disturb production;
 * `/queue/<name>` and `/amq/queue/<name>` consume from a real queue, which
 * would take messages away from its real consumers: those need the user's
 * explicit confirmation.
 */
import type { DestinationKind, ParsedDestination } from './destination.ts';

export type DestinationCheck =
  | {
      ok: true;
      /** For a subscription, `routingKey` is the binding pattern (or the queue name for the queue kinds). */
      destination: ParsedDestination;
      /** The destination to SUBSCRIBE to: the input with repeated `#` words merged. */
      normalized: string;
      warning: string | null;
      needsConfirmation: boolean;
    }
  | { ok: false; error: string };

const MAX_KEY_BYTES = 255;

/**
 * `a.#.#.b` means exactly `a.#.b`, but RabbitMQ 3.10's topic matcher
 * backtracks over every `#` and can take seconds per message on long keys,
 * stalling the shovel's channel that publishes into the mirror. Merge them.
 */
export function mergeRepeatedHashes(pattern: string): string {
  if (!pattern.includes('#.#')) return pattern;
  const words = pattern.split('.');
  return words.filter((w, i) => !(w === '#' && words[i - 1] === '#')).join('.');
}
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function checkDestination(input: string): DestinationCheck {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a destination, e.g. /exchange/app.events/orders.# or /topic/#' };
  let m: RegExpExecArray | null;
  if ((m = /^\/exchange\/([^/]+)(?:\/(.*))?$/.exec(text))) {
    const exchange = decodeName(m[1] ?? '');
    const pattern = mergeRepeatedHashes(m[2] ?? '');
    if (utf8Length(pattern) > MAX_KEY_BYTES) return { ok: false, error: `The pattern is longer than ${MAX_KEY_BYTES} bytes` };
    const warning = pattern === '' ? 'No pattern: only messages with an empty routing key match. Add /# to see everything.' : null;
    const normalized = m[2] === undefined ? text : `/exchange/${m[1]}/${pattern}`;
    return { ok: true, destination: { kind: 'exchange', exchange, routingKey: pattern }, normalized, warning, needsConfirmation: false };
  }
  if ((m = /^\/topic\/(.*)$/.exec(text))) {
    const pattern = mergeRepeatedHashes(m[1] ?? '');
    if (pattern === '') return { ok: false, error: 'Give a pattern after /topic/, e.g. /topic/#' };
    if (utf8Length(pattern) > MAX_KEY_BYTES) return { ok: false, error: `The pattern is longer than ${MAX_KEY_BYTES} bytes` };
    const destination: ParsedDestination = { kind: 'topic', exchange: 'amq.topic', routingKey: pattern };
    return { ok: true, destination, normalized: `/topic/${pattern}`, warning: null, needsConfirmation: false };
  }
  if ((m = /^\/(amq\/queue|queue)\/([^/]+)$/.exec(text))) {
    const kind: DestinationKind = m[1] === 'queue' ? 'queue' : 'amq-queue';
    const queue = decodeName(m[2] ?? '');
    const warning =
      `This consumes from the real queue "${queue}": every message Warren receives is taken away from ` +
      'its real consumers' + (kind === 'queue' ? ', and /queue/ declares the queue if it is missing' : '') +
      '. Subscribe to its exchange with /exchange/<name>/<pattern> instead to trace without touching it.';
    return { ok: true, destination: { kind, exchange: '', routingKey: queue }, normalized: text, warning, needsConfirmation: true };
  }
  if (text.startsWith('/exchange/')) return { ok: false, error: 'Give an exchange name: /exchange/<name>/<pattern>' };
  return {
    ok: false,
    error: 'Unknown destination. Use /exchange/<name>/<pattern>, /topic/<pattern>, or (consumes real messages) /queue/<name>, /amq/queue/<name>',
  };
}

/** For destinations already accepted by checkDestination. */
export function parseSubscriptionDestination(destination: string): ParsedDestination {
  const check = checkDestination(destination);
  if (!check.ok) throw new Error(check.error);
  return check.destination;
}
