/**
 * Stopping and starting the real mirror node from a test, through the same
 * code `npm run stack:*` uses. stackUp reprovisions and waits until every
 * shovel is running again.
 */
import { connect } from 'amqplib';
import { amqpUrl, loadStackConfig } from '../../stack/config.ts';
import { livePid, stopNode } from '../../stack/rabbitmq-node.ts';
import { historyQueueName } from '../../stack/provision.ts';
import { stackUp } from '../../stack/stack.ts';

const config = loadStackConfig();
const log = (line: string) => console.log(`[stack-control] ${line}`);

export const stopMirror = () => stopNode(config, config.mirror, log);
export const startStack = () => stackUp(config, log);

/**
 * `kill -9` of the origin's Erlang VM: a crash, not a clean stop, so clients
 * see their sockets reset with no connection.close. Bring it back with startStack.
 */
export async function killOrigin(): Promise<void> {
  const pid = livePid(config.origin);
  if (pid === null) throw new Error('the origin node is not running');
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && livePid(config.origin) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  log(`origin: killed (pid ${pid})`);
}

/**
 * Counts what the exchange's history stream on the mirror holds under a
 * routing-key prefix, read from the stream itself from its end at the call:
 * a stream reader gets only what the stream has committed, which is what a
 * rewind that starts then would read (a queue bound to the exchange gets a
 * message before the stream has committed it). With other tests publishing on
 * the same stack, the shovel's lag is not a fixed time to sleep.
 */
export async function watchHistoryStream(exchange: string, routingKeyPrefix: string): Promise<{ waitFor(count: number, timeoutMs?: number): Promise<void>; close(): Promise<void> }> {
  const connection = await connect(amqpUrl(config.mirror, config.admin), { clientProperties: { connection_name: 'warren-e2e-history-watch' } });
  const channel = await connection.createChannel();
  // A stream consumer needs a prefetch and acks (RabbitMQ refuses auto-ack on streams).
  await channel.prefetch(1000);
  let seen = 0;
  await channel.consume(
    historyQueueName(exchange),
    (message) => {
      if (message === null) return;
      if (message.fields.routingKey.startsWith(routingKeyPrefix)) seen++;
      channel.ack(message);
    },
    { noAck: false, arguments: { 'x-stream-offset': 'next' } },
  );
  return {
    async waitFor(count, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (seen < count) {
        if (Date.now() > until) throw new Error(`the history stream of ${exchange} committed ${seen} of ${count} under ${routingKeyPrefix} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => connection.close(),
  };
}

/** The mirror's management API, as the admin, for queue statistics. */
export interface MirrorQueue {
  name: string;
  /** Ready + unacknowledged. */
  messages: number;
  /** What max-length bounds: unacknowledged (in flight to a consumer) messages are not counted. */
  messages_ready: number;
  messages_unacknowledged: number;
  consumers: number;
  durable: boolean;
  arguments: Record<string, unknown>;
}

export async function mirrorQueues(): Promise<MirrorQueue[]> {
  const port = config.mirror.managementPort.port;
  const auth = 'Basic ' + Buffer.from(`${config.admin.login}:${config.admin.passcode}`).toString('base64');
  const res = await fetch(`http://127.0.0.1:${port}/api/queues/%2F?columns=name,messages,messages_ready,messages_unacknowledged,consumers,durable,arguments`, { headers: { authorization: auth } });
  if (!res.ok) throw new Error(`management API answered ${res.status}`);
  return (await res.json()) as MirrorQueue[];
}

async function mirrorApi(method: string, path: string, body?: unknown): Promise<Response> {
  const port = config.mirror.managementPort.port;
  const auth = 'Basic ' + Buffer.from(`${config.admin.login}:${config.admin.passcode}`).toString('base64');
  return fetch(`http://127.0.0.1:${port}/api/${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * A queue policy on the mirror that outranks the provisioned bound: lets a
 * test hold one tab's queues to a small bound without touching the others.
 */
export async function setMirrorQueuePolicy(name: string, pattern: string, definition: Record<string, unknown>): Promise<void> {
  const res = await mirrorApi('PUT', `policies/%2F/${encodeURIComponent(name)}`, { pattern, definition, priority: 100, 'apply-to': 'queues' });
  if (!res.ok) throw new Error(`policy ${name}: management API answered ${res.status} ${await res.text()}`);
}

export async function deleteMirrorPolicy(name: string): Promise<void> {
  await mirrorApi('DELETE', `policies/%2F/${encodeURIComponent(name)}`);
}

/** Every mirror node's configuration, node 1 (the one the others join) first. */
export const mirrorNodeConfigs = () => config.mirrors;

/**
 * `kill -9` of one mirror node's Erlang VM, by its index in mirrorNodeConfigs()
 * (0 is the first node, as the page's broker index). startStack restarts it,
 * and it rejoins the cluster by itself.
 */
export async function killMirrorNode(index: number): Promise<void> {
  const node = config.mirrors[index];
  if (node === undefined) throw new Error(`no mirror node ${index} (the mirror has ${config.mirrors.length}; WARREN_MIRROR_NODES)`);
  const pid = livePid(node);
  if (pid === null) throw new Error(`mirror node ${node.nodename} is not running`);
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && livePid(node) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  log(`${node.nodename}: killed (pid ${pid})`);
}
