/**
 * Synthetic MESSAGE frames of the generator's domain events (the default
 * mix), byte for byte what RabbitMQ 3.10 web_stomp sends for them.
 */
import { hex, messageFrameText, mix } from './frame-text.ts';

const KEYS = [
  'orders.eu.created', 'orders.us.created', 'orders.apac.created', 'orders.us.cancelled', 'orders.eu.shipped',
  'payments.eu.failed', 'payments.us.captured', 'users.signup', 'users.eu.deleted', 'inventory.eu.low',
  'shipments.eu.delayed', 'invoices.us.issued',
];
const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
const COUNTRIES = ['DE', 'FR', 'NL', 'IE', 'US'];

interface SyntheticFrame {
  text: string;
  key: string;
  tenant: string;
  bodyBytes: number;
}

export function syntheticFrame(i: number, epochMs: number): SyntheticFrame {
  const h = mix(i);
  const key = KEYS[h % KEYS.length] ?? 'orders.eu.created';
  const tenant = TENANTS[(h >>> 8) % TENANTS.length] ?? 'acme';
  const verb = key.slice(key.lastIndexOf('.') + 1);
  const body =
    `{"event_id":"evt_${hex(mix(i + 1), 8)}${hex(i, 6)}","tenant":"${tenant}","order_id":"ord_${hex(mix(i + 2), 8)}",` +
    `"customer":{"id":"cus_${hex(mix(i + 3), 8)}","country":"${COUNTRIES[h % COUNTRIES.length] ?? 'DE'}"},` +
    `"amount_cents":${500 + (h % 90000)},"currency":"EUR","status":"${verb}","occurred_at":"${new Date(epochMs).toISOString()}"}`;
  const headers: [string, string][] = [
    ['subscription', 'sub-0'],
    ['destination', `/exchange/app.events/${key}`],
    ['message-id', `T_sub-0@@session-benchSyntheticFrames0@@${i + 1}`],
    ['redelivered', 'false'],
    ['x-warren-seq', String(i + 1)],
    ['x-tenant', tenant],
    ['x-request-id', `req_${hex(mix(i + 4), 8)}${hex(mix(i + 5), 8)}`],
    ['x-shovelled-timestamp', String(Math.floor(epochMs / 1000))],
    ['app-id', 'shop-backend'],
    ['timestamp', String(Math.floor(epochMs / 1000))],
    ['persistent', 'true'],
    ['content-type', 'application/json'],
  ];
  return { text: messageFrameText(headers, body), key, tenant, bodyBytes: body.length };
}
