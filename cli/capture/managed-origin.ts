/**
 * Replay must never publish into an origin that `warren mirror` manages:
 * what it sends would be shovelled to the mirror and traced as if production
 * had sent it, and into production itself. Such an origin is recognised, on
 * the target vhost, by `warren mirror`'s record of it (the global parameter
 * `warren-mirror-<vhost>`), a shovel queue `warren.shovel.*` or a shovel
 * parameter `warren-*` (the names `warren mirror` and the local stack give
 * them), asked of the management API.
 */
import { recordName } from '../mirror/record.ts';
import { reason } from './output.ts';

export type OriginCheck =
  | { kind: 'managed'; evidence: string[] }
  | { kind: 'not-managed' }
  /** The management API could not be asked (unreachable, refused, too weak a user). */
  | { kind: 'unknown'; why: string };

const SHOVEL_QUEUE = /^warren\.shovel\./;
const SHOVEL_PARAMETER = /^warren-/;

/**
 * The management URL for an AMQP URL: same host, the AMQP port + 10000
 * (5672 → 15672; amqps 5671 → https 15671), credentials from the AMQP URL.
 */
export function defaultManagementUrl(amqp: URL): URL {
  const secure = amqp.protocol === 'amqps:';
  const port = Number(amqp.port || (secure ? 5671 : 5672)) + 10000;
  const url = new URL(`${secure ? 'https' : 'http'}://${amqp.hostname}:${port}/`);
  url.username = amqp.username;
  url.password = amqp.password;
  return url;
}

export async function checkManagedOrigin(management: URL, vhost: string, timeoutMs = 5000): Promise<OriginCheck> {
  const authorization = 'Basic ' + Buffer.from(`${decodeURIComponent(management.username)}:${decodeURIComponent(management.password)}`).toString('base64');
  const base = `${management.protocol}//${management.host}${management.pathname.replace(/\/$/, '')}/api`;
  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(base + path, { headers: { authorization }, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, body: res.ok && text ? (JSON.parse(text) as unknown) : null };
  };
  const vh = encodeURIComponent(vhost);
  let queues: { status: number; body: unknown };
  try {
    queues = await get(`/queues/${vh}?columns=name`);
  } catch (e) {
    return { kind: 'unknown', why: `the management API at ${base} did not answer (${causeOf(e)})` };
  }
  if (queues.status === 401) return { kind: 'unknown', why: `the management API at ${base} refused the credentials (401)` };
  if (queues.status === 404) return { kind: 'unknown', why: `the management API at ${base} knows no vhost ${JSON.stringify(vhost)} (404)` };
  if (queues.status !== 200 || !Array.isArray(queues.body)) return { kind: 'unknown', why: `the management API at ${base} answered ${queues.status} to a list of queues` };
  const evidence = namesOf(queues.body)
    .filter((name) => SHOVEL_QUEUE.test(name))
    .map((name) => `shovel queue ${name}`);
  // Listing parameters needs the policymaker tag: without it only the queues tell.
  const parameters = await get(`/parameters/shovel/${vh}`).catch(() => null);
  if (parameters?.status === 200 && Array.isArray(parameters.body)) {
    evidence.push(...namesOf(parameters.body).filter((name) => SHOVEL_PARAMETER.test(name)).map((name) => `shovel parameter ${name}`));
  }
  // warren mirror's record of what it created on this origin vhost (a global parameter: administrators only).
  const record = await get(`/global-parameters/${encodeURIComponent(recordName(vhost))}`).catch(() => null);
  if (record?.status === 200) evidence.unshift(`warren mirror record ${recordName(vhost)}`);
  return evidence.length > 0 ? { kind: 'managed', evidence } : { kind: 'not-managed' };
}

function namesOf(items: unknown[]): string[] {
  return items.flatMap((item) => (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? [(item as { name: string }).name] : []));
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : null;
  return cause ?? reason(e);
}
