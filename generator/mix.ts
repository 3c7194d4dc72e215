/**
 * Traffic mixes: which builder produces the n-th message of a run. The mix is
 * the only stateful piece (task lineage, awkward cycle); everything it calls
 * is a pure builder.
 */
import { AWKWARD_KINDS, buildAwkward } from './awkward.ts';
import { createCeleryClient } from './celery-client.ts';
import { buildDomainEvent } from './domain-events.ts';
import type { OutgoingMessage } from './message.ts';
import type { Rng } from './random.ts';

export const MIX_NAMES = ['default', 'events', 'celery', 'awkward'] as const;
export type MixName = (typeof MIX_NAMES)[number];

/** One awkward message per this many in the default mix: ~every 5 s at the default 50 msg/s. */
export const DEFAULT_AWKWARD_EVERY = 250;
/** Share of Celery tasks among the non-awkward messages of the default mix. */
const CELERY_SHARE = 0.4;

export interface MixOptions {
  mix: MixName;
  rng: Rng;
  /** The generator's reply queue, used as Celery `reply_to`. */
  replyTo: string;
  /** Celery `origin` header, e.g. `gen1234@host`. */
  origin: string;
  awkwardEvery?: number;
}

export interface Mix {
  /** Builds the next message of the run, numbered `seq`, stamped with `now` (epoch ms). */
  next(seq: number, now: number): OutgoingMessage;
  /** Counts per kind so far, for the status line. */
  readonly counts: { celery: number; events: number; awkward: number };
}

export function createMix(options: MixOptions): Mix {
  const { rng, mix } = options;
  const every = Math.max(1, options.awkwardEvery ?? DEFAULT_AWKWARD_EVERY);
  const celery = createCeleryClient({ rng, replyTo: options.replyTo, origin: options.origin });
  const counts = { celery: 0, events: 0, awkward: 0 };
  let index = 0;

  function awkward(seq: number, now: number): OutgoingMessage {
    const kind = AWKWARD_KINDS[counts.awkward % AWKWARD_KINDS.length] ?? 'text';
    counts.awkward++;
    return buildAwkward(kind, seq, rng, { now });
  }
  function task(seq: number, now: number): OutgoingMessage {
    counts.celery++;
    return celery.nextTask(seq, now);
  }
  function event(seq: number, now: number): OutgoingMessage {
    counts.events++;
    return buildDomainEvent(seq, rng, { now });
  }

  return {
    counts,
    next(seq: number, now: number): OutgoingMessage {
      const i = index++;
      switch (mix) {
        case 'awkward':
          return awkward(seq, now);
        case 'celery':
          return task(seq, now);
        case 'events':
          return event(seq, now);
        case 'default':
          // Early in the cycle (not at its end) so even a short run shows one.
          if (i % every === 10 % every) return awkward(seq, now);
          return rng.next() < CELERY_SHARE ? task(seq, now) : event(seq, now);
      }
    },
  };
}
