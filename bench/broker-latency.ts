/**
 * `npx tsx bench/broker-latency.ts [rate] [seconds] [durable]`: the latency
 * floor under the page's latency row, the broker path alone (not part of
 * `npm run bench`). Messages published on the origin at a steady rate, as the
 * latency phase publishes them, go through the real shovel to a bare stompjs
 * consumer on the mirror, in a process of its own; it prints publish →
 * received, p50 / p95 / p99. `durable` subscribes and acks as the page's
 * durable capture does (durable-capture.ts: a durable queue, cumulative
 * client acks behind a prefetch window). The first second is left out as
 * warm-up. Measured on the bench machine at 1,000 msg/s for 10 s: 1 / 3 /
 * 6-8 ms either way, against the page's 66 / 120 ms publish → ingest (p50 /
 * p95).
 * The stack must be up.
 */
import { fork } from 'node:child_process';
import { benchStompClient } from './stomp-client.ts';
import { loadStackConfig, webStompUrl } from '../stack/config.ts';
import { CumulativeAcker, durableQueueName, durableSubscribeHeaders } from '../src/connection/durable-capture.ts';
import { benchMessage, runPrefix, SENT_HEADER } from './messages.ts';
import { publishPaced } from './publish.ts';
import { distribution, sleep } from './stats.ts';

interface ConsumerArgs {
  url: string;
  login: string;
  passcode: string;
  vhost: string;
  destination: string;
  headers: Record<string, string>;
}

type FromConsumer = { type: 'ready' } | { type: 'done'; latencies: number[] };

/** In the child: subscribes, records now − x-bench-sent for each message, hands them over when told. */
function consume(args: ConsumerArgs): void {
  const latencies: number[] = [];
  const send = (message: FromConsumer) => process.send?.(message);
  // Acked as the page acks: cumulatively, every 100 ms or half a window.
  const acker = new CumulativeAcker((ackId, subscription) => client.ack(ackId, subscription));
  const client = benchStompClient(args, {
    onConnect: () => {
      client.watchForReceipt('subscribed', () => send({ type: 'ready' }));
      client.subscribe(
        args.destination,
        (message) => {
          latencies.push(Date.now() - Number(message.headers[SENT_HEADER]));
          acker.received(message.headers['ack'] ?? '', message.headers['subscription'] ?? '');
        },
        { receipt: 'subscribed', ...args.headers },
      );
    },
  });
  client.activate();
  process.on('message', () => {
    send({ type: 'done', latencies });
    setTimeout(() => process.exit(0), 100);
  });
}

async function main(): Promise<void> {
  const rate = Number(process.argv[2] ?? 1000);
  const seconds = Number(process.argv[3] ?? 10);
  const durable = process.argv[4] === 'durable';
  const stack = loadStackConfig();
  const prefix = runPrefix('broker-latency');
  const headers = durable ? durableSubscribeHeaders(durableQueueName(prefix, `/exchange/app.events/${prefix}.#`)) : {};
  const args: ConsumerArgs = { url: webStompUrl(stack), login: stack.tracer.login, passcode: stack.tracer.passcode, vhost: stack.vhost, destination: `/exchange/app.events/${prefix}.#`, headers };
  const child = fork(import.meta.filename, ['--consumer', JSON.stringify(args)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<FromConsumer>((resolve) => child.once('message', (m: FromConsumer) => resolve(m)));
  await next(); // ready
  await publishPaced(rate, seconds, (seq, sentAt) => benchMessage(prefix, seq, sentAt));
  await sleep(1500);
  const done = next();
  child.send('stop');
  const reply = await done;
  const latencies = reply.type === 'done' ? reply.latencies.slice(rate) : [];
  const d = distribution(latencies);
  console.log(`${durable ? 'durable queue, cumulative acks' : 'auto-delete queue'}, ${rate} msg/s for ${seconds} s: publish → received p50 / p95 / p99 ${d.p50} / ${d.p95} / ${d.p99} ms, max ${d.max} (n=${d.count})`);
}

if (process.argv[2] === '--consumer') consume(JSON.parse(process.argv[3] ?? '{}') as ConsumerArgs);
else await main();
