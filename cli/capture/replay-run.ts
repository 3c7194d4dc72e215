/**
 * The two passes of `warren replay` over the capture file: the first counts
 * the messages the filter keeps and checks that each exchange they go to
 * exists on the target (so nothing is published when one is missing); the
 * second publishes them, with a progress bar and a summary.
 */
import { connect } from 'amqplib';
import type { BadLine } from '../../src/archive/index.ts';
import { standaloneMessage, standalonePasses, type CompiledFilter } from '../../src/filter/index.ts';
import { publicationOf } from './amqp-message.ts';
import { readCapture, type CaptureReadResult, type CaptureRecord } from './capture-file.ts';
import { reason, report, say, status } from './output.ts';
import { openReplayPublisher, Pacer } from './replay-publisher.ts';
import { formatCount } from './util.ts';

export interface ReplayPlan {
  file: string;
  exchangeMap: Map<string, string>;
  speed: number | null;
  filter: CompiledFilter;
  stringHeaders: boolean;
  publisherUser: string;
  /** The target for messages, password masked. */
  target: string;
  to: URL;
}

export interface ReplayScan {
  lines: number;
  matching: number;
  badLines: number;
}

const BAD_LINES_SHOWN = 10;

/** The page's filter on one record (conversation terms pass: replay has no conversation index). */
const matches = (filter: CompiledFilter, { record, bytes }: CaptureRecord): boolean =>
  filter.isEmpty || standalonePasses(filter, standaloneMessage({ exchange: record.exchange, routingKey: record.routingKey, headers: record.headers, body: bytes }));

/** Pass 1. Null (and the reason said) when the replay cannot go ahead. */
export async function preflight(plan: ReplayPlan): Promise<ReplayScan | null> {
  const read: CaptureReadResult = { badLines: 0, fatalError: null };
  const scan: ReplayScan = { lines: 0, matching: 0, badLines: 0 };
  const exchanges = new Set<string>();
  const showBad = (bad: BadLine): void => {
    if (read.badLines <= BAD_LINES_SHOWN) say(`${plan.file}: line ${bad.line}: ${bad.reason} (skipped)`);
  };
  try {
    for await (const parsed of readCapture(plan.file, showBad, read)) {
      scan.lines++;
      if (!matches(plan.filter, parsed)) continue;
      scan.matching++;
      exchanges.add(plan.exchangeMap.get(parsed.record.exchange) ?? parsed.record.exchange);
    }
  } catch (e) {
    say(`warren replay: cannot read ${plan.file}: ${reason(e)}`);
    return null;
  }
  scan.badLines = read.badLines;
  if (read.badLines > BAD_LINES_SHOWN) say(`${plan.file}: ${formatCount(read.badLines - BAD_LINES_SHOWN)} more bad lines`);
  if (read.fatalError !== null) say(`${plan.file}: ${read.fatalError}; replaying what came before`);
  const filtered = plan.filter.isEmpty ? '' : `, ${formatCount(scan.matching)} match --filter ${JSON.stringify(plan.filter.text)}`;
  say(`${plan.file}: ${formatCount(scan.lines)} messages${filtered}${scan.badLines ? `, ${formatCount(scan.badLines)} bad lines` : ''}`);
  if (scan.matching === 0) return scan;

  let missing: string[];
  try {
    missing = await missingExchanges(plan.to.href, [...exchanges].filter((x) => x !== ''));
  } catch (e) {
    say(`warren replay: cannot connect to ${plan.target}: ${reason(e)}`);
    return null;
  }
  if (missing.length > 0) {
    say(`warren replay: ${plan.target} has no exchange ${missing.map((x) => JSON.stringify(x)).join(', ')}: create ${missing.length > 1 ? 'them' : 'it'}, or map to another with --exchange-map <from>=<to>. Nothing was published.`);
    return null;
  }
  return scan;
}

/** Exchanges of `names` that do not exist (a failed check closes its channel, so one channel each). */
async function missingExchanges(url: string, names: string[]): Promise<string[]> {
  const connection = await connect(url, { clientProperties: { connection_name: 'warren-replay-check' } });
  connection.on('error', () => undefined);
  const missing: string[] = [];
  try {
    for (const name of names) {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      try {
        await channel.checkExchange(name);
        await channel.close();
      } catch {
        missing.push(name);
      }
    }
  } finally {
    await connection.close().catch(() => undefined);
  }
  return missing;
}

/** Pass 2: returns the exit code. */
export async function replayFile(plan: ReplayPlan, scan: ReplayScan): Promise<number> {
  if (scan.matching === 0) {
    report('nothing to replay');
    return 0;
  }
  say(`replaying ${formatCount(scan.matching)} messages to ${plan.target} at ${plan.speed === null ? 'max speed' : `${plan.speed}x`}`);
  let publisher;
  try {
    publisher = await openReplayPublisher(plan.to.href);
  } catch (e) {
    say(`warren replay: cannot connect to ${plan.target}: ${reason(e)}`);
    return 1;
  }
  const { stats } = publisher;
  const pacer = new Pacer(plan.speed);
  const started = performance.now();
  let droppedUserIds = 0;
  let failure: string | null = null;
  const progress = setInterval(() => status(progressBar(stats.published, stats.confirmed, scan.matching, started)), 500);
  const read: CaptureReadResult = { badLines: 0, fatalError: null };
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    say('stopping after the messages in flight are confirmed (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSignal);
  try {
    for await (const parsed of readCapture(plan.file, () => undefined, read)) {
      if (interrupted) break;
      if (!matches(plan.filter, parsed)) continue;
      await pacer.wait(parsed.record.receivedAt);
      const publication = publicationOf(parsed.record, parsed.bytes, plan);
      if (publication.droppedUserId) droppedUserIds++;
      await publisher.publish(publication);
    }
    await publisher.close();
  } catch (e) {
    failure = reason(e);
    await publisher.close().catch(() => undefined);
  } finally {
    clearInterval(progress);
    process.off('SIGINT', onSignal);
  }
  status(progressBar(stats.published, stats.confirmed, scan.matching, started), true);
  const seconds = (performance.now() - started) / 1000;
  report(
    `replayed to ${plan.target} in ${seconds.toFixed(1)} s: ${formatCount(scan.lines)} read, ${formatCount(scan.lines - scan.matching)} filtered out, ` +
      `${formatCount(stats.published)} published, ${formatCount(stats.confirmed)} confirmed, ${formatCount(stats.nacked)} nacked, ` +
      `${formatCount(stats.unroutable)} unroutable, ${formatCount(scan.badLines)} bad lines`,
  );
  if (droppedUserIds > 0) say(`note: ${formatCount(droppedUserIds)} messages had a user-id other than ${plan.publisherUser}; RabbitMQ refuses those, so it was left out`);
  if (stats.unroutable > 0) say(`note: ${formatCount(stats.unroutable)} messages reached no queue (no binding matched their routing key)`);
  if (interrupted) say('warren replay: interrupted');
  if (failure !== null) say(`warren replay: ${failure}`);
  return failure === null && !interrupted && stats.nacked === 0 && stats.confirmed === scan.matching ? 0 : 1;
}

function progressBar(published: number, confirmed: number, total: number, started: number): string {
  const width = 30;
  const filled = Math.round((confirmed / total) * width);
  const rate = (confirmed * 1000) / Math.max(1, performance.now() - started);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor((confirmed / total) * 100)}% ${formatCount(confirmed)}/${formatCount(total)} confirmed, ${formatCount(published)} published, ${formatCount(Math.round(rate))} msg/s`;
}
