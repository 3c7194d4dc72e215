/**
 * `warren mirror status`: per shovel state, backlog on the origin, mirror
 * lag, the mirror's subscription queues and history streams. Unhealthy (exit
 * 1): no record, a shovel missing or not running, a shovel queue missing or
 * more than half full (the bound then starts dropping the oldest copies).
 */
import { seg } from '../../stack/management-api.ts';
import type { MirrorOptions } from './args.ts';
import { shovelStates } from './apply.ts';
import { sampleLag } from './lag.ts';
import type { Output } from './mask.ts';
import { current, type Apis } from './plan.ts';
import { readRecord } from './record.ts';
import { historyQueueName, mirrorExchangeName, SHOVEL_QUEUE_POLICY, shovelName, shovelQueueName, SUBSCRIPTION_QUEUE_PATTERN } from './setup.ts';

interface QueueInfo {
  name: string;
  messages?: number;
  consumers?: number;
  type?: string;
}

export async function mirrorStatus(opts: MirrorOptions, apis: Apis, out: Output): Promise<boolean> {
  const ov = opts.origin.vhost;
  const mv = opts.mirror.vhost;
  const record = await readRecord(apis.origin, ov);
  if (!record) {
    out.line(`status: no mirroring recorded on the origin for vhost "${ov}" (global parameter warren-mirror-${ov}): run warren mirror apply`);
    return false;
  }
  let healthy = true;
  const exchanges = opts.exchanges.length ? opts.exchanges : record.exchanges;
  out.line(`origin ${opts.origin.url} vhost "${ov}" -> mirror ${record.mirror} vhost "${record.mirrorVhost}"`);
  const shovels = await shovelStates(apis.origin, ov);
  const policy = (await current(apis.origin, `/api/policies/${seg(ov)}/${SHOVEL_QUEUE_POLICY}`)) as { definition?: { 'max-length'?: number } } | undefined;
  const bound = policy?.definition?.['max-length'];
  for (const ex of exchanges) {
    const s = shovels.find((x) => x.name === shovelName(ex));
    const q = (await current(apis.origin, `/api/queues/${seg(ov)}/${seg(shovelQueueName(ex))}`)) as QueueInfo | undefined;
    const backlog = q?.messages ?? 0;
    const full = bound !== undefined && backlog > bound / 2;
    if (!s || s.state !== 'running' || !q || full) healthy = false;
    const state = s ? `${s.state}${s.reason ? ` (${s.reason})` : ''}` : 'missing';
    const queue = q ? `backlog ${backlog}${bound !== undefined ? ` of ${bound}` : ''}${full ? ' (over half the bound: the oldest copies will be dropped)' : ''}` : `queue ${shovelQueueName(ex)} missing`;
    out.line(`shovel ${shovelName(ex)}: ${state}; ${queue}`);
  }
  const setup = { originName: record.originName };
  const lags = await sampleLag(opts, exchanges.map((e) => historyQueueName(mirrorExchangeName(setup, e))));
  for (const ex of exchanges) {
    const stream = historyQueueName(mirrorExchangeName(setup, ex));
    const q = (await current(apis.mirror, `/api/queues/${seg(mv)}/${seg(stream)}`)) as QueueInfo | undefined;
    const lag = lags.get(stream) ?? 'unknown';
    out.line(`history ${stream}: ${q ? `${q.messages ?? 0} messages` : 'absent (no streams on this mirror)'}; lag: ${lag}`);
  }
  const queues = await apis.mirror.get<QueueInfo[]>(`/api/queues/${seg(mv)}?columns=name,messages,consumers`);
  const subs = queues.filter((q) => new RegExp(SUBSCRIPTION_QUEUE_PATTERN).test(q.name));
  out.line(`subscription queues on the mirror: ${subs.length}`);
  for (const q of subs) out.line(`  ${q.name}: ${q.consumers ?? 0} consumer(s), ${q.messages ?? 0} waiting`);
  out.line(`status: ${healthy ? 'healthy' : 'UNHEALTHY'}`);
  return healthy;
}
