/**
 * What a content type says about the body's format. Parameters are kept
 * (lower-cased names, unquoted values) because protobuf producers name the
 * message type in them: `application/x-protobuf; messageType=shop.Order`,
 * `application/protobuf; proto=shop.Order`.
 */

/** The formats Warren decodes, as a content type labels them. */
export type LabelledFormat = 'json' | 'msgpack' | 'cbor' | 'protobuf' | 'base64' | 'text' | 'bytes' | 'none' | 'other';

export interface ContentTypeInfo {
  /** Lower-cased type/subtype, '' when absent. */
  mime: string;
  params: Readonly<Record<string, string>>;
  format: LabelledFormat;
}

const MSGPACK = new Set(['application/msgpack', 'application/x-msgpack', 'application/vnd.msgpack']);
const CBOR = new Set(['application/cbor']);
const PROTOBUF = new Set(['application/protobuf', 'application/x-protobuf', 'application/vnd.google.protobuf', 'application/x-google-protobuf', 'application/octet-stream+protobuf']);
const BYTES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/data']);

/** Content types seen are few (interned strings): parsed once each, bounded all the same. */
const parsed = new Map<string, ContentTypeInfo>();
const MAX_REMEMBERED = 1024;

/** Parses a content type; memoised per distinct string. */
export function contentTypeInfo(contentType: string): ContentTypeInfo {
  const known = parsed.get(contentType);
  if (known !== undefined) return known;
  const info = parseContentType(contentType);
  if (parsed.size >= MAX_REMEMBERED) parsed.clear();
  parsed.set(contentType, info);
  return info;
}

function parseContentType(contentType: string): ContentTypeInfo {
  const [head = '', ...rest] = contentType.split(';');
  const mime = head.trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name !== '' && !(name in params)) Object.defineProperty(params, name, { value, enumerable: true });
  }
  return { mime, params, format: formatOfMime(mime) };
}

function formatOfMime(mime: string): LabelledFormat {
  if (mime === '') return 'none';
  if (mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json')) return 'json';
  if (MSGPACK.has(mime) || mime.endsWith('+msgpack')) return 'msgpack';
  if (CBOR.has(mime) || mime.endsWith('+cbor')) return 'cbor';
  if (PROTOBUF.has(mime) || mime.endsWith('+protobuf') || mime.endsWith('+proto')) return 'protobuf';
  if (mime.includes('base64')) return 'base64';
  if (BYTES.has(mime)) return 'bytes';
  if (mime.startsWith('text/')) return 'text';
  return 'other';
}

/** The protobuf message type a content type names (`proto=`, `messagetype=`, `type=`), or null. */
export function protoTypeParameter(info: ContentTypeInfo): string | null {
  const name = info.params['proto'] ?? info.params['messagetype'] ?? info.params['type'] ?? null;
  return name === null || name === '' ? null : name.replace(/^\./, '');
}
