/**
 * The door to the protobuf chunk: import() on first use, so pages that
 * never load a schema never download protobufjs or @bufbuild/protobuf.
 */
import type { SchemaSource } from './protobuf-types.ts';
import type { CompileResult } from './protobuf-schema.ts';

export type { CompileResult } from './protobuf-schema.ts';

/** Compiles a schema in the lazily loaded chunk; a chunk that fails to load is a schema error too. */
export async function compileSchemaLazily(source: SchemaSource): Promise<CompileResult> {
  try {
    const { compileSchema } = await import('./protobuf-schema.ts');
    return compileSchema(source);
  } catch (error) {
    return { ok: false, error: { message: `The protobuf decoder could not be loaded: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
