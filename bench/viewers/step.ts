/**
 * One step of the viewers ladder: N viewers (or none: the baseline) watch
 * while the origin publishes at a steady rate for a fixed window; what the
 * mirror node(s) spent (CPU from /proc, memory from the node itself), what
 * each viewer got, and how deep the queues went.
 */
import type { ManagementApi } from '../../stack/management-api.ts';
import { shovelQueueName } from '../../stack/provision.ts';
import { benchMessage, runPrefix } from '../messages.ts';
import { publishPaced } from '../publish.ts';
import { median, sleep } from '../stats.ts';
import { keepsUp, MAX_QUEUE_SECONDS } from './model.ts';

/** After the keep-up deadline, how much longer a step waits for the rest (for the tail and 'got everything eventually'). */
const LATE_DRAIN_MS = 10_000;
import { measureCpu, rssBytes, type GroupCpu } from './pid-usage.ts';
import { sampleViewerQueues } from './queue-depths.ts';
import type { ViewerMode, ViewerStats } from './viewer.ts';
import { ViewerGroup } from './viewer-group.ts';

/** Who watches in a step: a group of headless viewers, or a real page (page-step.ts). */
export interface Watchers {
  /** Their processes, whose CPU is reported as 'viewers' (none for a page: not the mirror's cost). */
  pids: number[];
  /** The smallest distinct count so far. */
  slowest(): Promise<number>;
  collect(): Promise<Pick<ViewerStats, 'distinct' | 'lastAt' | 'perSecond' | 'error'>[]>;
  close(): Promise<void>;
}

/** Opens the watchers of a step: they count seqs `seqFrom`..`seqTo` of messages under `prefix`. */
export type OpenWatchers = (prefix: string, seqFrom: number, seqTo: number) => Promise<Watchers>;

export function openViewerGroup(ctx: ViewersContext, mode: ViewerMode, count: number): OpenWatchers {
  return async (_prefix, seqFrom, seqTo) => {
    const group = await ViewerGroup.open({
      urls: ctx.urls,
      count,
      login: ctx.login,
      passcode: ctx.passcode,
      vhost: ctx.vhost,
      exchange: ctx.exchange,
      mode,
      seqFrom,
      seqTo,
    });
    return { pids: group.pids, slowest: () => Promise.resolve(group.slowest), collect: () => group.collect(), close: () => group.close() };
  };
}

export interface MirrorNode {
  nodename: string;
  pid: number | null;
  webStompUrl: string;
}

export interface ViewersContext {
  /** Every mirror node (CPU and memory add up over them). */
  mirrors: MirrorNode[];
  /** Where viewers connect, viewer i to urls[i mod length]. */
  urls: string[];
  /** The mirror's (any cluster member's) management API, and the origin's. */
  mirrorApi: ManagementApi;
  originApi: ManagementApi;
  originPid: number | null;
  login: string;
  passcode: string;
  vhost: string;
  exchange: string;
  rate: number;
  seconds: number;
}

export interface StepResult {
  mode: ViewerMode | 'baseline' | 'page';
  viewers: number;
  published: number;
  /** msg/s actually published over the window. */
  rate: number;
  cpu: GroupCpu;
  /** Mirror node(s) together: Erlang's own total (live) and RSS, before the viewers connected and at the end of the window. */
  memory: { erlangBefore: number; erlangLoaded: number; rssBefore: number; rssLoaded: number };
  /**
   * Per viewer: share of the published it got within window + drain (and
   * after the late drain), msg/s over the window's whole seconds, and those
   * rates summed: the deliveries per second the mirror made.
   */
  delivered: { minShare: number; medianShare: number; eventualMinShare: number; minRate: number; medianRate: number; totalRate: number };
  /** From the end of publishing to the last message of the slowest viewer, ms. */
  tailMs: number;
  peakViewerQueue: number;
  peakShovelQueue: number;
  viewerErrors: string[];
  keptUp: boolean;
}

/** NaN when a node does not answer in time (a busy box): the step still counts, its memory row says '?'. */
async function erlangMemory(api: ManagementApi, nodes: MirrorNode[]): Promise<number> {
  const totals = await Promise.all(
    nodes.map((n) =>
      api
        .get<{ memory?: { total?: { erlang?: number } } }>(`/api/nodes/${encodeURIComponent(n.nodename)}?memory=true`, 15_000)
        .then((r) => r.memory?.total?.erlang ?? NaN)
        .catch(() => NaN),
    ),
  );
  return totals.reduce((s, v) => s + v, 0);
}

const rssOf = (nodes: MirrorNode[]) => nodes.reduce((s, n) => s + (n.pid === null ? 0 : rssBytes(n.pid)), 0);

/**
 * Before the next step: a step that fell behind leaves a backlog on the
 * shovel's queue that the mirror works off for a while (and the next step
 * would be charged for). Waits for two zero readings in a row (the counts
 * lag by the stats interval), at most a minute, then lets the nodes settle.
 */
async function settle(ctx: ViewersContext): Promise<void> {
  const path = `/api/queues/${encodeURIComponent(ctx.vhost)}/${encodeURIComponent(shovelQueueName(ctx.exchange))}?columns=messages`;
  let zeros = 0;
  for (const until = Date.now() + 60_000; zeros < 2 && Date.now() < until; await sleep(2000)) {
    const depth = await ctx.originApi.get<{ messages?: number }>(path, 5000).then((q) => q.messages ?? 0, () => 1);
    zeros = depth === 0 ? zeros + 1 : 0;
  }
  await sleep(1500);
}

/** msg/s over the whole epoch seconds inside [startedAt, endedAt). */
function windowRate(perSecond: Record<number, number>, startedAt: number, endedAt: number): number {
  const from = Math.ceil(startedAt / 1000);
  const to = Math.floor(endedAt / 1000);
  if (to <= from) return NaN;
  let sum = 0;
  for (let s = from; s < to; s++) sum += perSecond[s] ?? 0;
  return sum / (to - from);
}

/**
 * Seqs are unique across the run (`seqBase` + 1..published), so no viewer
 * counts another step's message. `open` null: the baseline, nobody watching.
 */
export async function runStep(ctx: ViewersContext, mode: StepResult['mode'], count: number, open: OpenWatchers | null, seqBase: number, drainMs: number): Promise<StepResult> {
  const total = Math.round(ctx.rate * ctx.seconds);
  const prefix = runPrefix(`viewers-${mode}`);
  const erlangBefore = await erlangMemory(ctx.mirrorApi, ctx.mirrors);
  const rssBefore = rssOf(ctx.mirrors);
  const group = open === null ? null : await open(prefix, seqBase + 1, seqBase + total);
  try {
    await sleep(1000);
    const mirrorPids = ctx.mirrors.map((m) => m.pid).filter((p) => p !== null);
    const perNode = Object.fromEntries(ctx.mirrors.map((m) => [`mirror ${m.nodename}`, m.pid === null ? [] : [m.pid]]));
    const stopCpu = measureCpu({ mirror: mirrorPids, ...(ctx.mirrors.length > 1 ? perNode : {}), origin: ctx.originPid === null ? [] : [ctx.originPid], viewers: group?.pids ?? [], 'bench (publisher)': [process.pid] });
    const stopQueues = sampleViewerQueues(ctx.mirrorApi, ctx.originApi);
    const publish = await publishPaced(ctx.rate, ctx.seconds, (seq) => benchMessage(prefix, seqBase + seq));
    const cpu = stopCpu();
    const [erlangLoaded, rssLoaded] = [await erlangMemory(ctx.mirrorApi, ctx.mirrors), rssOf(ctx.mirrors)];
    const waitFor = async (until: number) => {
      while (group && (await group.slowest()) < total && Date.now() < until) await sleep(100);
    };
    // Keeping up is judged a short drain after the last publish; the step then waits longer, to see whether everything arrives at all.
    await waitFor(publish.endedAt + drainMs);
    const atDeadline = group ? await group.collect() : [];
    const queues = await stopQueues();
    await waitFor(Date.now() + LATE_DRAIN_MS);
    const stats = group ? await group.collect() : [];
    const shares = atDeadline.map((s) => s.distinct / total);
    const rates = stats.map((s) => windowRate(s.perSecond, publish.startedAt, publish.endedAt));
    const step = { published: total, distinct: atDeadline.map((s) => s.distinct), peakViewerQueue: queues.peakViewerQueue, peakShovelQueue: queues.peakShovelQueue };
    return {
      mode,
      viewers: count,
      published: total,
      rate: publish.rate,
      cpu,
      memory: { erlangBefore, erlangLoaded, rssBefore, rssLoaded },
      delivered: {
        minShare: Math.min(...shares),
        medianShare: median(shares),
        eventualMinShare: Math.min(...stats.map((s) => s.distinct / total)),
        minRate: Math.min(...rates),
        medianRate: median(rates),
        totalRate: rates.reduce((sum, r) => sum + (Number.isFinite(r) ? r : 0), 0),
      },
      tailMs: Math.max(0, ...stats.map((s) => s.lastAt - publish.endedAt)),
      peakViewerQueue: queues.peakViewerQueue,
      peakShovelQueue: queues.peakShovelQueue,
      viewerErrors: stats.map((s) => s.error).filter((e) => e !== null),
      keptUp: group === null ? queues.peakShovelQueue <= ctx.rate * MAX_QUEUE_SECONDS : keepsUp(step, ctx.rate),
    };
  } finally {
    await group?.close();
    await settle(ctx);
  }
}
