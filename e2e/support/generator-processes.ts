/**
 * The traffic generator, the worker and the RPC service as child processes of
 * a test, each with the test's own queues and keys (see README, "Traffic
 * generator, worker and RPC service": --queue, --binding, --task-queue,
 * --rpc-key-prefix),
 * so they never compete with the ones `npm start` may be running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');

export type GeneratorScript = 'cli' | 'worker' | 'rpc-service';

export interface ScriptRun {
  readonly child: ChildProcess;
  /** Every line printed so far (stdout and stderr). */
  readonly lines: string[];
  alive(): boolean;
  /** Resolves with the first line (already printed or to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code (SIGKILL after 10 s). */
  stop(): Promise<number | null>;
}

export function runGeneratorScript(script: GeneratorScript, args: string[], echo = true): ScriptRun {
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), [`generator/${script}.ts`, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (echo) console.log(line);
      for (const l of listeners) l(line);
    });
  }
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    child,
    lines,
    alive,
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`generator/${script}.ts printed no line matching ${pattern} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolvePromise(line);
        };
        listeners.add(listener);
      });
    },
    async stop() {
      if (!alive()) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
