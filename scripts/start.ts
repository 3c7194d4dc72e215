/**
 * `npm start`: the local stack, the traffic generator, worker and RPC service, and the
 * built dashboard on 127.0.0.1:8080, already connected to the mirror.
 * Ctrl-C stops what this started in the foreground; the brokers keep running
 * (they take seconds to boot) until `npm run stack:down`.
 */
import { resolve } from 'node:path';
import { loadStackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { stackWatchTarget, watchShovels } from '../stack/shovel-watchdog.ts';
import { supervise, type Supervised } from '../generator/supervise.ts';
import { buildDashboard, serveDashboard, serveOptionsFromEnv, writeRuntimeConfig } from './dashboard.ts';

const started = Date.now();
const root = resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`[warren] ${line}`);
const supervised: Supervised[] = [];
const lastSeq = new Map<string, number>();
/** The generator prints `(last seq N)` in its status and final lines: a restart continues from N+1. */
const LAST_SEQ = /\(last seq (\d+)\)/;

/** Runs a tsx script, restarted with backoff if it crashes (generator/supervise.ts). */
function runTs(name: string, script: string, args: () => string[] = () => []): void {
  supervised.push(
    supervise({
      name,
      command: resolve(root, 'node_modules/.bin/tsx'),
      args: () => [script, ...args()],
      cwd: root,
      // The generator, the worker and the RPC service prefix their own lines.
      onLine: (line) => {
        console.log(line);
        const seq = LAST_SEQ.exec(line)?.[1];
        if (seq !== undefined) lastSeq.set(name, Number(seq));
      },
      say,
    }),
  );
}

const watching = new AbortController();

async function stop(): Promise<never> {
  watching.abort();
  say('stopping the generator, the worker, the RPC service and the dashboard server');
  await Promise.all(supervised.map((s) => s.stop()));
  say('the brokers are still running (state in .stack/); stop them with: npm run stack:down');
  process.exit(0);
}

try {
  const serve = serveOptionsFromEnv();
  const stack = loadStackConfig();
  await stackUp(stack, (line) => console.log(`[stack] ${line}`));
  say('building the dashboard');
  await buildDashboard();
  writeRuntimeConfig(stack);
  const server = await serveDashboard(serve);
  runTs('worker', 'generator/worker.ts');
  runTs('rpc-service', 'generator/rpc-service.ts');
  // A few requests never answered, so the dashboard shows timed-out ones; the user's flags come after and win.
  runTs('generator', 'generator/cli.ts', () => {
    const last = lastSeq.get('generator');
    return ['--drop-reply-rate', '0.005', ...process.argv.slice(2), ...(last === undefined ? [] : ['--seq-start', String(last + 1)])];
  });
  // A mirror cluster: a shovel that stops moving after a node loss is restarted (stack/shovel-watchdog.ts).
  if (stack.mirrors.length > 1) void watchShovels(stackWatchTarget(stack), (line) => console.log(`[stack] ${line}`), watching.signal);
  process.once('SIGINT', () => void server.close().then(stop));
  process.once('SIGTERM', () => void server.close().then(stop));
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`dashboard: http://${serve.host}:${serve.port}  (Ctrl-C to stop)`);
  say(`mirror management UI: http://127.0.0.1:${stack.mirror.managementPort.port} (guest/guest, loopback only)`);
} catch (e) {
  console.error(`[warren] ${e instanceof Error ? e.message : String(e)}`);
  await Promise.all(supervised.map((s) => s.stop()));
  process.exit(1);
}
