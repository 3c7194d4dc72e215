/**
 * `npm start`: the local stack, the traffic generator and worker, and the
 * built dashboard on 127.0.0.1:8080, already connected to the mirror.
 * Ctrl-C stops what this started in the foreground; the brokers keep running
 * (they take seconds to boot) until `npm run stack:down`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadStackConfig } from '../stack/config.ts';
import { stackUp } from '../stack/stack.ts';
import { buildDashboard, serveDashboard, serveOptionsFromEnv, writeRuntimeConfig } from './dashboard.ts';

const started = Date.now();
const root = resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`[warren] ${line}`);
const children: ChildProcess[] = [];

function runTs(name: string, script: string, args: string[] = []): ChildProcess {
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    // The generator and the worker prefix their own lines.
    createInterface({ input: stream }).on('line', (line) => console.log(line));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) say(`${name} exited (${signal ?? `code ${code}`})`);
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(): Promise<never> {
  stopping = true;
  say('stopping the generator, the worker and the dashboard server');
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
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
  runTs('generator', 'generator/cli.ts', process.argv.slice(2));
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
