/**
 * Staying connected to the origin: the generator, the worker and the RPC
 * service each hold one or more sessions (a connection with its channels) and
 * reopen them with backoff when the broker goes away (a node killed and
 * restarted, a network cut), saying so in their log. Their counters live
 * outside the sessions, so a reconnect loses no numbering.
 *
 * The FIRST connection is not retried: a wrong URL or a stopped stack should
 * fail a command line run at once, with the reason, not loop forever.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** 0.5 s, 1 s, 2 s, ... capped: quick after a blip, gentle on a broker that stays down. */
export interface Backoff {
  /** The next delay in ms (and doubles the one after). */
  next(): number;
  reset(): void;
}

export function createBackoff(initialMs = 500, maxMs = 10_000): Backoff {
  let delay = initialMs;
  return {
    next() {
      const current = delay;
      delay = Math.min(maxMs, delay * 2);
      return current;
    },
    reset() {
      delay = initialMs;
    },
  };
}

/** An open connection and its channels; `lost` resolves (never rejects) once any of them failed. */
export interface Session {
  readonly lost: Promise<Error>;
  close(): Promise<void>;
}

export interface KeeperOptions<S extends Session> {
  /** Shown in log lines, e.g. "origin connection" or "origin connection (reply queue)". */
  label: string;
  log: (line: string) => void;
  open: () => Promise<S>;
  /** Runs after every successful open, the first included; `reconnected` is false the first time. */
  onUp?: (session: S, reconnected: boolean) => void;
  /** Runs once a session is found lost (and closed), before the first reconnect attempt. */
  onDown?: (error: Error, session: S) => void;
  backoff?: Backoff;
  /** Injected by tests to skip real waiting. */
  wait?: (ms: number) => Promise<void>;
}

export interface Keeper<S extends Session> {
  /** The open session, or null while reconnecting. */
  current(): S | null;
  /**
   * Resolves with the open session, or the next one; `failed` (a session the
   * caller saw fail before the keeper noticed) is never returned. Rejects when
   * `signal` aborts or the keeper stops.
   */
  ready(signal?: AbortSignal, failed?: S): Promise<S>;
  /** Reconnects so far. */
  readonly reconnects: number;
  /** Stops reconnecting and closes the open session. */
  stop(): Promise<void>;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Opens the first session (rejecting if that fails), then reopens it whenever it is lost. */
export async function keepConnected<S extends Session>(options: KeeperOptions<S>): Promise<Keeper<S>> {
  const backoff = options.backoff ?? createBackoff();
  const wait = options.wait ?? ((ms: number) => sleep(ms));
  const stopped = new AbortController();
  let session: S | null = await options.open();
  let reconnects = 0;
  let waiters: { resolve: (s: S) => void; reject: (e: Error) => void }[] = [];
  options.onUp?.(session, false);

  const up = (next: S): void => {
    session = next;
    backoff.reset();
    for (const w of waiters) w.resolve(next);
    waiters = [];
  };

  async function loop(first: S): Promise<void> {
    let lost: Promise<Error> = first.lost;
    while (!stopped.signal.aborted) {
      const error = await Promise.race([lost, new Promise<null>((r) => stopped.signal.addEventListener('abort', () => r(null)))]);
      if (error === null) return;
      const dead = session;
      session = null;
      let delay = backoff.next();
      options.log(`${options.label} lost: ${error.message}; reconnecting in ${seconds(delay)}`);
      if (dead !== null) {
        await dead.close().catch(() => undefined);
        options.onDown?.(error, dead);
      }
      for (;;) {
        await wait(delay);
        if (stopped.signal.aborted) return;
        try {
          const next = await options.open();
          if (stopped.signal.aborted) {
            await next.close();
            return;
          }
          reconnects++;
          options.log(`${options.label}: reconnected`);
          up(next);
          options.onUp?.(next, true);
          lost = next.lost;
          break;
        } catch (e) {
          delay = backoff.next();
          options.log(`${options.label}: cannot reconnect (${(e as Error).message}); retrying in ${seconds(delay)}`);
        }
      }
    }
  }
  void loop(session);

  return {
    current: () => session,
    get reconnects() {
      return reconnects;
    },
    ready(signal, failed) {
      if (session !== null && session !== failed) return Promise.resolve(session);
      if (stopped.signal.aborted) return Promise.reject(new Error('stopped'));
      return new Promise<S>((resolve, reject) => {
        const waiter = { resolve, reject };
        waiters.push(waiter);
        signal?.addEventListener('abort', () => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error('aborted while waiting for the origin'));
        });
      });
    },
    async stop() {
      stopped.abort();
      for (const w of waiters) w.reject(new Error('stopped'));
      waiters = [];
      const open = session;
      session = null;
      await open?.close().catch(() => undefined);
    },
  };
}

/**
 * A promise that resolves with the first failure among a connection and its
 * channels ('close' without error included: the broker closed us). amqplib
 * emits 'error' then 'close'; either one settles it. Listening to 'error'
 * also keeps an unhandled 'error' event from killing the process.
 */
export function firstFailure(emitters: { on(event: string, listener: (arg?: unknown) => void): unknown }[], what: string): Promise<Error> {
  return new Promise<Error>((resolve) => {
    for (const emitter of emitters) {
      emitter.on('error', (e) => resolve(e instanceof Error ? e : new Error(String(e))));
      emitter.on('close', (e) => resolve(e instanceof Error ? e : new Error(`${what} closed`)));
    }
  });
}
