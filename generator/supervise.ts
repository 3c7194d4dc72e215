/**
 * Keeps a child process running for `npm start`: restarts it with backoff
 * (1 s doubling to 30 s, from 1 s again after a run of a minute or more) when
 * it dies, and says so. The generator, the worker and the RPC service
 * reconnect by themselves when the origin restarts, so this is for a crash.
 * A child that exits with code 0 was asked to stop (e.g. --duration) and is
 * left alone. `args` is asked again before every start, so a restarted
 * generator can continue its x-warren-seq numbering.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createBackoff, seconds } from './reconnect.ts';
import type { Backoff } from './reconnect.ts';

export interface SuperviseOptions {
  name: string;
  command: string;
  args: () => string[];
  cwd: string;
  /** Every stdout/stderr line of every run. */
  onLine: (line: string) => void;
  say: (line: string) => void;
  backoff?: Backoff;
  healthyRunMs?: number;
}

export interface Supervised {
  /** Stops restarting, SIGTERMs the running child and resolves once it exited. */
  stop(): Promise<void>;
  readonly starts: number;
}

export function supervise(options: SuperviseOptions): Supervised {
  const backoff = options.backoff ?? createBackoff(1000, 30_000);
  const healthyRunMs = options.healthyRunMs ?? 60_000;
  let stopping = false;
  let child: ChildProcess | null = null;
  let starts = 0;
  let timer: NodeJS.Timeout | null = null;

  const start = (): void => {
    starts++;
    const began = Date.now();
    const proc = spawn(options.command, options.args(), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    for (const stream of [proc.stdout, proc.stderr]) createInterface({ input: stream }).on('line', options.onLine);
    proc.on('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      if (code === 0) {
        options.say(`${options.name} finished`);
        return;
      }
      if (Date.now() - began >= healthyRunMs) backoff.reset();
      const delay = backoff.next();
      options.say(`${options.name} exited (${signal ?? `code ${code}`}); restarting it in ${seconds(delay)}`);
      timer = setTimeout(start, delay);
    });
  };
  start();

  return {
    get starts() {
      return starts;
    },
    async stop() {
      stopping = true;
      if (timer !== null) clearTimeout(timer);
      const running = child;
      if (running === null || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGTERM');
      await exited;
    },
  };
}
