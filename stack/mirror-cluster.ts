/**
 * Forming the mirror cluster (WARREN_MIRROR_NODES > 1): nodes 2..N join node 1
 * with rabbitmqctl, the way an operator would. Idempotent: a member, running or
 * restarted after a crash, rejoins by itself at boot and is left alone; only a
 * node that is not a member yet is reset and joined.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NodeConfig, StackConfig } from './config.ts';
import { mirrorClusterNode, nodeLabel } from './mirror-cluster-config.ts';
import { answersAsNode, managementApi, rabbitmqctl } from './rabbitmq-node.ts';
import { HISTORY_QUEUE_PATTERN } from '../cli/mirror/setup.ts';

type Log = (line: string) => void;

export interface ClusterMembership {
  /** Every member (disc nodes; this stack makes no RAM nodes). */
  members: string[];
  running: string[];
}

/** One node's view of its cluster, through its management API (a CLI call costs a VM start, seconds here). */
export async function clusterMembership(config: StackConfig, node: NodeConfig): Promise<ClusterMembership> {
  const nodes = await managementApi(config, node).get<{ name: string; running: boolean }[]>('/api/nodes?columns=name,running', 10_000);
  return { members: nodes.map((n) => n.name), running: nodes.filter((n) => n.running).map((n) => n.name) };
}

/** Joins every mirror node after the first to the first; the nodes are running (stackUp started them). */
export async function joinMirrorCluster(config: StackConfig, log: Log): Promise<void> {
  const first = config.mirror;
  const others = config.mirrors.slice(1);
  if (others.length === 0) return;
  const started = Date.now();
  const seen = await clusterMembership(config, first);
  // A member, running or restarted after a crash, knows the cluster from its own database.
  const joining = [];
  for (const node of others) if (!(await clusterMembership(config, node)).members.includes(first.nodename)) joining.push(node);
  // Leaving their own one-node clusters in parallel; joining one at a time (concurrent joins race on the schema).
  await Promise.all(
    joining.map(async (node) => {
      log(`${nodeLabel(node)}: joining ${first.nodename}`);
      await rabbitmqctl(config, node, ['stop_app']);
      // A member whose own database was lost: the cluster forgets it before it joins afresh.
      if (seen.members.includes(node.nodename)) await rabbitmqctl(config, first, ['forget_cluster_node', node.nodename]);
      await rabbitmqctl(config, node, ['reset']);
    }),
  );
  for (const node of joining) await rabbitmqctl(config, node, ['join_cluster', first.nodename]);
  await Promise.all(
    joining.map(async (node) => {
      await rabbitmqctl(config, node, ['start_app']);
      await waitUntilAnswering(config, node);
    }),
  );
  const status = await clusterMembership(config, first);
  const what = joining.length === 0 ? 'already formed' : `${joining.length} node(s) joined in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  log(`mirror cluster: ${what}; ${status.running.length} of ${status.members.length} members running`);
}

async function waitUntilAnswering(config: StackConfig, node: NodeConfig): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await answersAsNode(config, node))) {
    if (Date.now() > deadline) throw new Error(`${nodeLabel(node)} did not answer within 60 s of start_app: see ${resolve(node.dir, 'log')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The configured mirror nodes plus any other this stack folder has held
 * (`mirror-<i>`): `stack:down` stops them whatever the count is now.
 */
export function mirrorNodesToStop(config: StackConfig): NodeConfig[] {
  const configured = new Set(config.mirrors.map((n) => n.nodename));
  const onDisk = existsSync(config.dir) ? readdirSync(config.dir) : [];
  const extra = onDisk
    .map((name) => /^mirror-(\d+)$/.exec(name)?.[1])
    .filter((i) => i !== undefined)
    .map((i) => mirrorClusterNode(config.mirror, config.dir, Number(i)))
    .filter((n) => !configured.has(n.nodename));
  return [...config.mirrors, ...extra];
}

/** Folders of cluster nodes beyond the configured count: node 1 waits for them at boot if they were members. */
export function unconfiguredClusterNodes(config: StackConfig): NodeConfig[] {
  return mirrorNodesToStop(config).slice(config.mirrors.length).filter((n) => existsSync(resolve(n.dir, 'mnesia')));
}

/**
 * `x-initial-cluster-size` counts only when a stream is declared: a stream
 * made while the mirror had fewer nodes keeps its few replicas, and losing
 * the node that holds them stops the history and, through the shovel's
 * unconfirmed window, the live traffic too. Adds a replica on every running
 * node that lacks one (`rabbitmq-streams add_replica`); nothing to do on a
 * cluster formed before its streams were declared.
 */
export async function replicateHistoryStreams(config: StackConfig, log: Log): Promise<void> {
  if (config.mirrors.length < 2) return;
  const streams = await managementApi(config, config.mirror).get<{ name: string; type?: string; members?: string[] }[]>(
    `/api/queues/${encodeURIComponent(config.vhost)}?columns=name,type,members`,
    10_000,
  );
  for (const stream of streams.filter((q) => q.type === 'stream' && new RegExp(HISTORY_QUEUE_PATTERN).test(q.name))) {
    // The management API fills in members a few seconds after a restart: no list, nothing known to add.
    if (!stream.members || stream.members.length === 0) continue;
    for (const node of config.mirrors.filter((n) => !stream.members?.includes(n.nodename))) {
      await rabbitmqctl(config, config.mirror, ['add_replica', '--vhost', config.vhost, stream.name, node.nodename], 60_000, 'rabbitmq-streams');
      log(`${stream.name}: replica added on ${nodeLabel(node)}`);
    }
  }
}
