/**
 * Stopping and starting the real mirror node from a test, through the same
 * code `npm run stack:*` uses. stackUp reprovisions and waits until every
 * shovel is running again.
 */
import { loadStackConfig } from '../../stack/config.ts';
import { stopNode } from '../../stack/rabbitmq-node.ts';
import { stackUp } from '../../stack/stack.ts';

const config = loadStackConfig();
const log = (line: string) => console.log(`[stack-control] ${line}`);

export const stopMirror = () => stopNode(config, config.mirror, log);
export const startStack = () => stackUp(config, log);

/** The mirror's management API, as the admin, for queue statistics. */
export async function mirrorQueues(): Promise<{ name: string; messages: number; durable: boolean; arguments: Record<string, unknown> }[]> {
  const port = config.mirror.managementPort.port;
  const auth = 'Basic ' + Buffer.from(`${config.admin.login}:${config.admin.passcode}`).toString('base64');
  const res = await fetch(`http://127.0.0.1:${port}/api/queues/%2F?columns=name,messages,durable,arguments`, { headers: { authorization: auth } });
  if (!res.ok) throw new Error(`management API answered ${res.status}`);
  return (await res.json()) as { name: string; messages: number; durable: boolean; arguments: Record<string, unknown> }[];
}
