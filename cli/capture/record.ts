/**
 * `warren record`: headless capture from the mirror's web_stomp into a
 * capture file in the page's export format, one line per MESSAGE, written as
 * it arrives. Stops on Ctrl-C, `--count` or `--duration`, and always closes
 * the file cleanly (the gzip trailer included).
 */
import { parseArgs } from 'node:util';
import type { IMessage } from '@stomp/stompjs';
import { recordLine } from '../../src/archive/index.ts';
import { parseDestination } from '../../src/model/destination.ts';
import { openCaptureWriter, type CaptureFileWriter } from './capture-file.ts';
import { addSecret, reason, report, say, splitCredentials, status } from './output.ts';
import { openStompSource } from './stomp-source.ts';
import { formatBytes, formatCount, positiveNumber, UsageError } from './util.ts';

export const DEFAULT_MIRROR = 'ws://127.0.0.1:15674/ws';

const USAGE = `usage: warren record --sub <destination> [--sub <destination> …] --out <file.ndjson[.gz]> [options]

Captures what the mirror delivers to the given STOMP subscriptions into a
capture file (the page's export format; gzip'd when the name ends in .gz).

  --mirror <ws url>     the mirror's web_stomp endpoint (default ${DEFAULT_MIRROR});
                        ws://login:passcode@host:15674/ws gives the credentials
  --vhost <vhost>       virtual host (default /)
  --login <login>       STOMP login (default: from the URL, else warren)
                        passcode: from the URL, else $WARREN_TRACER_PASSWORD, else the
                        local stack's default; it is never printed
  --sub <destination>   /exchange/<x>/<pattern>, /topic/<pattern>, /amq/queue/<q> … (repeatable)
  --out <file>          the capture file; an existing file is refused unless --overwrite
  --count <n>           stop after n messages
  --duration <seconds>  stop after this long
  --overwrite           replace an existing file

Ctrl-C stops and closes the file. Exit code 0 when stopped, 1 when the
connection failed or was lost (the file then holds what arrived), 2 for usage.`;

interface RecordOptions {
  mirror: URL;
  login: string;
  passcode: string;
  vhost: string;
  subs: string[];
  out: string;
  count: number | null;
  durationMs: number | null;
  overwrite: boolean;
}

function parseOptions(args: string[]): RecordOptions | 'help' {
  const { values } = parseArgs({
    args,
    options: {
      mirror: { type: 'string' },
      vhost: { type: 'string' },
      login: { type: 'string' },
      sub: { type: 'string', multiple: true },
      out: { type: 'string' },
      count: { type: 'string' },
      duration: { type: 'string' },
      overwrite: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const { url, login, password } = splitCredentials(values.mirror ?? DEFAULT_MIRROR);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new UsageError(`--mirror must be a ws:// or wss:// URL, not ${url.protocol}`);
  const passcode = password ?? process.env.WARREN_TRACER_PASSWORD ?? 'warren-tracer';
  addSecret(passcode);
  if (!values.sub?.length) throw new UsageError('give at least one --sub <destination> (e.g. --sub /exchange/app.events/#)');
  if (!values.out) throw new UsageError('give --out <file.ndjson> (or .ndjson.gz)');
  return {
    mirror: url,
    login: values.login ?? login ?? 'warren',
    passcode,
    vhost: values.vhost ?? '/',
    subs: values.sub,
    out: values.out,
    count: values.count === undefined ? null : positiveNumber('--count', values.count, true),
    durationMs: values.duration === undefined ? null : positiveNumber('--duration', values.duration, false) * 1000,
    overwrite: values.overwrite ?? false,
  };
}

export async function main(args: string[]): Promise<number> {
  let options: RecordOptions | 'help';
  try {
    options = parseOptions(args);
  } catch (e) {
    say(`warren record: ${reason(e)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    report(USAGE);
    return 0;
  }
  let file: CaptureFileWriter;
  try {
    file = await openCaptureWriter(options.out, options.overwrite);
  } catch (e) {
    say(`warren record: cannot write ${options.out}: ${reason(e)}${(e as NodeJS.ErrnoException).code === 'EEXIST' ? ' (give --overwrite to replace it)' : ''}`);
    return 1;
  }
  return capture(options, file);
}

async function capture(options: RecordOptions, file: CaptureFileWriter): Promise<number> {
  const started = Date.now();
  let recorded = 0;
  let lastCount = 0;
  let lastTime = started;
  let stopped = false;
  let failure: string | null = null;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stop = (why: string | null): void => {
    if (stopped) return;
    stopped = true;
    failure = why;
    finish();
  };

  say(`recording from ${options.mirror.href} (vhost ${options.vhost}, login ${options.login}) to ${options.out}`);
  const source = openStompSource({
    url: options.mirror.href,
    login: options.login,
    passcode: options.passcode,
    vhost: options.vhost,
    destinations: options.subs,
    onSubscribed: (destination) => say(`subscribed to ${destination}`),
    onFatal: (why) => stop(why),
    onMessage: (frame: IMessage, destination: string) => {
      if (stopped) return;
      const headers = frame.headers;
      const parsed = headers['destination'] === undefined ? { exchange: '', routingKey: '' } : parseDestination(headers['destination']);
      const line = recordLine({ receivedAt: Date.now(), exchange: parsed.exchange, routingKey: parsed.routingKey, headers, body: frame.binaryBody }, destination);
      try {
        file.writeLine(line);
      } catch (e) {
        stop(`cannot write ${options.out}: ${reason(e)}`);
        return;
      }
      if (++recorded === options.count) stop(null);
    },
  });

  const progress = setInterval(() => {
    const now = Date.now();
    const rate = ((recorded - lastCount) * 1000) / Math.max(1, now - lastTime);
    lastCount = recorded;
    lastTime = now;
    status(`recorded ${formatCount(recorded)} messages (${formatCount(Math.round(rate))} msg/s) → ${options.out}`);
  }, 1000);
  const timer = options.durationMs === null ? null : setTimeout(() => stop(null), options.durationMs);
  const onSignal = (): void => {
    if (stopped) process.exit(130);
    say('stopping (Ctrl-C again to quit without closing the file)');
    stop(null);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  await done;
  clearInterval(progress);
  if (timer) clearTimeout(timer);
  await source.close().catch(() => undefined);
  let closeError: string | null = null;
  try {
    await file.close();
  } catch (e) {
    closeError = reason(e);
  }
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  const seconds = (Date.now() - started) / 1000;
  report(`recorded ${formatCount(recorded)} messages in ${seconds.toFixed(1)} s to ${options.out} (${formatBytes(file.bytesWritten)})`);
  if (failure !== null) say(`warren record: ${failure}`);
  if (closeError !== null) say(`warren record: closing ${options.out} failed: ${closeError}`);
  return failure !== null || closeError !== null ? 1 : 0;
}
