/**
 * Publishing the tests' own numbered messages on the ORIGIN broker, so every
 * check goes through the real shovel and the real mirror. Each test run gets
 * a unique routing-key prefix, so the generator (if `npm start` is running)
 * never disturbs the counts.
 */
import { randomBytes } from 'node:crypto';
import { openPublisher, withPublisher, type Publisher } from '../../generator/publisher.ts';
import { int64, SEQ_HEADER, type Headers, type OutgoingMessage } from '../../generator/message.ts';
import { originUrl } from '../../generator/origin-url.ts';

export const runId = () => `t${randomBytes(4).toString('hex')}`;

export const withOriginPublisher = <T>(fn: (publisher: Publisher) => Promise<T>): Promise<T> => withPublisher(originUrl(), 'warren-e2e', fn);

export interface NumberedMessage {
  exchange: string;
  routingKey: string;
  body?: Buffer | string;
  contentType?: string;
  contentEncoding?: string;
  headers?: Headers;
}

/** A message carrying `x-warren-seq`, as every generated message does. */
export function numbered(seq: number, m: NumberedMessage): OutgoingMessage {
  const body = m.body ?? JSON.stringify({ seq, key: m.routingKey });
  return {
    exchange: m.exchange,
    routingKey: m.routingKey,
    content: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    options: {
      contentType: m.contentType ?? 'application/json',
      ...(m.contentEncoding ? { contentEncoding: m.contentEncoding } : {}),
      headers: { ...m.headers, [SEQ_HEADER]: int64(seq) },
    },
  };
}

/** Publishes `count` numbered messages (seq firstSeq..firstSeq+count-1) and waits for the broker's confirms. */
export async function publishNumbered(count: number, make: (seq: number) => NumberedMessage, firstSeq = 1): Promise<void> {
  await withOriginPublisher(async (publisher) => {
    for (let seq = firstSeq; seq < firstSeq + count; seq++) await publisher.publish(numbered(seq, make(seq)));
    await publisher.waitForConfirms();
  });
}

/** Publishes seqs 1..count on the origin at `rate`/s, persistent like real task traffic. */
export async function publishPaced(key: string, count: number, rate: number, exchange = 'app.events'): Promise<void> {
  const publisher = await openPublisher(originUrl(), { connectionName: 'warren-e2e-paced' });
  const started = Date.now();
  for (let seq = 1; seq <= count; seq++) {
    const due = started + (seq * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const m = numbered(seq, { exchange, routingKey: key });
    await publisher.publish({ ...m, options: { ...m.options, persistent: true } });
  }
  await publisher.close();
}
