/**
 * A bare @stomp/stompjs client on the mirror's web_stomp, set up the same
 * way for every bench consumer in Node (the ceiling, the broker-latency
 * floor): STOMP 1.2 over `ws`, 10 s heart-beats, no reconnect.
 */
import { Client, type StompConfig } from '@stomp/stompjs';
import WebSocket from 'ws';

export interface MirrorLogin {
  url: string;
  login: string;
  passcode: string;
  vhost: string;
}

/** The client, not yet activated; `config` adds the caller's callbacks. */
export function benchStompClient(target: MirrorLogin, config: StompConfig): Client {
  return new Client({
    webSocketFactory: () => new WebSocket(target.url, ['v12.stomp']),
    connectHeaders: { login: target.login, passcode: target.passcode, host: target.vhost },
    heartbeatIncoming: 10_000,
    heartbeatOutgoing: 10_000,
    reconnectDelay: 0,
    ...config,
  });
}
