/**
 * One local RabbitMQ node from Debian's rabbitmq-server package, run straight
 * from /usr/lib/rabbitmq/bin (not the /usr/sbin wrapper, which switches to the
 * `rabbitmq` user and so could not reach a checkout under /root). Everything
 * the node writes lives under the stack folder; the Erlang cookie too, through
 * HOME, so our CLI calls never depend on the machine's own cookie.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { NodeConfig, StackConfig } from './config.ts';
import { ManagementApi } from './management-api.ts';
import { nodeLabel } from './mirror-cluster-config.ts';
import { describePortOwner, isPortInUse } from './ports.ts';

const RABBIT_BIN = process.env.WARREN_RABBITMQ_BIN ?? '/usr/lib/rabbitmq/bin';
const execFileAsync = promisify(execFile);

function rabbitConf(node: NodeConfig): string {
  const lines = [
    `listeners.tcp.1 = 127.0.0.1:${node.amqpPort.port}`,
    'management.tcp.ip = 127.0.0.1',
    `management.tcp.port = ${node.managementPort.port}`,
    'loopback_users.guest = true',
    'log.console = false',
    'log.file.level = info',
  ];
  if (node.webStompPort) {
    lines.push(
      'web_stomp.tcp.ip = 127.0.0.1',
      `web_stomp.tcp.port = ${node.webStompPort.port}`,
      'web_stomp.ws_path = /ws',
      // Text frames must be UTF-8: one binary payload would kill the browser's socket.
      'web_stomp.ws_frame = binary',
      // On by default: zlib on the mirror and in the browser for every frame,
      // wasted on loopback or a LAN (npm run bench measured it). A tracer over
      // a slow WAN link can turn it back on with WARREN_WEB_STOMP_COMPRESS=1.
      `web_stomp.ws_opts.compress = ${node.webStompCompress === true}`,
      // web_stomp pulls in the STOMP TCP plugin, whose listener binds every interface.
      'stomp.listeners.tcp = none',
    );
  }
  return lines.join('\n') + '\n';
}

export function nodeEnv(config: StackConfig, node: NodeConfig): NodeJS.ProcessEnv {
  // Erlang writes the cookie into HOME and, when it cannot, leaves an
  // erl_crash.dump in the working directory: both belong in the state folder.
  mkdirSync(config.dir, { recursive: true });
  return {
    ...process.env,
    HOME: config.dir,
    ERL_CRASH_DUMP: resolve(config.dir, 'erl_crash.dump'),
    RABBITMQ_NODENAME: node.nodename,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(node.amqpPort.port),
    RABBITMQ_DIST_PORT: String(node.distPort.port),
    RABBITMQ_CONFIG_FILE: resolve(node.dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: resolve(node.dir, 'advanced.config'),
    RABBITMQ_CONF_ENV_FILE: resolve(node.dir, 'rabbitmq-env.conf'),
    RABBITMQ_ENABLED_PLUGINS_FILE: resolve(node.dir, 'enabled_plugins'),
    RABBITMQ_MNESIA_BASE: resolve(node.dir, 'mnesia'),
    RABBITMQ_LOG_BASE: resolve(node.dir, 'log'),
    // Keep Erlang distribution and epmd on loopback as well.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_ADDRESS: '127.0.0.1',
  };
}

function writeNodeFiles(node: NodeConfig): void {
  for (const sub of ['mnesia', 'log']) mkdirSync(resolve(node.dir, sub), { recursive: true });
  writeFileSync(resolve(node.dir, 'rabbitmq.conf'), rabbitConf(node));
  writeFileSync(resolve(node.dir, 'enabled_plugins'), `[${node.plugins.join(',')}].\n`);
  writeFileSync(resolve(node.dir, 'rabbitmq-env.conf'), '# Warren: settings come from the environment\n');
}

/**
 * The pid of our node's Erlang VM, or null. RabbitMQ 3.10 writes no pid file
 * when run in the foreground, and the node name is not on the command line, so
 * the VM is recognised by the RABBITMQ_NODENAME it was started with. This also
 * finds a node whose start-up is still under way, or one left behind by a
 * killed session.
 */
export function livePid(node: NodeConfig): number | null {
  const marker = `RABBITMQ_NODENAME=${node.nodename}\0`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('beam')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker)) return Number(entry);
    } catch {
      /* exited meanwhile, or not ours to read */
    }
  }
  return null;
}

export function managementApi(config: StackConfig, node: NodeConfig): ManagementApi {
  return new ManagementApi(`http://127.0.0.1:${node.managementPort.port}`, config.admin);
}

/** True when the management API answers as this very node. */
export async function answersAsNode(config: StackConfig, node: NodeConfig): Promise<boolean> {
  try {
    const overview = await managementApi(config, node).get<{ node: string }>('/api/overview', 2000);
    return overview.node === node.nodename;
  } catch {
    return false;
  }
}

export function rabbitmqInstalled(): boolean {
  return existsSync(resolve(RABBIT_BIN, 'rabbitmq-server'));
}

async function assertPortsFree(node: NodeConfig): Promise<void> {
  const ports = [node.amqpPort, node.distPort, node.managementPort, node.webStompPort].filter((p) => p !== null);
  for (const p of ports) {
    if (await isPortInUse(p.port)) {
      throw new Error(
        `Port ${p.port} (the ${nodeLabel(node)} node's, set by ${p.envVar}) is already taken by ${describePortOwner(p.port)}, ` +
          `which is not Warren's ${nodeLabel(node)} node. Stop that program or choose another port: ${p.envVar}=<port> npm start`,
      );
    }
  }
}

/** Starts the node unless it already runs; resolves once its management API answers. */
export async function startNode(config: StackConfig, node: NodeConfig, log: (line: string) => void): Promise<void> {
  if (await answersAsNode(config, node)) {
    log(`${nodeLabel(node)}: already running as ${node.nodename}`);
    return;
  }
  try {
    await bootNode(config, node, log);
  } catch (e) {
    if (!(e instanceof NodeExitedError)) throw e;
    // Seen once on a cluster node started again right after a kill -9 (fresh-clone CI,
    // 2026-12-05): its management agent crashed in rabbit_net:dist_info on two
    // distribution ports for one peer, a transient state of the rejoin, and the node
    // halted with code 0. The next start found the peers settled.
    log(`${e.message}; starting it once more`);
    await bootNode(config, node, log);
  }
}

/** A node's own process ended before the node answered. */
class NodeExitedError extends Error {}

async function bootNode(config: StackConfig, node: NodeConfig, log: (line: string) => void): Promise<void> {
  let exitCode: number | null = null;
  if (livePid(node) === null) {
    await assertPortsFree(node);
    writeNodeFiles(node);
    const out = openSync(resolve(node.dir, 'log', 'startup.log'), 'a');
    const child = spawn(resolve(RABBIT_BIN, 'rabbitmq-server'), [], {
      env: nodeEnv(config, node),
      cwd: node.dir,
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.once('exit', (code) => {
      exitCode = code ?? -1;
    });
    child.unref();
    log(`${nodeLabel(node)}: starting ${node.nodename} (amqp ${node.amqpPort.port}, management ${node.managementPort.port}` +
      (node.webStompPort ? `, web-stomp ${node.webStompPort.port}` : '') + ')');
  } else {
    log(`${nodeLabel(node)}: ${node.nodename} is booting, waiting for it`);
  }
  // A detached node takes 5-20 s to register: poll rather than trust one check.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await answersAsNode(config, node)) return;
    if (exitCode !== null) {
      throw new NodeExitedError(`${nodeLabel(node)} node exited during start-up (code ${exitCode}): see ${resolve(node.dir, 'log')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${nodeLabel(node)} node did not answer within 120 s: see ${resolve(node.dir, 'log')}`);
}

/** rabbitmqctl against this node (with the stack's cookie); resolves with what it printed. */
export async function rabbitmqctl(config: StackConfig, node: NodeConfig, args: string[], timeoutMs = 60_000, tool = 'rabbitmqctl'): Promise<string> {
  const { stdout } = await execFileAsync(resolve(RABBIT_BIN, tool), ['-n', node.nodename, ...args], {
    env: nodeEnv(config, node),
    timeout: timeoutMs,
  });
  return stdout;
}

export async function stopNode(config: StackConfig, node: NodeConfig, log: (line: string) => void): Promise<void> {
  const pid = livePid(node);
  if (pid === null) {
    log(`${nodeLabel(node)}: not running`);
    return;
  }
  try {
    await rabbitmqctl(config, node, ['-q', 'stop']);
  } catch {
    // The CLI could not reach the node (half-started, or its cookie is gone): signal it.
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  for (let i = 0; i < 40 && livePid(node) !== null; i++) await new Promise((r) => setTimeout(r, 250));
  if (livePid(node) !== null) process.kill(pid, 'SIGKILL');
  log(`${nodeLabel(node)}: stopped`);
}
