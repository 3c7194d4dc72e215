/**
 * The rows of the inspector's header table, grouped the way the message was
 * built: AMQP properties, the custom AMQP headers table, and the headers
 * STOMP adds for the delivery. Values stay the strings that arrived; a note
 * adds the reading a human needs (ISO time, mirror lag).
 */
import { shovelLagMs, splitHeaders, SHOVELLED_TIMESTAMP_HEADER } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { epochSecondsToIso, formatShovelLag } from './format.ts';

export interface HeaderRow {
  /** The header's name as it arrived in the MESSAGE frame. */
  name: string;
  value: string;
  /** A decoded reading of the value, shown beside it; absent when the raw value says it all. */
  note?: string;
}

export interface HeaderGroups {
  properties: HeaderRow[];
  custom: HeaderRow[];
  stomp: HeaderRow[];
}

/** Property headers in the order of the AMQP basic properties, so messages compare at a glance. */
const PROPERTY_ORDER = [
  'content-type',
  'content-encoding',
  'correlation-id',
  'reply-to',
  'amqp-message-id',
  'timestamp',
  'expiration',
  'type',
  'user-id',
  'app-id',
  'priority',
  'persistent',
  'redelivered',
];

type Message = Pick<TracedMessage, 'headers' | 'receivedAt'>;

/** Splits and annotates every header of `msg`; no header is left out. */
export function headerGroups(msg: Message): HeaderGroups {
  const split = splitHeaders(msg);
  // splitHeaders accepted a property header when it is in neither other group.
  const propertyNames = Object.keys(msg.headers).filter((name) => !(name in split.stomp) && !(name in split.custom));
  propertyNames.sort((a, b) => rank(a) - rank(b));
  return {
    properties: propertyNames.map((name) => propertyRow(name, msg.headers[name] ?? '', split.properties.timestamp)),
    custom: Object.entries(split.custom).map(([name, value]) => row(name, value, customNote(name, value, msg))),
    stomp: Object.entries(split.stomp).map(([name, value]) => row(name, value, stompNote(name))),
  };
}

function rank(name: string): number {
  const at = PROPERTY_ORDER.indexOf(name);
  return at === -1 ? PROPERTY_ORDER.length : at;
}

function row(name: string, value: string, note: string | undefined): HeaderRow {
  return note === undefined ? { name, value } : { name, value, note };
}

function propertyRow(name: string, value: string, timestampIso: string | undefined): HeaderRow {
  // AMQP timestamps are whole epoch seconds: the ISO form is what people read, the raw one what they grep.
  if (name === 'timestamp' && timestampIso !== undefined) return { name, value: timestampIso, note: `raw ${value} (epoch seconds)` };
  return row(name, value, propertyNote(name, value));
}

function propertyNote(name: string, value: string): string | undefined {
  switch (name) {
    case 'reply-to':
      return value.startsWith('/reply-queue/') ? `queue ${value.slice('/reply-queue/'.length)}` : undefined;
    case 'persistent':
      return value === 'true' ? 'delivery_mode 2' : 'delivery_mode 1';
    case 'expiration':
      return /^\d+$/.test(value) ? 'per-message TTL, ms' : undefined;
    default:
      return undefined;
  }
}

function customNote(name: string, value: string, msg: Message): string | undefined {
  if (name !== SHOVELLED_TIMESTAMP_HEADER) return undefined;
  const lag = shovelLagMs(msg);
  if (lag === null) return undefined;
  return `${epochSecondsToIso(Number(value))} · ${formatShovelLag(lag)}`;
}

function stompNote(name: string): string | undefined {
  if (name === 'message-id') return "STOMP's ack id, not the AMQP message_id";
  if (name === 'subscription') return "this tab's subscription id";
  return undefined;
}
