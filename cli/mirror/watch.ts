/**
 * `warren mirror watch`: the local stack's shovel watchdog
 * (stack/shovel-watchdog.ts) against your own origin, until Ctrl-C or
 * SIGTERM. Run it beside a mirror cluster: on RabbitMQ 3.10.8 a shovel whose
 * mirror node was killed now and then reconnects, reports `running`, and
 * delivers nothing again until it is restarted.
 */
import { watchShovels } from '../../stack/shovel-watchdog.ts';
import type { MirrorOptions } from './args.ts';
import type { Output } from './mask.ts';
import type { Apis } from './plan.ts';
import { readRecord } from './record.ts';
import { shovelName } from './setup.ts';

export async function watchMirroring(opts: MirrorOptions, apis: Apis, out: Output, signal: AbortSignal): Promise<number> {
  const vhost = opts.origin.vhost;
  const record = await readRecord(apis.origin, vhost);
  const exchanges = opts.exchanges.length ? opts.exchanges : (record?.exchanges ?? []);
  if (exchanges.length === 0) {
    out.error(`watch: no mirroring recorded on the origin for vhost "${vhost}" and no --exchange given: nothing to watch`);
    return 1;
  }
  out.line(
    `watching ${exchanges.map(shovelName).join(', ')} on ${opts.origin.url} vhost "${vhost}": a shovel that moves nothing for ` +
      `${opts.stallSeconds} s while messages wait on the origin is restarted, at most once a minute (Ctrl-C to stop)`,
  );
  await watchShovels({ api: apis.origin, vhost, exchanges }, (line) => out.line(line), signal, { stallMs: opts.stallSeconds * 1000 });
  out.line('watch: stopped');
  return 0;
}
