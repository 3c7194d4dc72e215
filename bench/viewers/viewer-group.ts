/**
 * N viewers spread over a few child processes (viewer-process.ts) and over
 * the mirror nodes' web-stomp URLs (viewer i on url i mod the count). The
 * parent sees them as one group: ready, the smallest distinct count so far,
 * every viewer's stats, close. A test can use it as is: open ten, publish,
 * collect, assert each got everything.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { ViewerOptions, ViewerStats } from './viewer.ts';
import type { ViewerProcessCommand, ViewerProcessMessage } from './viewer-process.ts';

export interface ViewerGroupOptions extends Omit<ViewerOptions, 'url'> {
  urls: string[];
  count: number;
  /** Viewers per child process at most (default 10); at most `maxProcesses` processes (default 4). */
  perProcess?: number;
  maxProcesses?: number;
}

/** How many viewers each child gets: ≤ perProcess each unless that needs more than maxProcesses children. */
export function splitViewers(count: number, perProcess: number, maxProcesses: number): number[] {
  if (count <= 0) return [];
  const processes = Math.min(maxProcesses, Math.ceil(count / perProcess));
  return Array.from({ length: processes }, (_, i) => Math.floor(count / processes) + (i < count % processes ? 1 : 0));
}

export class ViewerGroup {
  private readonly children: ChildProcess[] = [];
  private readonly minDistinct: number[] = [];
  private readonly pending = new Map<ChildProcess, (stats: ViewerStats[]) => void>();
  private failure: string | null = null;

  private constructor() {}

  /** Forks the children and resolves when every viewer is subscribed (rejects after timeoutMs or on an error). */
  static async open(options: ViewerGroupOptions, timeoutMs = 30_000): Promise<ViewerGroup> {
    const group = new ViewerGroup();
    const split = splitViewers(options.count, options.perProcess ?? 10, options.maxProcesses ?? 4);
    const { urls, login, passcode, vhost, exchange, mode, seqFrom, seqTo } = options;
    const viewer = { login, passcode, vhost, exchange, mode, seqFrom, seqTo };
    let next = 0;
    const readies = split.map((n, index) => {
      const list: ViewerOptions[] = Array.from({ length: n }, () => ({ ...viewer, url: urls[next++ % urls.length] ?? '' }));
      const child = fork(resolve(import.meta.dirname, 'viewer-process.ts'), [JSON.stringify(list)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      group.children.push(child);
      group.minDistinct.push(0);
      return new Promise<void>((ready, fail) => {
        child.on('message', (m: ViewerProcessMessage) => {
          if (m.type === 'ready') ready();
          else if (m.type === 'progress') group.minDistinct[index] = m.minDistinct;
          else if (m.type === 'stats') group.pending.get(child)?.(m.viewers);
          else {
            group.failure ??= m.message;
            fail(new Error(`viewer: ${m.message}`));
          }
        });
        child.on('exit', (code) => fail(new Error(`viewer process exited with code ${code}`)));
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`viewers not subscribed within ${timeoutMs / 1000} s`)), timeoutMs)));
    try {
      await Promise.race([Promise.all(readies), timeout]);
    } catch (e) {
      group.close();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    return group;
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid ?? -1).filter((p) => p > 0);
  }

  /** The smallest distinct count of any viewer, as of the last progress message (≤ 250 ms old). */
  get slowest(): number {
    return Math.min(...this.minDistinct);
  }

  async collect(): Promise<ViewerStats[]> {
    const parts = await Promise.all(
      this.children.map(
        (child) =>
          new Promise<ViewerStats[]>((done) => {
            this.pending.set(child, done);
            child.send({ type: 'collect' } satisfies ViewerProcessCommand);
          }),
      ),
    );
    return parts.flat();
  }

  /** Asks each child to close its clients; kills what is still there after 5 s. */
  close(): Promise<void> {
    return Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            if (child.connected) child.send({ type: 'close' } satisfies ViewerProcessCommand);
            else child.kill('SIGTERM');
          }),
      ),
    ).then(() => undefined);
  }
}
