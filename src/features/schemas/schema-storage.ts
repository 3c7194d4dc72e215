/**
 * Loaded schemas kept in this browser's IndexedDB (never sent anywhere), so
 * they are there again after a reload. A browser without IndexedDB (or a
 * private window refusing it) keeps schemas for the tab only: every call
 * resolves, never rejects.
 */
import type { SchemaSource } from '../../model/index.ts';

const DB_NAME = 'warren-schemas';
const STORE = 'schemas';

function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, 1);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return openDb().then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (db === null) return resolve(null);
        try {
          const request = work(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(null);
        } catch {
          resolve(null);
        } finally {
          db.close();
        }
      }),
  );
}

/** Every stored schema source, oldest first (ids sort by time of adding). */
export async function loadStoredSchemas(): Promise<SchemaSource[]> {
  const all = await run('readonly', (store) => store.getAll() as IDBRequest<SchemaSource[]>);
  return (all ?? []).filter(isSchemaSource).sort((a, b) => a.id.localeCompare(b.id));
}

export async function storeSchema(source: SchemaSource): Promise<void> {
  // Only the source: compiled types hold functions, which IndexedDB cannot clone.
  const { id, fileName, kind, content, mappings } = source;
  await run('readwrite', (store) => store.put({ id, fileName, kind, content, mappings }));
}

export async function deleteStoredSchema(id: string): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
}

/** Stored data is data: an old or foreign record is skipped, not trusted. */
function isSchemaSource(value: unknown): value is SchemaSource {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<SchemaSource>;
  return (
    typeof v.id === 'string' &&
    typeof v.fileName === 'string' &&
    (v.kind === 'proto' || v.kind === 'descriptor-set') &&
    (typeof v.content === 'string' || v.content instanceof Uint8Array) &&
    Array.isArray(v.mappings)
  );
}
