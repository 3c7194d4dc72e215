/**
 * A parsed .proto (protobufjs reflection) as the FileDescriptorProto that
 * @bufbuild/protobuf builds its registry from, the way protoc would write
 * it: messages with their fields, nested messages and enums, oneofs
 * (proto3 `optional` as a synthetic oneof), and maps as nested
 * `<Name>Entry` messages. Imports of Google's well-known types resolve to
 * @bufbuild/protobuf's own copies; any other import must come as a
 * FileDescriptorSet (`protoc --include_imports`). Part of the lazy chunk.
 */
import { create, type DescFile, type MessageInitShape } from '@bufbuild/protobuf';
import {
  FileDescriptorProtoSchema,
  file_google_protobuf_any,
  file_google_protobuf_duration,
  file_google_protobuf_empty,
  file_google_protobuf_field_mask,
  file_google_protobuf_struct,
  file_google_protobuf_timestamp,
  file_google_protobuf_wrappers,
  type DescriptorProtoSchema,
  type EnumDescriptorProtoSchema,
  type FieldDescriptorProtoSchema,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import { common, Enum, MapField, Namespace, Type, type Field, type IParserResult, type ReflectionObject } from 'protobufjs';

type MessageInit = MessageInitShape<typeof DescriptorProtoSchema>;
type FieldInit = MessageInitShape<typeof FieldDescriptorProtoSchema>;
type EnumInit = MessageInitShape<typeof EnumDescriptorProtoSchema>;

const WELL_KNOWN: Record<string, DescFile> = {
  'google/protobuf/any.proto': file_google_protobuf_any,
  'google/protobuf/duration.proto': file_google_protobuf_duration,
  'google/protobuf/empty.proto': file_google_protobuf_empty,
  'google/protobuf/field_mask.proto': file_google_protobuf_field_mask,
  'google/protobuf/struct.proto': file_google_protobuf_struct,
  'google/protobuf/timestamp.proto': file_google_protobuf_timestamp,
  'google/protobuf/wrappers.proto': file_google_protobuf_wrappers,
};

/** The resolver createFileRegistry asks for imports. */
export function wellKnownFile(name: string): DescFile | undefined {
  return WELL_KNOWN[name];
}

/** FieldDescriptorProto.Type numbers of the scalar types. */
const SCALAR: Record<string, number> = {
  double: 1, float: 2, int64: 3, uint64: 4, int32: 5, fixed64: 6, fixed32: 7, bool: 8, string: 9,
  bytes: 12, uint32: 13, sfixed32: 15, sfixed64: 16, sint32: 17, sint64: 18,
};
const TYPE_MESSAGE = 11;
const TYPE_ENUM = 14;
const LABEL_OPTIONAL = 1;
const LABEL_REQUIRED = 2;
const LABEL_REPEATED = 3;

/** Builds the FileDescriptorProto of one parsed file. Throws with the reason when a type does not resolve. */
export function descriptorOfParsedProto(fileName: string, text: string, parsed: IParserResult): FileDescriptorProto {
  const imports = parsed.imports ?? [];
  for (const name of imports) {
    const known = common.get(name);
    if (WELL_KNOWN[name] === undefined || known === null) throw new Error(`import "${name}" is not available: load a FileDescriptorSet made with protoc --include_imports instead`);
    parsed.root.addJSON((known as { nested: Record<string, never> }).nested);
  }
  parsed.root.resolveAll();
  const pkg = parsed.package ?? '';
  const home = pkg === '' ? parsed.root : parsed.root.lookup(pkg);
  if (!(home instanceof Namespace)) throw new Error(`package ${pkg} declares nothing`);
  const { messages, enums } = membersOf(home, pkg === '');
  const syntax = /^\s*syntax\s*=\s*["']proto3["']/m.test(text) || /^\s*edition\s*=/m.test(text) ? 'proto3' : 'proto2';
  return create(FileDescriptorProtoSchema, {
    name: fileName,
    package: pkg,
    dependency: imports,
    syntax,
    messageType: messages.map(messageProto),
    enumType: enums.map(enumProto),
  });
}

function membersOf(ns: Namespace, isRoot: boolean): { messages: Type[]; enums: Enum[] } {
  const messages: Type[] = [];
  const enums: Enum[] = [];
  for (const member of ns.nestedArray) {
    // At the root, google.* is the well-known types added above, not this file's.
    if (isRoot && member.name === 'google' && !(member instanceof Type)) continue;
    if (member instanceof Type) messages.push(member);
    else if (member instanceof Enum) enums.push(member);
  }
  return { messages, enums };
}

function messageProto(type: Type): MessageInit {
  const nested = membersOf(type, false);
  const mapEntries: MessageInit[] = [];
  const realOneofs = type.oneofsArray.filter((o) => !isSyntheticOneof(o.fieldsArray));
  const syntheticOneofs = type.oneofsArray.filter((o) => isSyntheticOneof(o.fieldsArray));
  const oneofOrder = [...realOneofs, ...syntheticOneofs];
  const field = type.fieldsArray.map((f) => {
    const proto = fieldProto(f, type);
    if (f instanceof MapField) {
      const entryName = `${f.name.replace(/(?:^|_)([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}Entry`;
      mapEntries.push({
        name: entryName,
        field: [
          { name: 'key', number: 1, label: LABEL_OPTIONAL, type: SCALAR[f.keyType] ?? 9, jsonName: 'key' },
          { name: 'value', number: 2, label: LABEL_OPTIONAL, ...typeOf(f), jsonName: 'value' },
        ],
        options: { mapEntry: true },
      });
      return { ...proto, label: LABEL_REPEATED, type: TYPE_MESSAGE, typeName: `${type.fullName}.${entryName}` };
    }
    if (f.partOf !== null) {
      proto.oneofIndex = oneofOrder.indexOf(f.partOf);
      if (isSyntheticOneof(f.partOf.fieldsArray)) proto.proto3Optional = true;
    }
    return proto;
  });
  return {
    name: type.name,
    field,
    nestedType: [...nested.messages.map(messageProto), ...mapEntries],
    enumType: nested.enums.map(enumProto),
    oneofDecl: oneofOrder.map((o) => ({ name: o.name })),
  };
}

/** protobufjs keeps proto3 `optional` as a one-field oneof named `_<field>` with proto3_optional set. */
function isSyntheticOneof(fields: Field[]): boolean {
  const only = fields[0];
  return fields.length === 1 && only !== undefined && (only.options as Record<string, unknown> | undefined)?.['proto3_optional'] === true;
}

function fieldProto(f: Field, _owner: Type): FieldInit {
  const label = f.repeated ? LABEL_REPEATED : f.required ? LABEL_REQUIRED : LABEL_OPTIONAL;
  const jsonName = f.name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  return { name: f.name, number: f.id, label, ...typeOf(f), jsonName };
}

function typeOf(f: Field): { type: number; typeName?: string } {
  const scalar = SCALAR[f.type];
  if (scalar !== undefined) return { type: scalar };
  const resolved: ReflectionObject | null = f.resolvedType;
  if (resolved instanceof Enum) return { type: TYPE_ENUM, typeName: resolved.fullName };
  if (resolved instanceof Type) return { type: TYPE_MESSAGE, typeName: resolved.fullName };
  throw new Error(`field ${f.name}: type ${f.type} is not defined`);
}

function enumProto(e: Enum): EnumInit {
  return { name: e.name, value: Object.entries(e.values).map(([name, number]) => ({ name, number })) };
}
