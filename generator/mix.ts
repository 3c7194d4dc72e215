/**
 * Traffic mixes: which builder produces the n-th message of a run. The mix is
 * the only stateful piece (task lineage, awkward cycle); everything it calls
 * is a pure builder.
 */
import { AWKWARD_KINDS, buildAwkward } from './awkward.ts';
import { createCeleryClient } from './celery-client.ts';
import { buildDomainEvent } from './domain-events.ts';
import type { OutgoingMessage } from './message.ts';
import { chance } from './random.ts';
import type { Rng } from './random.ts';
import { buildRpcRequest } from './rpc-messages.ts';

/** `requests`: only what expects an answer (tasks and RPC requests), for tests of request/reply tracing. */
export const MIX_NAMES = ['default', 'events', 'celery', 'rpc', 'requests', 'awkward'] as const;
export type MixName = (typeof MIX_NAMES)[number];

/** One awkward message per this many in the default mix: ~every 5 s at the default 50 msg/s. */
export const DEFAULT_AWKWARD_EVERY = 250;
/** Share of Celery tasks among the non-awkward messages of the default mix. */
const CELERY_SHARE = 0.4;
/** Share of RPC requests (taken from the domain events' share): ~2.5/s at 50 msg/s. */
const RPC_SHARE = 0.05;

export interface MixOptions {
  mix: MixName;
  rng: Rng;
  /** The generator's reply queue, used as Celery `reply_to`. */
  replyTo: string;
  /** Celery `origin` header, e.g. `gen1234@host`. */
  origin: string;
  awkwardEvery?: number;
  /** The generator's pid, for the task-sent events (default 0). */
  pid?: number;
  /** Share of tasks and RPC requests sent with x-warren-drop-reply (default 0). */
  dropReplyRate?: number;
  /** Route every task to this queue instead of celery/email. */
  taskQueue?: string | null;
  /** Put before every RPC request key. */
  rpcKeyPrefix?: string;
}

export interface MixCounts {
  celery: number;
  events: number;
  awkward: number;
  rpc?: number;
}

export interface Mix {
  /**
   * Builds the next message of the run, numbered `seq`, stamped with `now`
   * (epoch ms). A task comes with its task-sent event: the event carries the
   * task's seq as x-warren-origin-seq and takes no number of its own.
   */
  next(seq: number, now: number): OutgoingMessage | readonly OutgoingMessage[];
  /** Counts per kind so far, for the status line. */
  readonly counts: MixCounts;
}

export function createMix(options: MixOptions): Mix {
  const { rng, mix } = options;
  const every = Math.max(1, options.awkwardEvery ?? DEFAULT_AWKWARD_EVERY);
  const dropReplyRate = options.dropReplyRate ?? 0;
  const celery = createCeleryClient({ rng, replyTo: options.replyTo, origin: options.origin, pid: options.pid ?? 0, taskQueue: options.taskQueue ?? null, dropReplyRate });
  const counts = { celery: 0, events: 0, awkward: 0, rpc: 0 };
  let index = 0;

  function awkward(seq: number, now: number): OutgoingMessage {
    const kind = AWKWARD_KINDS[counts.awkward % AWKWARD_KINDS.length] ?? 'text';
    counts.awkward++;
    return buildAwkward(kind, seq, rng, { now });
  }
  function task(seq: number, now: number): readonly OutgoingMessage[] {
    counts.celery++;
    return celery.nextTask(seq, now);
  }
  function rpc(seq: number, now: number): OutgoingMessage {
    counts.rpc++;
    const dropReply = dropReplyRate > 0 && chance(rng, dropReplyRate);
    return buildRpcRequest({ seq, now, replyTo: options.replyTo, keyPrefix: options.rpcKeyPrefix ?? '', dropReply }, rng);
  }
  function event(seq: number, now: number): OutgoingMessage {
    counts.events++;
    return buildDomainEvent(seq, rng, { now });
  }

  return {
    counts,
    next(seq, now) {
      const i = index++;
      switch (mix) {
        case 'awkward':
          return awkward(seq, now);
        case 'celery':
          return task(seq, now);
        case 'events':
          return event(seq, now);
        case 'rpc':
          return rpc(seq, now);
        case 'requests':
          return rng.next() < 0.8 ? task(seq, now) : rpc(seq, now);
        case 'default':
          // Early in the cycle (not at its end) so even a short run shows one.
          if (i % every === 10 % every) return awkward(seq, now);
        {
          const roll = rng.next();
          if (roll < CELERY_SHARE) return task(seq, now);
          return roll < CELERY_SHARE + RPC_SHARE ? rpc(seq, now) : event(seq, now);
        }
      }
    },
  };
}
