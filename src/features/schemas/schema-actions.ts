/**
 * Adding, removing, mapping and restoring schemas: compile (lazily loaded
 * chunk), register with the session's payload decoding, keep in IndexedDB.
 */
import { compileSchemaLazily } from '../../model/index.ts';
import type { PayloadDecoding, SchemaError, SchemaMapping, SchemaSource } from '../../model/index.ts';
import { MAX_SCHEMA_FILE_BYTES, newSchemaId, schemaKindOfFile } from './schema-files.ts';
import { deleteStoredSchema, loadStoredSchemas, storeSchema } from './schema-storage.ts';

/** Reads, compiles, registers and stores a picked file; resolves to its error when it does not load. */
export async function addSchemaFile(payloads: PayloadDecoding, file: File): Promise<SchemaError | null> {
  if (file.size > MAX_SCHEMA_FILE_BYTES) return { message: `${file.name} is ${file.size} bytes: schemas over ${MAX_SCHEMA_FILE_BYTES} bytes are refused.` };
  const kind = schemaKindOfFile(file.name);
  let content: string | Uint8Array;
  try {
    content = kind === 'proto' ? await file.text() : new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { message: `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const source: SchemaSource = { id: newSchemaId(Date.now(), Math.random()), fileName: file.name, kind, content, mappings: [] };
  const compiled = await compileSchemaLazily(source);
  if (!compiled.ok) return compiled.error;
  payloads.schemas.add(compiled.schema);
  await storeSchema(source);
  return null;
}

export async function removeSchema(payloads: PayloadDecoding, id: string): Promise<void> {
  payloads.schemas.remove(id);
  await deleteStoredSchema(id);
}

export async function setSchemaMappings(payloads: PayloadDecoding, id: string, mappings: SchemaMapping[]): Promise<void> {
  const updated = payloads.schemas.setMappings(id, mappings);
  if (updated !== null) await storeSchema(updated);
}

const restored = new WeakMap<PayloadDecoding, Promise<string[]>>();

/**
 * Loads the stored schemas into a session's payload decoding, once per
 * session (later calls share the first). One that no longer compiles is
 * dropped from storage; the promise resolves to what was dropped and why.
 */
export function restoreSchemas(payloads: PayloadDecoding): Promise<string[]> {
  const known = restored.get(payloads);
  if (known !== undefined) return known;
  const work = (async () => {
    const problems: string[] = [];
    for (const source of await loadStoredSchemas()) {
      const compiled = await compileSchemaLazily(source);
      if (compiled.ok) payloads.schemas.add(compiled.schema);
      else {
        problems.push(`${source.fileName} no longer loads and was removed: ${compiled.error.message}`);
        await deleteStoredSchema(source.id);
      }
    }
    return problems;
  })();
  restored.set(payloads, work);
  return work;
}
