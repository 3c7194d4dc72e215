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

/** What the origin reports now about each traced exchange's shovel and its queue. */
export async function sampleShovels(config: StackConfig, api: ManagementApi): Promise<ShovelSample[]> {
  const vhost = encodeURIComponent(config.vhost);
  const [shovels, queues] = await Promise.all([
    api.get<{ name: string; vhost: string; state: string }[]>('/api/shovels', 5000),
    api.get<QueueStats[]>(`/api/queues/${vhost}?columns=name,messages,message_stats.ack`, 5000),
  ]);
  return config.exchanges.flatMap((e) => {
    const shovel = shovels.find((s) => s.name === shovelName(e.name) && s.vhost === config.vhost);
    const queue = queues.find((q) => q.name === shovelQueueName(e.name));
    if (!shovel || !queue) return [];
    return [{ name: shovel.name, state: shovel.state, backlog: queue.messages ?? 0, acked: queue.message_stats?.ack ?? 0 }];
  });
}

/** The management API's restart of a dynamic shovel (3.10.8's rabbitmqctl has none). */
export const restartShovel = (origin: ManagementApi, vhost: string, name: string): Promise<void> =>
  origin.delete(`/api/shovels/vhost/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}/restart`);

/** Polls every `intervalMs` until `signal` aborts, restarting stalled shovels (see above). */
export async function watchShovels(config: StackConfig, log: (line: string) => void, signal: AbortSignal, intervalMs = 2_000): Promise<void> {
  const watchdog = new ShovelWatchdog();
  const api = managementApi(config, config.origin);
  while (!signal.aborted) {
    try {
      for (const name of watchdog.check(await sampleShovels(config, api), Date.now())) {
        await restartShovel(api, config.vhost, name);
        log(`shovel ${name} had acked nothing for ${STALL_MS / 1000} s with messages waiting on the origin: restarted`);
      }
    } catch {
      // The origin is restarting or away: nothing to judge until it answers.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
