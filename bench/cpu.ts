/**
 * Who used the machine's CPU during a phase (Linux /proc): both RabbitMQ
 * nodes, the bench process (the publisher), the ceiling consumer, each
 * Chromium process, the renderer's threads by name (CrRendererMain is the
 * page's main thread), and everything else, which on a shared box includes
 * other people's work. Sampled every second, so a process that exits loses
 * at most its last second. Percentages are of ONE core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { StackConfig } from '../stack/config.ts';
import { livePid } from '../stack/rabbitmq-node.ts';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuUsage {
  /** Wall time of the window, seconds. */
  seconds: number;
  /** Busy share of all cores together, 0..100 × cores. */
  machinePercent: number;
  cores: number;
  groups: { group: string; percent: number }[];
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime in ticks, from a /proc stat line (the comm field may hold spaces). */
function ticks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function machineBusy(): { busy: number; total: number } {
  const line = (read('/proc/stat') ?? '').split('\n')[0] ?? '';
  const v = line.split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0);
  return { busy: total - idle, total };
}

/** Parent pid, from a /proc stat line. */
function parentOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Our own Chromium is a descendant of this process; another one (someone's e2e run) is not. */
function isOurs(pid: number, parents: Map<number, number>): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 50; p = parents.get(p) ?? 0, hops++) if (p === process.pid) return true;
  return false;
}

function classify(pid: number, comm: string, known: Map<number, string>, parents: Map<number, number>): string {
  const named = known.get(pid);
  if (named) return named;
  const cmdline = read(`/proc/${pid}/cmdline`)?.replace(/\0/g, ' ') ?? '';
  if (cmdline.includes('ceiling-consumer')) return 'ceiling consumer (node)';
  if (/chrom/.test(cmdline) || comm.startsWith('chrom')) {
    if (!isOurs(pid, parents)) return 'other: chromium (not the bench\'s)';
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
    if (type === 'renderer') return 'chromium renderer';
    if (type === 'utility') return /NetworkService/.test(cmdline) ? 'chromium network service' : 'chromium utility';
    return type ? `chromium ${type}` : 'chromium browser';
  }
  return `other: ${comm.startsWith('kworker') ? 'kernel workers' : comm}`;
}

/** Ticks per group (renderer threads by thread name) at this moment; empty where there is no /proc. */
function snapshot(known: Map<number, string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, n: number) => out.set(key, (out.get(key) ?? 0) + n);
  const stats = new Map<number, string>();
  try {
    for (const entry of readdirSync('/proc')) {
      const stat = /^\d+$/.test(entry) ? read(`/proc/${entry}/stat`) : null;
      if (stat !== null) stats.set(Number(entry), stat);
    }
  } catch {
    return out;
  }
  const parents = new Map([...stats].map(([pid, stat]) => [pid, parentOf(stat)]));
  for (const [pid, stat] of stats) {
    // Classified once per pid, so a process keeps its group (and its baseline) for the whole window.
    let group = known.get(pid);
    if (group === undefined) {
      group = classify(pid, read(`/proc/${pid}/comm`)?.trim() ?? '?', known, parents);
      known.set(pid, group);
    }
    if (group !== 'chromium renderer') {
      add(`${group}\t${pid}`, ticks(stat));
      continue;
    }
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      // exited meanwhile
    }
    for (const tid of tids) {
      const t = read(`/proc/${pid}/task/${tid}/stat`);
      // The main thread keeps the process's name in /proc; traces call it CrRendererMain.
      const thread = tid === String(pid) ? 'CrRendererMain (page main thread)' : (read(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? '?').replace(/\d+$/, '');
      if (t !== null) add(`renderer thread ${thread}\t${pid}/${tid}`, ticks(t));
    }
  }
  return out;
}

/** Starts sampling; the returned function stops and reports (nothing per process where there is no /proc). */
export function sampleCpu(stack: StackConfig): () => CpuUsage {
  const known = new Map<number, string>([[process.pid, 'bench process (publisher)']]);
  for (const node of [stack.origin, stack.mirror]) {
    const pid = livePid(node);
    if (pid !== null) known.set(pid, `rabbitmq ${node.role}`);
  }
  const startedAt = Date.now();
  const machineStart = machineBusy();
  const first = snapshot(known);
  let last = first;
  const timer = setInterval(() => {
    const now = snapshot(known);
    for (const [k, v] of last) if (!now.has(k)) now.set(k, v); // exited since: keep its last reading
    last = now;
  }, 1000);
  return () => {
    clearInterval(timer);
    const now = snapshot(known);
    for (const [k, v] of last) if (!now.has(k)) now.set(k, v);
    const seconds = (Date.now() - startedAt) / 1000;
    const byGroup = new Map<string, number>();
    for (const [key, v] of now) {
      const group = key.split('\t')[0] ?? key;
      byGroup.set(group, (byGroup.get(group) ?? 0) + v - (first.get(key) ?? 0));
    }
    const machine = machineBusy();
    const pct = (t: number) => (t * 100) / TICKS_PER_SECOND / Math.max(seconds, 0.001);
    return {
      seconds,
      cores: cpus().length,
      machinePercent: ((machine.busy - machineStart.busy) * 100 * cpus().length) / Math.max(1, machine.total - machineStart.total),
      groups: [...byGroup.entries()]
        .map(([group, t]) => ({ group, percent: pct(t) }))
        .filter((g) => g.percent >= 0.5)
        .sort((a, b) => b.percent - a.percent),
    };
  };
}
