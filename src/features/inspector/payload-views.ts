/**
 * Which payload views apply to a body's reading, which one opens first, and
 * what the Copy button copies in each. Pure, so the choice is unit-tested.
 */
import type { CeleryInfo, DecodedBody, PayloadReading } from '../../model/index.ts';

/** `decoded`: the structured value (JSON, MessagePack, CBOR, protobuf, base64 JSON) as a tree. */
export type PayloadViewId = 'celery' | 'decoded' | 'text' | 'hex';

export const VIEW_LABELS: Record<PayloadViewId, string> = { celery: 'Celery', decoded: 'Tree', text: 'Text', hex: 'Hex' };

/** Views in tab order. Hex is always there: every body is bytes. */
export function availableViews(reading: PayloadReading, celery: CeleryInfo | null): PayloadViewId[] {
  const views: PayloadViewId[] = [];
  if (celery !== null) views.push('celery');
  if (reading.hasValue) views.push('decoded');
  if (reading.body.kind !== 'binary') views.push('text');
  views.push('hex');
  return views;
}

/**
 * The view a message opens in: what the user decoded it as, if they chose
 * Text or Hex; Celery for tasks (args/kwargs matter more than the body's
 * array shape); else the richest reading of the body. A decoder that failed
 * opens the hex view under its note: the bytes are what is left to read.
 */
export function defaultView(reading: PayloadReading, celery: CeleryInfo | null): PayloadViewId {
  const chosen = reading.override?.decoder;
  if (chosen === 'hex') return 'hex';
  if (chosen === 'text' && reading.body.kind !== 'binary') return 'text';
  if (celery?.kind === 'task' && chosen === undefined) return 'celery';
  if (reading.hasValue) return 'decoded';
  if (reading.error !== undefined) return 'hex';
  if (reading.body.kind !== 'binary') return 'text';
  return 'hex';
}

/** The user's pick while it still applies (loading the full body or another decoder can change what applies), else the default. */
export function effectiveView(chosen: PayloadViewId | null, reading: PayloadReading, celery: CeleryInfo | null): PayloadViewId {
  if (chosen !== null && availableViews(reading, celery).includes(chosen)) return chosen;
  return defaultView(reading, celery);
}

/**
 * What Copy puts on the clipboard: pretty JSON of the decoded value (what the
 * user is looking at; the Text view copies the exact text), the decoded text
 * otherwise, and the visible hex dump for binary.
 */
export function copyableText(view: PayloadViewId, reading: PayloadReading, hexShown: () => string): string {
  const { body } = reading;
  if (reading.hasValue && (view === 'decoded' || view === 'celery')) return JSON.stringify(reading.value, null, 2);
  if (view === 'hex' || body.kind === 'binary') return hexShown();
  return body.text;
}

/**
 * The body as the Celery reader wants it (a JSON reading): a task sent with
 * kombu's msgpack serializer (application/x-msgpack) decodes to the same
 * `[args, kwargs, embed]` value, so it is handed over as that value.
 */
export function bodyForCelery(reading: PayloadReading): DecodedBody {
  const { body } = reading;
  if (!reading.hasValue || body.kind === 'json') return body;
  const text = safeStringify(reading.value);
  return { wireBytes: body.wireBytes, totalBytes: body.totalBytes, decodedBytes: body.decodedBytes, truncated: body.truncated, decompressed: body.decompressed, kind: 'json', value: reading.value, text };
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
