/**
 * One message ⇄ one line of the capture file. Reading never throws: a line
 * is either a record or the reason it is not one, in words that name the
 * field, because the file may come from anywhere (hand-edited, truncated,
 * another tool's output).
 */
import { decodeBody, decodeBodyInto, encodeBody, type BodyScratch } from './body-encoding.ts';
import { headersForOnePass } from '../model/index.ts';
import { ARCHIVE_VERSION, type ArchiveRecord } from './format.ts';

/** What a line is written from (a TracedMessage fits). */
export interface ArchivableMessage {
  receivedAt: number;
  exchange: string;
  routingKey: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
}

/** The JSON text of one line, without its newline. Field order is fixed so files diff well. */
export function recordLine(message: ArchivableMessage, subscription: string): string {
  const { bodyEncoding, body } = encodeBody(message.body);
  const record: ArchiveRecord = {
    v: ARCHIVE_VERSION,
    receivedAt: message.receivedAt,
    exchange: message.exchange,
    routingKey: message.routingKey,
    subscription,
    // Readonly only to the type checker: stringified as is, no copy per message.
    headers: headersForOnePass(message) as Record<string, string>,
    bodyEncoding,
    body,
  };
  return JSON.stringify(record);
}

/** A valid line: its record and the body's bytes, decoded. */
export type ParsedLine = { ok: true; record: ArchiveRecord; bytes: Uint8Array } | { ok: false; reason: string };

const fail = (reason: string): ParsedLine => ({ ok: false, reason });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates one line (already without its line ending). With `scratch`,
 * a small body's bytes are a view of it, valid until the next line (see
 * decodeBodyInto).
 */
export function parseRecordLine(line: string, scratch?: BodyScratch): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return fail(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isPlainObject(value)) return fail('not a JSON object');
  if (!('v' in value)) return fail('no version field "v"');
  if (value.v !== ARCHIVE_VERSION) return fail(`unknown version ${JSON.stringify(value.v)} (this Warren reads version ${ARCHIVE_VERSION})`);
  const { receivedAt, exchange, routingKey, subscription = '', headers, bodyEncoding, body } = value;
  if (typeof receivedAt !== 'number' || !Number.isFinite(receivedAt)) return fail('no receivedAt (epoch milliseconds)');
  if (typeof exchange !== 'string') return fail('no exchange');
  if (typeof routingKey !== 'string') return fail('no routingKey');
  if (typeof subscription !== 'string') return fail('subscription is not a string');
  if (!isPlainObject(headers)) return fail('no headers object');
  // for-in, not Object.entries: no array per header and line.
  for (const name in headers) {
    if (typeof headers[name] !== 'string') return fail(`header ${JSON.stringify(name)} is not a string`);
  }
  if (bodyEncoding !== 'utf8' && bodyEncoding !== 'base64') return fail('bodyEncoding is neither "utf8" nor "base64"');
  if (typeof body !== 'string') return fail('no body');
  const bytes = scratch ? decodeBodyInto(bodyEncoding, body, scratch) : decodeBody(bodyEncoding, body);
  if (bytes === null) return fail('body is not valid base64');
  const record: ArchiveRecord = { v: ARCHIVE_VERSION, receivedAt, exchange, routingKey, subscription, headers: headers as Record<string, string>, bodyEncoding, body };
  return { ok: true, record, bytes };
}
