/**
 * Provisioning the local stack is `warren mirror apply` with the stack's own
 * settings: the same plan (cli/mirror/plan.ts) and the same apply, so the
 * local stack is the CLI's first user. The one stack-only step: the origin's
 * exchanges are declared too, because this origin plays production.
 */
import type { StackConfig, TracedExchange } from './config.ts';
import type { ManagementApi } from './management-api.ts';
import { applySteps, shovelStates as warrenShovels, waitForShovels as waitForRunning, type Log, type ShovelStatus } from '../cli/mirror/apply.ts';
import { steps } from '../cli/mirror/plan.ts';
import { shovelDefinition as definition, tracerPermissions as permissionsFor, type MirrorSetup } from '../cli/mirror/setup.ts';

export {
  historyQueueName,
  HISTORY_QUEUE_PATTERN,
  shovelName,
  shovelQueueName,
  SHOVEL_QUEUE_PATTERN,
  SUBSCRIPTION_QUEUE_PATTERN,
} from '../cli/mirror/setup.ts';
export type { ShovelStatus };

export function stackMirrorSetup(config: StackConfig): MirrorSetup {
  return {
    originVhost: config.vhost,
    mirrorVhost: config.vhost,
    exchanges: config.exchanges,
    mirrorAmqp: { host: '127.0.0.1', port: config.mirror.amqpPort.port },
    // A mirror cluster: the shovels fail over among its nodes, and the history streams have a replica on each.
    ...(config.mirrors.length > 1
      ? { mirrorAmqpAlternates: config.mirrors.slice(1).map((n) => ({ host: '127.0.0.1', port: n.amqpPort.port })), historyReplicas: config.mirrors.length }
      : {}),
    tracer: config.tracer,
    shovelUser: config.shovelUser,
    subscriptionBound: config.subscriptionBound,
    shovelBacklog: config.shovelBacklog,
    history: config.history,
    declareOriginExchanges: true,
    // On one machine a mirror restart is quick: reconnect soon after.
    reconnectDelay: 1,
  };
}

export const tracerPermissions = (exchanges: TracedExchange[]) => permissionsFor(exchanges.map((e) => e.name));

export const shovelDefinition = (config: StackConfig, exchange: string) => definition(stackMirrorSetup(config), exchange);

/** Both nodes, through the same plan and apply as `warren mirror apply`; returns how many objects changed. */
export async function provisionStack(apis: { origin: ManagementApi; mirror: ManagementApi }, config: StackConfig, log: Log): Promise<number> {
  const setup = stackMirrorSetup(config);
  const { changed } = await applySteps(steps(setup), apis, log, {
    version: 1,
    originVhost: setup.originVhost,
    mirror: `http://127.0.0.1:${config.mirror.managementPort.port}`,
    mirrorVhost: setup.mirrorVhost,
    exchanges: setup.exchanges.map((e) => e.name),
    tracerLogin: config.tracer.login,
    shovelLogin: config.shovelUser.login,
  });
  return changed;
}

/** The management API also says where a running shovel delivers (password left out): which mirror node, on a cluster. */
export type StackShovelStatus = ShovelStatus & { dest_uri?: string };

export const shovelStates = (api: ManagementApi): Promise<StackShovelStatus[]> => warrenShovels(api);

/** Resolves once every traced exchange's shovel reports `running`. */
export const waitForShovels = (api: ManagementApi, config: StackConfig, timeoutMs = 60_000): Promise<ShovelStatus[]> =>
  waitForRunning(api, config.vhost, config.exchanges.map((e) => e.name), timeoutMs);
