/**
 * CPU and memory of named processes from /proc, for the viewers phase: the
 * mirror node(s), the origin, the bench process (the publisher) and the
 * viewer processes, plus the whole machine (what is left is someone else's
 * work on a shared box). Percentages are of ONE core.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime of a process (its threads included), in ticks; null once it exited. */
function ticks(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function machineTicks(): { busy: number; total: number } {
  const v = ((read('/proc/stat') ?? '').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = v.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0);
  return { busy: total - (v[3] ?? 0) - (v[4] ?? 0), total };
}

/** Resident set size in bytes, 0 when the process is gone. */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
}

export interface GroupCpu {
  /** % of one core over the window, per named group (several pids add up). */
  percent: Record<string, number>;
  /** Busy share of all cores together, 0..100 × cores. */
  machinePercent: number;
  /** machinePercent minus every named group: other people's work (and the kernel's). */
  otherPercent: number;
  seconds: number;
}

/**
 * Starts measuring the groups' CPU; the returned function stops and reports.
 * Ticks are read at start and stop, and every second in between, so a
 * process that exits during the window keeps what it used until then.
 */
export function measureCpu(groups: Record<string, number[]>): () => GroupCpu {
  const startedAt = Date.now();
  const machineStart = machineTicks();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const pids = Object.values(groups).flat();
  for (const pid of pids) {
    const t = ticks(pid);
    if (t === null) continue;
    first.set(pid, t);
    last.set(pid, t);
  }
  const update = () => {
    for (const pid of pids) {
      const t = ticks(pid);
      if (t !== null) last.set(pid, t);
    }
  };
  const timer = setInterval(update, 1000);
  return () => {
    clearInterval(timer);
    update();
    const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
    const machine = machineTicks();
    const toPercent = (t: number) => (t * 100) / TICKS_PER_SECOND / seconds;
    const percent: Record<string, number> = {};
    for (const [name, list] of Object.entries(groups)) percent[name] = toPercent(list.reduce((s, pid) => s + (last.get(pid) ?? 0) - (first.get(pid) ?? 0), 0));
    const machinePercent = ((machine.busy - machineStart.busy) * 100 * cpus().length) / Math.max(1, machine.total - machineStart.total);
    const named = Object.values(percent).reduce((s, v) => s + v, 0);
    return { percent, machinePercent, otherPercent: Math.max(0, machinePercent - named), seconds };
  };
}
