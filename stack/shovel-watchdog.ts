/**
 * Restarts an origin shovel that stopped moving while its queue holds
 * messages: the stall issue 15 found on a mirror cluster. When the node a
 * shovel delivers to is killed, the shovel reconnects to another within
 * ~30 ms, while RabbitMQ 3.10.8 is still electing the stream coordinator;
 * now and then (two of three fresh-clone CI runs, the failover test's first
 * attempt) that channel never delivers again, for minutes, with the shovel
 * reported `running`. A restart through the management API
 * (`DELETE /api/shovels/vhost/<vhost>/<name>/restart`) gets it going at once
 * (measured: stalled at 854 of 2,400 for 18 s, all 2,400 two seconds after
 * the restart). What it re-publishes was not confirmed, so nothing is lost;
 * a page may show a few copies, as after any shovel reconnect.
 *
 * Stalled means: the shovel reports `running`, its origin queue holds
 * messages, and the queue's ack count (the shovel acks on confirm) has not
 * moved for `stallMs`. The management API's counts lag by its statistics
 * interval (5 s), which the window allows for. One restart per shovel per
 * `cooldownMs`: a mirror that is slow rather than stuck is not restarted over and over.
 */
import type { StackConfig } from './config.ts';
import type { ManagementApi } from './management-api.ts';
import { managementApi } from './rabbitmq-node.ts';
import { shovelName, shovelQueueName } from './provision.ts';

export interface ShovelSample {
  name: string;
  state: string;
  /** Messages in the shovel's own origin queue, ready or in flight to it. */
  backlog: number;
  /** Messages the shovel has acked on that queue, ever (management's message_stats.ack). */
  acked: number;
}

interface Seen {
  acked: number;
  movedAt: number;
  restartedAt: number;
}

export const STALL_MS = 15_000;
export const RESTART_COOLDOWN_MS = 60_000;

export class ShovelWatchdog {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly stallMs = STALL_MS,
    private readonly cooldownMs = RESTART_COOLDOWN_MS,
  ) {}

  /** The shovels to restart now, given what the origin reports at `nowMs`. */
  check(samples: readonly ShovelSample[], nowMs: number): string[] {
    const restart: string[] = [];
    for (const s of samples) {
      const seen = this.seen.get(s.name);
      if (!seen || s.acked !== seen.acked || s.backlog === 0 || s.state !== 'running') {
        // Moving, idle, or not running (then RabbitMQ itself is reconnecting it): the clock starts over.
        this.seen.set(s.name, { acked: s.acked, movedAt: nowMs, restartedAt: seen?.restartedAt ?? -Infinity });
        continue;
      }
      if (nowMs - seen.movedAt >= this.stallMs && nowMs - seen.restartedAt >= this.cooldownMs) {
        restart.push(s.name);
        this.seen.set(s.name, { acked: s.acked, movedAt: nowMs, restartedAt: nowMs });
      }
    }
    return restart;
  }
}

interface QueueStats {
  name: string;
  messages?: number;
  message_stats?: { ack?: number };
}

/** The origin shovels to watch: one per traced exchange, each with its own queue on the origin. */
export interface WatchTarget {
  /** The origin's management API. */
  api: Pick<ManagementApi, 'get' | 'delete'>;
  vhost: string;
  exchanges: readonly string[];
}

/** What the origin reports now about each traced exchange's shovel and its queue. */
export async function sampleShovels({ api, vhost, exchanges }: WatchTarget): Promise<ShovelSample[]> {
  const [shovels, queues] = await Promise.all([
    api.get<{ name: string; vhost: string; state: string }[]>('/api/shovels', 5000),
    api.get<QueueStats[]>(`/api/queues/${encodeURIComponent(vhost)}?columns=name,messages,message_stats.ack`, 5000),
  ]);
  return exchanges.flatMap((exchange) => {
    const shovel = shovels.find((s) => s.name === shovelName(exchange) && s.vhost === vhost);
    const queue = queues.find((q) => q.name === shovelQueueName(exchange));
    if (!shovel || !queue) return [];
    return [{ name: shovel.name, state: shovel.state, backlog: queue.messages ?? 0, acked: queue.message_stats?.ack ?? 0 }];
  });
}

/**
 * The management API's restart of a dynamic shovel (3.10.8's rabbitmqctl has
 * none). It answers once the old connection is closed: at once after the
 * stall above, but a shovel blocked by a memory alarm on the mirror is not
 * closed until the alarm clears, hence the long timeout.
 */
export const restartShovel = (origin: Pick<ManagementApi, 'delete'>, vhost: string, name: string, timeoutMs = 30_000): Promise<void> =>
  origin.delete(`/api/shovels/vhost/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}/restart`, timeoutMs);

export interface WatchOptions {
  intervalMs?: number;
  stallMs?: number;
  cooldownMs?: number;
}

/**
 * Polls every `intervalMs` until `signal` aborts, restarting stalled shovels
 * (see above). An origin that does not answer is said once, when it starts
 * and when it ends, not on every poll: a restarting origin is normal, one
 * that refuses the watcher's credentials for an hour is not.
 */
export async function watchShovels(target: WatchTarget, log: (line: string) => void, signal: AbortSignal, options: WatchOptions = {}): Promise<void> {
  const { intervalMs = 2_000, stallMs = STALL_MS, cooldownMs = RESTART_COOLDOWN_MS } = options;
  const watchdog = new ShovelWatchdog(stallMs, cooldownMs);
  let failing: string | null = null;
  while (!signal.aborted) {
    try {
      const samples = await sampleShovels(target);
      if (failing !== null) log('the origin answers again; watching');
      failing = null;
      for (const name of watchdog.check(samples, Date.now())) {
        log(`shovel ${name} has acked nothing for ${stallMs / 1000} s with messages waiting on the origin: restarting it`);
        await restartShovel(target.api, target.vhost, name).then(
          () => log(`shovel ${name} restarted`),
          (e: unknown) => log(`shovel ${name}: the restart failed: ${messageOf(e)} (next try in ${cooldownMs / 1000} s at the earliest)`),
        );
      }
    } catch (e) {
      if (messageOf(e) !== failing) log(`cannot watch the shovels: ${messageOf(e)} (trying again every ${intervalMs / 1000} s)`);
      failing = messageOf(e);
    }
    await sleepUnlessAborted(intervalMs, signal);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The local stack's origin, as `npm start` and `npm run stack:watch` watch it. */
export const stackWatchTarget = (config: StackConfig): WatchTarget => ({
  api: managementApi(config, config.origin),
  vhost: config.vhost,
  exchanges: config.exchanges.map((e) => e.name),
});
