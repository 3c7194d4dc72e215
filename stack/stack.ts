/** Bringing the whole local stack up and down, and reporting on it. */
import type { StackConfig } from './config.ts';
import { ensureLoopbackEpmd } from './epmd.ts';
import { livePid, managementApi, rabbitmqInstalled, startNode, stopNode } from './rabbitmq-node.ts';
import { provisionStack, shovelStates, waitForShovels } from './provision.ts';
import { joinMirrorCluster, mirrorNodesToStop, replicateHistoryStreams, unconfiguredClusterNodes } from './mirror-cluster.ts';
import { reportMirrorCluster } from './mirror-cluster-status.ts';
import { nodeLabel } from './mirror-cluster-config.ts';

type Log = (line: string) => void;

export function assertRabbitmqInstalled(): void {
  if (rabbitmqInstalled()) return;
  throw new Error(
    "RabbitMQ is not installed. On Debian or Ubuntu, as root: apt-get install -y rabbitmq-server " +
      '(npm start and npm test do this for you when run as root). Elsewhere install RabbitMQ 3.10+ ' +
      'and point WARREN_RABBITMQ_BIN at the folder holding rabbitmq-server and rabbitmqctl.',
  );
}

/** Idempotent: starts what is not running, provisions both nodes, waits for the shovels. */
export async function stackUp(config: StackConfig, log: Log): Promise<void> {
  assertRabbitmqInstalled();
  const started = Date.now();
  ensureLoopbackEpmd(log);
  for (const n of unconfiguredClusterNodes(config)) {
    log(`warning: ${n.nodename} (${n.dir}) was a mirror cluster node here and is not started now: the others may wait for it at boot; ` +
      `start with --mirror-nodes ${config.mirrors.length + 1} or more, or delete the mirror folders to start afresh`);
  }
  // Every node boots in parallel: most of a start is the Erlang VM warming up.
  await Promise.all([...config.mirrors.map((m) => startNode(config, m, log)), startNode(config, config.origin, log)]);
  // Before provisioning, so that the history streams are declared with a replica on every node.
  await joinMirrorCluster(config, log);
  // The plan `warren mirror apply` runs (mirror first: a shovel whose destination is missing fails and waits to retry).
  const origin = managementApi(config, config.origin);
  const changed = await provisionStack({ origin, mirror: managementApi(config, config.mirror) }, config, () => undefined);
  log(changed === 0 ? 'provisioning: everything already in place' : `provisioning: ${changed} object(s) created or changed`);
  await replicateHistoryStreams(config, log);
  const shovels = await waitForShovels(origin, config);
  log(`shovels running: ${shovels.map((s) => s.name).join(', ')}`);
  log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function stackDown(config: StackConfig, log: Log): Promise<void> {
  await Promise.all([stopNode(config, config.origin, log), ...mirrorNodesToStop(config).map((m) => stopNode(config, m, log))]);
}

interface Overview {
  node: string;
  /** In a cluster, every member's listeners, each with its node. */
  listeners: { protocol: string; ip_address: string; port: number; node?: string }[];
  rabbitmq_version: string;
}

export async function stackStatus(config: StackConfig, log: Log): Promise<boolean> {
  let healthy = true;
  for (const node of [config.origin, ...config.mirrors]) {
    const pid = livePid(node);
    try {
      const o = await managementApi(config, node).get<Overview>('/api/overview', 3000);
      const listeners = o.listeners.filter((l) => l.node === undefined || l.node === o.node).map((l) => `${l.protocol} ${l.ip_address}:${l.port}`).join(', ');
      log(`${nodeLabel(node)}: running ${o.node} (RabbitMQ ${o.rabbitmq_version}, pid ${pid ?? '?'})`);
      log(`  listeners: ${listeners}`);
    } catch {
      healthy = false;
      log(`${nodeLabel(node)}: ${pid === null ? 'stopped' : `pid ${pid} alive but not answering`} (${node.nodename})`);
    }
  }
  if (config.mirrors.length > 1 && !(await reportMirrorCluster(config, log))) healthy = false;
  try {
    const shovels = await shovelStates(managementApi(config, config.origin));
    for (const s of shovels) {
      // On a cluster, the node each shovel delivers to now (it picks one of its dest-uri list).
      const to = config.mirrors.length > 1 && s.dest_uri ? ` -> ${s.dest_uri}` : '';
      log(`shovel ${s.name}: ${s.state}${to}${s.reason ? ` (${s.reason})` : ''}`);
      if (s.state !== 'running') healthy = false;
    }
  } catch {
    log('shovels: unknown (origin not answering)');
  }
  return healthy;
}
