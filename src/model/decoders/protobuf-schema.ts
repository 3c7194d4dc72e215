/**
 * Compiling a user's schema into decodable message types. Loaded with
 * import() only when a schema exists (protobuf-loader.ts), so the main bundle
 * carries neither library.
 *
 * Decoding uses @bufbuild/protobuf, which reads messages by reflection:
 * protobufjs decodes with functions it generates through Function(), which
 * the page's Content-Security-Policy (script-src 'self') forbids. A .proto
 * text is parsed with protobufjs's parser (no code generation), and its
 * reflection turned into the FileDescriptorProto that @bufbuild/protobuf
 * builds a registry from (proto-descriptor.ts). A FileDescriptorSet
 * (`protoc --include_imports --descriptor_set_out`) goes to the registry as is.
 *
 * Values come out as protobuf's canonical JSON mapping: 64-bit integers as
 * strings, bytes as base64, enums by name, fields at their default omitted,
 * field names as written in the .proto.
 */
import { createFileRegistry, fromBinary, toJson, type DescMessage, type Registry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { parse } from 'protobufjs';
import { toJsonFriendly } from './json-friendly.ts';
import { descriptorOfParsedProto, wellKnownFile } from './proto-descriptor.ts';
import type { LoadedSchema, ProtoMessageType, SchemaError, SchemaSource } from './protobuf-types.ts';
import { failureOf } from './result.ts';

export type CompileResult = { ok: true; schema: LoadedSchema } | { ok: false; error: SchemaError };

/** Compiles a .proto text or a FileDescriptorSet. Never throws: a bad schema gives its error. */
export function compileSchema(source: SchemaSource): CompileResult {
  let registry: Registry;
  try {
    registry = source.kind === 'proto' ? registryOfProto(source.fileName, asText(source.content)) : registryOfDescriptorSet(asBytes(source.content));
  } catch (error) {
    return { ok: false, error: schemaErrorOf(error, source) };
  }
  const types: ProtoMessageType[] = [];
  for (const desc of registry) {
    if (desc.kind === 'message' && !desc.typeName.startsWith('google.protobuf.')) types.push(messageType(desc, registry));
  }
  if (types.length === 0) return { ok: false, error: { message: `${source.fileName} defines no message type` } };
  types.sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, schema: { ...source, types } };
}

function registryOfProto(fileName: string, text: string): Registry {
  const parsed = parse(text, { keepCase: true, alternateCommentMode: true });
  return createFileRegistry(descriptorOfParsedProto(fileName, text, parsed), wellKnownFile);
}

function registryOfDescriptorSet(bytes: Uint8Array): Registry {
  const set = fromBinary(FileDescriptorSetSchema, bytes);
  if (set.file.length === 0) throw new Error('the FileDescriptorSet holds no file');
  return createFileRegistry(set);
}

function messageType(desc: DescMessage, registry: Registry): ProtoMessageType {
  return {
    name: desc.typeName,
    decode(bytes) {
      try {
        const message = fromBinary(desc, bytes);
        return { ok: true, value: toJsonFriendly(toJson(desc, message, { useProtoFieldName: true, registry })) };
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}

function asText(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

function asBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** protobufjs says "illegal token '}' (line 4)": keep the line, and quote it. */
function schemaErrorOf(error: unknown, source: SchemaSource): SchemaError {
  const message = failureOf(error).error;
  const line = /\bline (\d+)\b/.exec(message)?.[1];
  if (line === undefined || typeof source.content !== 'string') return { message };
  const lineNumber = Number(line);
  const text = source.content.split(/\r?\n/)[lineNumber - 1]?.trim();
  return { message: text ? `${message}: ${text.slice(0, 120)}` : message, line: lineNumber };
}
