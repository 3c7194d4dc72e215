/**
 * The generator's Celery "client" end: a private reply queue bound to the
 * `celery.replies` exchange with its own name as key. The worker routes RPC
 * results there (instead of Celery's default exchange "", which cannot be
 * shovelled), so results are both received here and traceable on the mirror.
 */
import { connect } from 'amqplib';
import { assertAppExchanges, REPLIES_EXCHANGE } from './exchanges.ts';

export interface ReplyClient {
  readonly queue: string;
  /** Replies received so far, and how many of those reported a failure. */
  stats(): { replies: number; failures: number };
  close(): Promise<void>;
}

function isFailure(content: Buffer): boolean {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && 'status' in parsed && parsed.status === 'FAILURE';
  } catch {
    return false;
  }
}

export async function openReplyClient(url: string, queue: string, onFailure?: (error: Error) => void): Promise<ReplyClient> {
  const connection = await connect(url, { clientProperties: { connection_name: 'warren-generator-replies' } });
  let closing = false;
  const fail = (error: Error): void => {
    if (!closing) onFailure?.(error);
  };
  connection.on('error', fail);
  const channel = await connection.createChannel();
  channel.on('error', fail);
  await assertAppExchanges(channel, [REPLIES_EXCHANGE]);
  // Exclusive + auto-delete: the queue dies with this run, like Celery's per-client rpc queue.
  await channel.assertQueue(queue, { exclusive: true, autoDelete: true, durable: false });
  await channel.bindQueue(queue, REPLIES_EXCHANGE, queue);
  const counts = { replies: 0, failures: 0 };
  await channel.consume(
    queue,
    (msg) => {
      if (msg === null) return;
      counts.replies++;
      if (isFailure(msg.content)) counts.failures++;
    },
    { noAck: true },
  );
  return {
    queue,
    stats: () => ({ ...counts }),
    async close() {
      if (closing) return;
      closing = true;
      await connection.close().catch(() => undefined);
    },
  };
}
