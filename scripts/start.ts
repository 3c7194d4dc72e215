/**
 * `npm start`: the local stack, the traffic generator, worker and RPC service, and the
 * built dashboard on 127.0.0.1:8080, already connected to the mirror.
 * Ctrl-C stops what this started in the foreground; the brokers keep running
 * (they take seconds to boot) until `npm run stack:down`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadStackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { createBackoff, seconds } from '../generator/reconnect.ts';
import { buildDashboard, serveDashboard, serveOptionsFromEnv, writeRuntimeConfig } from './dashboard.ts';

const started = Date.now();
const root = resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`[warren] ${line}`);
const children = new Set<ChildProcess>();

/** A child that ran this long before dying starts over from the shortest restart delay. */
const HEALTHY_RUN_MS = 60_000;
/** The generator prints `(last seq N)` in its status and final lines: a restart continues from N+1. */
const LAST_SEQ = /\(last seq (\d+)\)/;

/**
 * Runs a tsx script and restarts it with backoff (1 s doubling to 30 s) if it
 * dies: the generator, the worker and the RPC service reconnect by themselves
 * when the origin restarts, so this is for a crash. `args` is asked again on
 * each start, so the generator can continue its x-warren-seq numbering.
 */
function supervise(name: string, script: string, args: () => string[] = () => []): void {
  const backoff = createBackoff(1000, 30_000);
  const start = (): void => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [script, ...args()], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const began = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      // The generator, the worker and the RPC service prefix their own lines.
      createInterface({ input: stream }).on('line', (line) => {
        console.log(line);
        const seq = LAST_SEQ.exec(line)?.[1];
        if (seq !== undefined) lastSeq.set(name, Number(seq));
      });
    }
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      if (code === 0) {
        // Asked to stop (e.g. the generator's --duration or --count): not a crash.
        say(`${name} finished`);
        return;
      }
      if (Date.now() - began >= HEALTHY_RUN_MS) backoff.reset();
      const delay = backoff.next();
      say(`${name} exited (${signal ?? `code ${code}`}); restarting it in ${seconds(delay)}`);
      setTimeout(() => {
        if (!stopping) start();
      }, delay);
    });
    children.add(child);
  };
  start();
}
const lastSeq = new Map<string, number>();

let stopping = false;
async function stop(): Promise<never> {
  stopping = true;
  say('stopping the generator, the worker, the RPC service and the dashboard server');
  const running = [...children];
  for (const child of running) child.kill('SIGTERM');
  await Promise.all(running.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
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
  supervise('worker', 'generator/worker.ts');
  supervise('rpc-service', 'generator/rpc-service.ts');
  // A few requests never answered, so the dashboard shows timed-out ones; the user's flags come after and win.
  supervise('generator', 'generator/cli.ts', () => {
    const last = lastSeq.get('generator');
    return ['--drop-reply-rate', '0.005', ...process.argv.slice(2), ...(last === undefined ? [] : ['--seq-start', String(last + 1)])];
  });
  process.once('SIGINT', () => void server.close().then(stop));
  process.once('SIGTERM', () => void server.close().then(stop));
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`dashboard: http://${serve.host}:${serve.port}  (Ctrl-C to stop)`);
  say(`mirror management UI: http://127.0.0.1:${stack.mirror.managementPort.port} (guest/guest, loopback only)`);
} catch (e) {
  console.error(`[warren] ${e instanceof Error ? e.message : String(e)}`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
}
