/**
 * The generator's publisher across reconnects. While the origin is away,
 * `publish` waits (the paced loop pauses: no x-warren-seq is skipped), then
 * sends the same message on the new connection. Messages already handed to a
 * connection that died before the broker confirmed them are "in doubt": the
 * broker may have lost them (the dashboard then shows their seqs as a gap);
 * they are counted and said, not re-sent, so nothing is duplicated.
 */
import { openPublisher } from './publisher.ts';
import type { Publisher, PublisherStats } from './publisher.ts';
import type { OutgoingMessage } from './message.ts';
import { keepConnected } from './reconnect.ts';
import type { Session } from './reconnect.ts';

export interface ResilientPublisherStats extends PublisherStats {
  reconnects: number;
  /** Published but not confirmed when their connection died (PublisherStats.unconfirmedAtClose over every connection). */
  inDoubt: number;
}

export interface ResilientPublisher {
  /** Rejects only when `signal` aborts while waiting for the origin. */
  publish(message: OutgoingMessage): Promise<void>;
  stats(): ResilientPublisherStats;
  close(): Promise<void>;
}

export interface ResilientPublisherOptions {
  connectionName: string;
  log: (line: string) => void;
  /** Stops waiting for a reconnect (Ctrl-C while the origin is down). */
  signal: AbortSignal;
}

interface PublisherSession extends Session {
  publisher: Publisher;
}

async function openSession(url: string, connectionName: string): Promise<PublisherSession> {
  let failed: (e: Error) => void = () => undefined;
  const lost = new Promise<Error>((resolve) => (failed = resolve));
  const publisher = await openPublisher(url, { connectionName, onFailure: (e) => failed(e) });
  return { publisher, lost, close: () => publisher.close() };
}

export async function openResilientPublisher(url: string, options: ResilientPublisherOptions): Promise<ResilientPublisher> {
  const { log } = options;
  // Stats of the connections that died; the open one's are added on read.
  const past: ResilientPublisherStats = { published: 0, confirmed: 0, nacked: 0, unconfirmedAtClose: 0, drainWaits: 0, reconnects: 0, inDoubt: 0 };
  const keeper = await keepConnected<PublisherSession>({
    label: 'origin connection',
    log,
    open: () => openSession(url, options.connectionName),
    onUp: ({ publisher }) => {
      publisher.connection.on('blocked', (reason: string) => log(`origin blocked publishing: ${reason}`));
      publisher.connection.on('unblocked', () => log('origin unblocked'));
    },
    onDown: (_error, { publisher }) => {
      const inDoubt = fold(publisher.stats());
      if (inDoubt > 0) log(`${inDoubt} message(s) were published but not confirmed when the connection dropped: the broker may have lost them (not re-sent)`);
      log('publishing paused until the origin is back (no x-warren-seq is skipped)');
    },
  });
  /** Adds a finished connection's counts to `past`; returns its messages in doubt. */
  function fold(s: PublisherStats): number {
    // Callbacks amqplib had not settled yet count as in doubt too.
    const inDoubt = s.published - s.confirmed - s.nacked;
    past.published += s.published;
    past.confirmed += s.confirmed;
    past.nacked += s.nacked;
    past.unconfirmedAtClose += inDoubt;
    past.drainWaits += s.drainWaits;
    past.inDoubt += inDoubt;
    return inDoubt;
  }

  return {
    async publish(message) {
      let failed: PublisherSession | undefined;
      for (;;) {
        const session = await keeper.ready(options.signal, failed);
        const before = session.publisher.stats().published;
        try {
          await session.publisher.publish(message);
          return;
        } catch (error) {
          // Handed over, then the socket died while waiting for 'drain': in doubt, not re-sent.
          if (session.publisher.stats().published > before) return;
          failed = session;
          if (options.signal.aborted) throw error;
        }
      }
    },
    stats() {
      const open = keeper.current()?.publisher.stats();
      const add = (k: keyof PublisherStats): number => past[k] + (open?.[k] ?? 0);
      return {
        published: add('published'),
        confirmed: add('confirmed'),
        nacked: add('nacked'),
        unconfirmedAtClose: past.unconfirmedAtClose,
        drainWaits: add('drainWaits'),
        reconnects: keeper.reconnects,
        inDoubt: past.inDoubt,
      };
    },
    async close() {
      const open = keeper.current();
      await keeper.stop();
      if (open !== null) fold(open.publisher.stats());
    },
  };
}
