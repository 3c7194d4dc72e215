/**
 * The record of what `apply` created, kept ON THE ORIGIN as a global runtime
 * parameter `warren-mirror-<origin vhost>`:
 * - it survives restarts and lives with the broker it describes, so `status`
 *   and `remove` work from any machine, with no local state to lose or to
 *   carry along (a local file would be wrong as soon as a colleague applied);
 * - global parameters are not part of a vhost's definitions, so it does not
 *   show up in (or disturb) an export of the traced vhost;
 * - the origin is the broker that matters: `warren replay` can refuse to
 *   publish into an origin that has one.
 * It lists only what apply created (objects that were already there are
 * never deleted by `remove`) and names, never secrets.
 */
import { seg, type ManagementApi } from '../../stack/management-api.ts';
import { current, type Broker, type Kind, type PlannedStep } from './plan.ts';

export interface RecordedObject {
  broker: Broker;
  kind: Kind;
  vhost: string | null;
  name: string;
}

export interface MirrorRecord {
  version: 1;
  originVhost: string;
  /** The mirror's management URL, without credentials. */
  mirror: string;
  mirrorVhost: string;
  originName?: string;
  /** Origin exchange names. */
  exchanges: string[];
  tracerLogin: string;
  shovelLogin: string;
  created: RecordedObject[];
}

export const recordName = (originVhost: string) => `warren-mirror-${originVhost}`;
const recordPath = (originVhost: string) => `/api/global-parameters/${seg(recordName(originVhost))}`;

export async function readRecord(origin: ManagementApi, originVhost: string): Promise<MirrorRecord | null> {
  const p = (await current(origin, recordPath(originVhost))) as { value?: MirrorRecord } | undefined;
  return p?.value ?? null;
}

export async function writeRecord(origin: ManagementApi, record: MirrorRecord): Promise<void> {
  await origin.put(recordPath(record.originVhost), { name: recordName(record.originVhost), value: record });
}

export async function deleteRecord(origin: ManagementApi, originVhost: string): Promise<void> {
  await origin.delete(recordPath(originVhost));
}

export const sameObject = (a: RecordedObject, b: RecordedObject) => a.broker === b.broker && a.kind === b.kind && a.vhost === b.vhost && a.name === b.name;

export const identity = ({ step }: PlannedStep): RecordedObject => ({ broker: step.broker, kind: step.kind, vhost: step.vhost, name: step.name });

/** The previous record plus what this apply is about to create. */
export function nextRecord(base: Omit<MirrorRecord, 'created'>, previous: MirrorRecord | null, planned: PlannedStep[]): MirrorRecord {
  const created = [...(previous?.created ?? [])];
  for (const p of planned) {
    if (p.state !== 'absent') continue;
    const id = identity(p);
    if (!created.some((c) => sameObject(c, id))) created.push(id);
  }
  const exchanges = [...new Set([...(previous?.exchanges ?? []), ...base.exchanges])];
  return { ...base, exchanges, created };
}
