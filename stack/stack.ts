/** Bringing the whole local stack up and down, and reporting on it. */
import type { StackConfig } from './config.ts';
import { ensureLoopbackEpmd } from './epmd.ts';
import { livePid, managementApi, rabbitmqInstalled, startNode, stopNode } from './rabbitmq-node.ts';
import { provisionStack, shovelStates, waitForShovels } from './provision.ts';

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
  // The two nodes boot in parallel: most of a start is the Erlang VM warming up.
  await Promise.all([startNode(config, config.mirror, log), startNode(config, config.origin, log)]);
  // The plan `warren mirror apply` runs (mirror first: a shovel whose destination is missing fails and waits to retry).
  const origin = managementApi(config, config.origin);
  const changed = await provisionStack({ origin, mirror: managementApi(config, config.mirror) }, config, () => undefined);
  log(changed === 0 ? 'provisioning: everything already in place' : `provisioning: ${changed} object(s) created or changed`);
  const shovels = await waitForShovels(origin, config);
  log(`shovels running: ${shovels.map((s) => s.name).join(', ')}`);
  log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function stackDown(config: StackConfig, log: Log): Promise<void> {
  await Promise.all([stopNode(config, config.origin, log), stopNode(config, config.mirror, log)]);
}

interface Overview {
  node: string;
  listeners: { protocol: string; ip_address: string; port: number }[];
  rabbitmq_version: string;
}

export async function stackStatus(config: StackConfig, log: Log): Promise<boolean> {
  let healthy = true;
  for (const node of [config.origin, config.mirror]) {
    const pid = livePid(node);
    try {
      const o = await managementApi(config, node).get<Overview>('/api/overview', 3000);
      const listeners = o.listeners.map((l) => `${l.protocol} ${l.ip_address}:${l.port}`).join(', ');
      log(`${node.role}: running ${o.node} (RabbitMQ ${o.rabbitmq_version}, pid ${pid ?? '?'})`);
      log(`  listeners: ${listeners}`);
    } catch {
      healthy = false;
      log(`${node.role}: ${pid === null ? 'stopped' : `pid ${pid} alive but not answering`} (${node.nodename})`);
    }
  }
  try {
    const shovels = await shovelStates(managementApi(config, config.origin));
    for (const s of shovels) {
      log(`shovel ${s.name}: ${s.state}${s.reason ? ` (${s.reason})` : ''}`);
      if (s.state !== 'running') healthy = false;
    }
  } catch {
    log('shovels: unknown (origin not answering)');
  }
  return healthy;
}
