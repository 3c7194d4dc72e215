/**
 * `warren mirror remove`: deletes what apply created, in reverse order
 * (shovels first, so nothing is shovelled into what is being taken away),
 * and nothing else. An object goes only when it is in the record on the
 * origin AND named like warren's own (warren-*, warren.*); the two things
 * not named by warren (the mirror's exchanges and the users, whose names are
 * yours) go on the record alone, and exchanges only on the mirror, never on
 * the origin. When another origin shares the mirror vhost (its exchanges are
 * still in the tracer's permissions), the permissions lose this origin's
 * names only, and the shared users and policies stay.
 */
import { ManagementApiError } from '../../stack/management-api.ts';
import type { MirrorOptions } from './args.ts';
import type { Output } from './mask.ts';
import { current, steps, type Apis, type Step } from './plan.ts';
import { deleteRecord, readRecord, sameObject, type MirrorRecord } from './record.ts';
import { alternatives, isWarrenName, mirrorExchangeName, shovelUserPermissions, tracerPermissions, withoutPattern, type MirrorSetup } from './setup.ts';

const UNUSED = { maxLength: 1, maxLengthBytes: 1 };

function recordedSetup(record: MirrorRecord): MirrorSetup {
  return {
    originVhost: record.originVhost,
    mirrorVhost: record.mirrorVhost,
    exchanges: record.exchanges.map((name) => ({ name, type: 'topic' })),
    originName: record.originName,
    mirrorAmqp: { host: 'unused', port: 5672 },
    tracer: { login: record.tracerLogin, passcode: 'unused' },
    shovelUser: { login: record.shovelLogin, passcode: 'unused' },
    subscriptionBound: UNUSED,
    shovelBacklog: UNUSED,
    // Whether or not the mirror had streams: deleting an absent one is a no-op.
    history: { maxAge: '1h', maxLengthBytes: 1, segmentBytes: 1 },
    declareOriginExchanges: false,
  };
}

function warrenNamed(step: Step): boolean {
  if (step.kind === 'exchange') return step.broker === 'mirror';
  if (step.kind === 'user' || step.kind === 'permissions') return true;
  if (step.kind === 'binding') return isWarrenName(step.name.split(' -> ')[1] ?? '');
  return isWarrenName(step.name);
}

type Perms = { configure: string; write: string; read: string };

export async function removeMirroring(opts: MirrorOptions, apis: Apis, out: Output): Promise<number> {
  const record = await readRecord(apis.origin, opts.origin.vhost);
  if (!record) {
    out.line(`remove: nothing recorded on the origin for vhost "${opts.origin.vhost}": nothing to remove`);
    return 0;
  }
  const setup = recordedSetup(record);
  const names = setup.exchanges.map((e) => mirrorExchangeName(setup, e.name));
  const own: Record<string, { field: keyof Perms; names: string[]; keep: string[] }> = {
    [record.tracerLogin]: { field: 'read', names: alternatives(tracerPermissions(names).read) ?? [], keep: ['stomp-subscription-.*', 'amq\\.topic'] },
    [record.shovelLogin]: { field: 'write', names: alternatives(shovelUserPermissions(names).write) ?? [], keep: [] },
  };
  const remaining = new Map<string, string | null>();
  for (const [login, o] of Object.entries(own)) {
    const p = (await current(apis.mirror, `/api/permissions/${encodeURIComponent(record.mirrorVhost)}/${encodeURIComponent(login)}`)) as Perms | undefined;
    remaining.set(login, p ? withoutPattern(p[o.field], o.names, o.keep) : null);
  }
  const shared = remaining.get(record.tracerLogin) != null;
  let deleted = 0;
  for (const step of steps(setup).reverse()) {
    const id = { broker: step.broker, kind: step.kind, vhost: step.vhost, name: step.name };
    const recorded = record.created.some((c) => sameObject(c, id));
    const api = apis[step.broker];
    if (step.kind === 'permissions') {
      const rest = remaining.get(step.name);
      if (rest) {
        const p = (await current(api, step.currentPath)) as Perms;
        const field = own[step.name]?.field ?? 'read';
        await api.put(step.path, { ...p, [field]: rest });
        out.line(`${step.broker.padEnd(6)} narrowed ${step.description.split(':')[0]}: another origin's exchanges stay`);
        deleted++;
        continue;
      }
    }
    if (!recorded || !warrenNamed(step)) continue;
    if (shared && step.broker === 'mirror' && (step.kind === 'user' || step.kind === 'policy')) {
      out.line(`${step.broker.padEnd(6)} kept ${step.description} (shared with another origin)`);
      continue;
    }
    try {
      await api.delete(step.deletePath);
      out.line(`${step.broker.padEnd(6)} deleted ${step.description}`);
      deleted++;
    } catch (e) {
      if (!(e instanceof ManagementApiError && e.status === 404)) throw e;
    }
  }
  await deleteRecord(apis.origin, record.originVhost);
  out.line(`remove: ${deleted} object(s) deleted or narrowed, and the record; anything that existed before apply was left alone`);
  return 0;
}
