/**
 * The "client" side of Celery: decides how each new task relates to earlier
 * ones (fresh root, child of an earlier task, member of a group, or a retry of
 * an earlier task), so a tracer can follow root_id/parent_id chains.
 */
import { buildCeleryTask, pyIsoformat, randomTaskSpec } from './celery-task.ts';
import type { CeleryTaskInput, TaskLineage, TaskName, TaskSpec } from './celery-task.ts';
import { buildTaskSentEvent, createClientEventSource } from './client-events.ts';
import type { OutgoingMessage } from './message.ts';
import { chance, pick, uuid } from './random.ts';
import type { Rng } from './random.ts';

const RECENT_LIMIT = 32;
const GROUP_SIZE = 3;

interface RecentTask {
  spec: TaskSpec;
  lineage: TaskLineage;
}

export interface CeleryClientOptions {
  rng: Rng;
  replyTo: string;
  origin: string;
  /** The client's pid, for its task-sent events. */
  pid?: number;
  /** Route every task to this queue instead of its usual one (celery or email). */
  taskQueue?: string | null;
  /** Share of tasks sent with x-warren-drop-reply. */
  dropReplyRate?: number;
}

export interface CeleryClient {
  /** The task, then its task-sent event (both for the same x-warren-seq). */
  nextTask(seq: number, now: number): [task: OutgoingMessage, sentEvent: OutgoingMessage];
}

export function createCeleryClient({ rng, replyTo, origin, pid = 0, taskQueue = null, dropReplyRate = 0 }: CeleryClientOptions): CeleryClient {
  const events = createClientEventSource(origin, pid);
  const recent: RecentTask[] = [];
  let group: { id: string; rootId: string; name: TaskName; nextIndex: number } | null = null;

  function choose(): RecentTask & { isRetry: boolean } {
    if (group !== null) {
      const index = group.nextIndex++;
      const lineage: TaskLineage = { id: uuid(rng), rootId: group.rootId, parentId: null, groupId: group.id, groupIndex: index, retries: 0 };
      const spec = randomTaskSpec(rng, group.name);
      if (group.nextIndex >= GROUP_SIZE) group = null;
      return { spec, lineage, isRetry: false };
    }
    const roll = rng.next();
    if (roll < 0.03 && recent.length > 0) {
      // A retry republishes the same task id with retries+1 and a back-off eta, as Task.retry() does.
      const prev = pick(rng, recent);
      const retries = prev.lineage.retries + 1;
      return { spec: prev.spec, lineage: { ...prev.lineage, retries }, isRetry: true };
    }
    if (roll < 0.2 && recent.length > 0) {
      const parent = pick(rng, recent).lineage;
      const lineage: TaskLineage = { id: uuid(rng), rootId: parent.rootId, parentId: parent.id, groupId: null, groupIndex: null, retries: 0 };
      return { spec: randomTaskSpec(rng), lineage, isRetry: false };
    }
    if (roll < 0.25) {
      const spec = randomTaskSpec(rng);
      const id = uuid(rng);
      group = { id: uuid(rng), rootId: id, name: spec.name as TaskName, nextIndex: 1 };
      const lineage: TaskLineage = { id, rootId: id, parentId: null, groupId: group.id, groupIndex: 0, retries: 0 };
      return { spec, lineage, isRetry: false };
    }
    const id = uuid(rng);
    return { spec: randomTaskSpec(rng), lineage: { id, rootId: id, parentId: null, groupId: null, groupIndex: null, retries: 0 }, isRetry: false };
  }

  return {
    nextTask(seq, now) {
      const { spec, lineage, isRetry } = choose();
      recent.push({ spec, lineage });
      if (recent.length > RECENT_LIMIT) recent.shift();
      // Exponential back-off, as a typical `self.retry(countdown=...)` would use.
      const backoffMs = 10_000 * 2 ** (lineage.retries - 1);
      const input: CeleryTaskInput = {
        seq,
        spec: taskQueue === null ? spec : { ...spec, queue: taskQueue },
        lineage,
        replyTo,
        origin,
        eta: isRetry ? pyIsoformat(now + backoffMs) : null,
        expires: chance(rng, 0.1) ? pyIsoformat(now + 3_600_000) : null,
        timeLimit: spec.name === 'proj.reports.generate' ? [600, 540] : [null, null],
        // Drawn only when asked for, so a seed replays the same traffic as before this option existed.
        dropReply: dropReplyRate > 0 && chance(rng, dropReplyRate),
      };
      const task = buildCeleryTask(input);
      return [task, buildTaskSentEvent(input, task, events, now)];
    },
  };
}
