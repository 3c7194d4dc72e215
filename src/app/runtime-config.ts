/**
 * What the server may tell the dashboard at start-up, through
 * `warren.config.json` beside index.html. `npm start` writes it for the local
 * stack so the page connects without clicks; a plain static deployment has
 * none and the user fills in the connection panel.
 */
export interface RuntimeConfig {
  /** WebSocket URL of the mirror's web_stomp endpoint, e.g. ws://127.0.0.1:15674/ws. */
  broker?: string;
  /**
   * Every node of a mirror cluster's web_stomp URL, `broker` first: the page
   * connects to one and moves to the next when it goes away. Absent or one
   * entry: a single mirror node.
   */
  brokers?: string[];
  vhost?: string;
  login?: string;
  /** Only ever used for the broker and login given in this same file. */
  passcode?: string;
  /** Destinations to subscribe to on connect. */
  subscriptions?: string[];
  /** New subscriptions use durable capture by default (the URL's `durable=0|1` overrides). */
  durableCapture?: boolean;
}

export const RUNTIME_CONFIG_FILE = 'warren.config.json';
