/**
 * `stack:status` for a mirror cluster: its members, and which node leads
 * which queue. Read from whichever mirror node answers (every node's
 * management API speaks for the whole cluster).
 */
import type { StackConfig } from './config.ts';
import { managementApi } from './rabbitmq-node.ts';
import { HISTORY_QUEUE_PATTERN, SUBSCRIPTION_QUEUE_PATTERN } from '../cli/mirror/setup.ts';

type Log = (line: string) => void;

interface ClusterNode {
  name: string;
  running: boolean;
}

export interface QueuePlacement {
  name: string;
  type?: string;
  /** Classic queues: the node that holds the queue. */
  node?: string;
  /** Quorum and stream queues: the node holding the leader, and every replica's node. */
  leader?: string;
  members?: string[];
  online?: string[];
}

/** Where a queue's leader is: `leader` for quorum queues and streams, `node` for classic ones. */
export const leaderNode = (q: QueuePlacement): string => q.leader ?? q.node ?? '?';

/** How many queues each node leads, node names sorted. */
export function leadersPerNode(queues: QueuePlacement[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const q of queues) counts.set(leaderNode(q), (counts.get(leaderNode(q)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Logs the cluster's members and queue leaders; false when a member is down or no node answers. */
export async function reportMirrorCluster(config: StackConfig, log: Log): Promise<boolean> {
  for (const node of config.mirrors) {
    const api = managementApi(config, node);
    let nodes: ClusterNode[];
    let queues: QueuePlacement[];
    try {
      nodes = await api.get<ClusterNode[]>('/api/nodes?columns=name,running', 3000);
      queues = await api.get<QueuePlacement[]>(`/api/queues/${encodeURIComponent(config.vhost)}?columns=name,type,node,leader,members,online`, 5000);
    } catch {
      continue;
    }
    log(`mirror cluster (as seen by ${node.nodename}): ${nodes.map((n) => `${n.name} ${n.running ? 'running' : 'NOT RUNNING'}`).join(', ')}`);
    const history = queues.filter((q) => new RegExp(HISTORY_QUEUE_PATTERN).test(q.name));
    for (const q of history) {
      const members = q.members ?? [];
      const online = q.online ?? [];
      // A stream declared while the mirror had one node keeps one replica (x-initial-cluster-size acts at declaration only).
      const fewer = members.length > 0 && members.length < nodes.length ? '; npm run stack:up adds them (rabbitmq-streams add_replica)' : '';
      // The management API reports a stream's replicas only once its first statistics are in, seconds after a start.
      const replicas = members.length > 0 ? `${members.length} member(s) (${online.length} online)` : 'replicas not reported yet (ask again in a few seconds)';
      log(`  ${q.name}: leader ${leaderNode(q)}, ${replicas}${fewer}`);
    }
    const subscriptions = queues.filter((q) => new RegExp(SUBSCRIPTION_QUEUE_PATTERN).test(q.name));
    const perNode = leadersPerNode(subscriptions).map(([n, c]) => `${n} ${c}`).join(', ');
    log(`  subscription queues: ${subscriptions.length}${subscriptions.length ? ` (leaders: ${perNode})` : ''}`);
    const others = queues.length - history.length - subscriptions.length;
    if (others > 0) log(`  other queues: ${others} (leaders: ${leadersPerNode(queues.filter((q) => !history.includes(q) && !subscriptions.includes(q))).map(([n, c]) => `${n} ${c}`).join(', ')})`);
    return nodes.every((n) => n.running);
  }
  log('mirror cluster: no mirror node answers');
  return false;
}
