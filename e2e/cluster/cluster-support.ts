/**
 * What the cluster tests ask of the three-node mirror: which node holds what,
 * read through the management API of whichever node answers (each speaks for
 * the whole cluster), so a test can ask while one node is dead.
 */
import { loadStackConfig, webStompUrls } from '../../stack/config.ts';
import { managementApi } from '../../stack/rabbitmq-node.ts';
import type { QueuePlacement } from '../../stack/mirror-cluster-status.ts';

export const cluster = loadStackConfig();

/** The node index (in the page's broker list and mirrorNodeConfigs()) of an Erlang node name. */
export function nodeIndex(nodename: string): number {
  const index = cluster.mirrors.findIndex((n) => n.nodename === nodename);
  if (index < 0) throw new Error(`${nodename} is not one of this stack's mirror nodes`);
  return index;
}

async function askAnyNode<T>(path: string): Promise<T> {
  let last: unknown = null;
  for (const node of cluster.mirrors) {
    try {
      return await managementApi(cluster, node).get<T>(path, 5000);
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`no mirror node answers ${path}: ${last instanceof Error ? last.message : String(last)}`);
}

export const queuePlacement = (queue: string) =>
  askAnyNode<QueuePlacement>(`/api/queues/${encodeURIComponent(cluster.vhost)}/${encodeURIComponent(queue)}?columns=name,type,node,leader,members,online`);

export interface QueueDepth {
  name: string;
  type: string;
  messages_ready?: number;
  effective_policy_definition?: Record<string, unknown>;
}

export const mirrorQueueDepths = () =>
  askAnyNode<QueueDepth[]>(`/api/queues/${encodeURIComponent(cluster.vhost)}?columns=name,type,messages_ready,effective_policy_definition`);

/** The mirror nodes the shovels' connections are on (as the mirror sees them), most used first. */
export async function shovelConnectionNodes(): Promise<number[]> {
  const connections = await askAnyNode<{ user: string; node: string }[]>('/api/connections?columns=user,node');
  const counts = new Map<number, number>();
  for (const c of connections) if (c.user === cluster.shovelUser.login) counts.set(nodeIndex(c.node), (counts.get(nodeIndex(c.node)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([index]) => index);
}

/** The page's URL with the broker list in this order (the served config has the passcode for these same URLs). */
export function dashboardPath(brokerOrder: number[], params: Record<string, string>): string {
  const urls = webStompUrls(cluster);
  const search = new URLSearchParams(params);
  for (const i of brokerOrder) search.append('broker', urls[i] ?? '');
  return `/?${search}`;
}
