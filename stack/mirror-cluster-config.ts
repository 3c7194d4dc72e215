/**
 * The mirror as a cluster on one machine (WARREN_MIRROR_NODES, or
 * `--mirror-nodes` for `npm run stack:*`; default 1).
 *
 * Node 1 is the mirror as configured. Node i (2..N) is derived from it, never
 * configured on its own, so that moving node 1's ports moves the whole cluster:
 * - nodename: node 1's name with `-<i>` before the `@` (warren-mirror-2@localhost);
 * - folder: `<stack dir>/mirror-<i>`;
 * - every port (AMQP, management, web-stomp, distribution): node 1's plus
 *   10 x (i - 1), so 5673 / 15673 / 15674 / 25673 become 5683 / 15683 /
 *   15684 / 25683 for node 2 and 5693 / 15693 / 15694 / 25693 for node 3.
 *   The variables that move node 1's ports (WARREN_MIRROR_AMQP_PORT,
 *   WARREN_MIRROR_MGMT_PORT, WARREN_WEB_STOMP_PORT, WARREN_MIRROR_DIST_PORT)
 *   are the only way to move the others'.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NodeConfig, Port } from './config.ts';

export const MIRROR_PORT_STRIDE = 10;
/** Ten nodes at a stride of 10 stay clear of the next base port (web-stomp is management + 1). */
export const MAX_MIRROR_NODES = 9;

export function mirrorNodeCount(env: NodeJS.ProcessEnv): number {
  const raw = env.WARREN_MIRROR_NODES;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_MIRROR_NODES) {
    throw new Error(`WARREN_MIRROR_NODES=${raw} is not a mirror node count (1-${MAX_MIRROR_NODES})`);
  }
  return n;
}

/** The environment with `--mirror-nodes N` (or `--mirror-nodes=N`) in `args` as WARREN_MIRROR_NODES: the flag wins. */
export function withMirrorNodesFlag(args: string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { values } = parseArgs({ args, strict: true, options: { 'mirror-nodes': { type: 'string' } } });
  const value = values['mirror-nodes'];
  return value === undefined ? env : { ...env, WARREN_MIRROR_NODES: value };
}

/** `warren-mirror@localhost` -> `warren-mirror-2@localhost`. */
export function clusterNodename(first: string, index: number): string {
  const at = first.indexOf('@');
  return at < 0 ? `${first}-${index}` : `${first.slice(0, at)}-${index}${first.slice(at)}`;
}

const shifted = (p: Port, by: number): Port => ({ port: p.port + by, envVar: p.envVar });

/** Node `index` (1-based) of the mirror cluster; node 1 is `first` itself. */
export function mirrorClusterNode(first: NodeConfig, stackDir: string, index: number): NodeConfig {
  if (index === 1) return first;
  const by = MIRROR_PORT_STRIDE * (index - 1);
  return {
    ...first,
    nodename: clusterNodename(first.nodename, index),
    amqpPort: shifted(first.amqpPort, by),
    distPort: shifted(first.distPort, by),
    managementPort: shifted(first.managementPort, by),
    webStompPort: first.webStompPort && shifted(first.webStompPort, by),
    dir: resolve(stackDir, `mirror-${index}`),
    label: `mirror-${index}`,
  };
}

export function mirrorClusterNodes(first: NodeConfig, stackDir: string, count: number): [NodeConfig, ...NodeConfig[]] {
  const others = Array.from({ length: count - 1 }, (_, i) => mirrorClusterNode(first, stackDir, i + 2));
  return [first, ...others];
}

/** How logs and errors name a node: "origin", "mirror", "mirror-2". */
export const nodeLabel = (node: NodeConfig) => node.label ?? node.role;
