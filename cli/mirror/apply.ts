/**
 * Carrying out a plan: record first (so an interrupted apply can still be
 * removed), then each step that is not already in place, in order, then wait
 * for the shovels. Used by `warren mirror apply` and by the local stack.
 */
import { ManagementApiError, type ManagementApi } from '../../stack/management-api.ts';
import { planAgainst, type Apis, type PlannedStep, type Step } from './plan.ts';
import { nextRecord, readRecord, writeRecord, type MirrorRecord } from './record.ts';
import { shovelName } from './setup.ts';

export type Log = (line: string) => void;

export interface ApplyResult {
  planned: PlannedStep[];
  changed: number;
}

export async function applySteps(all: Step[], apis: Apis, log: Log, record: Omit<MirrorRecord, 'created'>): Promise<ApplyResult> {
  const planned = await planAgainst(all, apis);
  const todo = planned.filter((p) => p.state !== 'same');
  const previous = await readRecord(apis.origin, record.originVhost);
  const next = nextRecord(record, previous, planned);
  if (!previous || JSON.stringify(previous) !== JSON.stringify(next)) await writeRecord(apis.origin, next);
  for (const p of todo) {
    const { step } = p;
    await whileQueueRecovers(() => (step.method === 'PUT' ? apis[step.broker].put(step.path, p.body) : apis[step.broker].post(step.path, p.body)));
    log(`${step.broker.padEnd(6)} ${p.state === 'absent' ? 'created' : 'changed'} ${step.description}`);
  }
  return { planned, changed: todo.length };
}

/** How long a durable queue may stay unreachable after its node started. */
const QUEUE_RECOVERY_MS = 30_000;

/**
 * Right after a node (re)starts, its durable queues answer 404 "home node …
 * is down or inaccessible" for a few seconds (a stream's log, osiris, starts
 * after the node reports running): declaring one then is retried, not failed.
 */
async function whileQueueRecovers(request: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + QUEUE_RECOVERY_MS;
  for (;;) {
    try {
      await request();
      return;
    } catch (e) {
      const recovering = e instanceof ManagementApiError && e.status === 404 && /is down or inaccessible/.test(e.message);
      if (!recovering || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export interface ShovelStatus {
  name: string;
  vhost: string;
  state: string;
  reason?: string;
}

export async function shovelStates(origin: ManagementApi, vhost?: string): Promise<ShovelStatus[]> {
  const all = await origin.get<ShovelStatus[]>('/api/shovels');
  return all.filter((s) => s.name.startsWith('warren-') && (vhost === undefined || s.vhost === vhost));
}

/** Resolves once each exchange's shovel in the vhost reports `running`; says which did not, and why, otherwise. */
export async function waitForShovels(origin: ManagementApi, vhost: string, exchanges: string[], timeoutMs = 60_000): Promise<ShovelStatus[]> {
  const wanted = new Set(exchanges.map(shovelName));
  const deadline = Date.now() + timeoutMs;
  let last: ShovelStatus[] = [];
  while (Date.now() < deadline) {
    last = (await shovelStates(origin, vhost)).filter((s) => wanted.has(s.name));
    if (last.filter((s) => s.state === 'running').length === wanted.size) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  const missing = [...wanted].filter((n) => !last.some((s) => s.name === n)).map((n) => `${n}: not reported`);
  const summary = [...last.map((s) => `${s.name}: ${s.state}${s.reason ? ` (${s.reason})` : ''}`), ...missing].join(', ');
  throw new Error(`shovels not running after ${timeoutMs / 1000} s: ${summary}`);
}
