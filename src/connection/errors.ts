/**
 * Turns what the broker and the browser report into sentences a user can act
 * on. RabbitMQ's ERROR frames carry a short `message` header
 * ("not_found", "access_refused", "Bad CONNECT") and the AMQP reason in
 * the body ("NOT_FOUND - no exchange 'x' in vhost '/'").
 */
import type { IFrame } from '@stomp/stompjs';

const HINTS: [RegExp, string][] = [
  [/no exchange/i, 'the exchange does not exist on the mirror: declare it there, or check the shovel'],
  [/access.refused/i, 'the login is refused or lacks permission: check the user, its passcode and its permissions on this vhost'],
  [/vhost .* not found|virtual host|not_allowed/i, 'the vhost does not exist or the user may not use it'],
  [/precondition_failed|PRECONDITION_FAILED/, 'a queue of that name exists with other arguments'],
];

export function describeErrorFrame(frame: IFrame): string {
  const message = (frame.headers.message ?? '').trim();
  const body = frame.body.replace(/\s+/g, ' ').trim();
  const text = [message, body].filter(Boolean).join(': ') || 'the broker sent an ERROR frame without a reason';
  const hint = HINTS.find(([re]) => re.test(text))?.[1];
  return hint ? `${text} (${hint})` : text;
}

const CLOSE_CODES: Record<number, string> = {
  1000: 'closed normally',
  1001: 'the server is going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1006: 'no close frame: the broker is unreachable or the connection dropped',
  1007: 'invalid frame payload data (text frames must be UTF-8: set web_stomp.ws_frame = binary on the mirror)',
  1008: 'policy violation',
  1009: 'message too big',
  1011: 'the server hit an internal error',
  1015: 'TLS handshake failed',
};

/** stompjs closes with this code a socket it gives up on (no CONNECTED within connectionTimeout, or a dead heartbeat); its reason names stompjs internals. */
const STOMPJS_DISCARD_CODE = 4001;

export function describeCloseEvent(event: { code: number; reason?: string }): string {
  if (event.code === STOMPJS_DISCARD_CODE) return `given up: the broker did not answer in time (no heartbeat, or no CONNECTED within the connect timeout; WebSocket close code ${event.code})`;
  const meaning = CLOSE_CODES[event.code] ?? 'closed';
  return `WebSocket close code ${event.code}: ${meaning}${event.reason ? ` (${event.reason})` : ''}`;
}

/** Why a SUBSCRIBE was refused, when the broker closed the connection without an ERROR frame that says. */
export function subscribeRefusalReason(closed: string): string {
  return (
    `the broker closed the connection in answer to this SUBSCRIBE (${closed}). ` +
    "Most likely the exchange does not exist on the mirror, or the tracer user may not read it; the mirror's log has the exact reason."
  );
}
