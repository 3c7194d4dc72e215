/**
 * Summarises a Chrome trace (Playwright's browser.startTracing) for the
 * page's main thread (CrRendererMain):
 * - self time per event name: FunctionCall (JS), Layout, UpdateLayoutTree
 *   (style), Paint, GC, and the task plumbing (RunTask, "Receive mojo
 *   message": one per WebSocket message delivered to the renderer);
 * - the JS entry points (FunctionCall by function, inclusive time), mapped to
 *   the sources: which callbacks the main thread runs, how often, how long;
 * - the long tasks (> 50 ms) and what fills them.
 * Complements the CPU profile, which lumps everything not JS into "(program)".
 */
import { sourceMapper } from './source-map.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread actually ran (less than dur when the OS ran something else meanwhile). */
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } };
}

interface Named {
  name: string;
  ms: number;
  count: number;
}

export interface TraceSummary {
  /** First to last event on the main thread, ms. */
  windowMs: number;
  /** Time inside top-level tasks (the rest is idle), ms. */
  busyMs: number;
  /** Self time by event name. */
  events: (Named & { percent: number })[];
  /** FunctionCall events by function: inclusive ms and count. */
  entryPoints: (Named & { where: string })[];
  /**
   * Top-level tasks over 50 ms, and the self time inside them by event name.
   * `threadMs`: of their `ms`, how long the main thread ran. On a machine
   * whose cores are all busy (brokers, publisher and page on 2 cores) a long
   * task can be mostly waiting for a core: not the page's work to cut.
   */
  longTasks: { count: number; ms: number; threadMs: number; inside: Named[] };
}

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-v8.gc', 'v8.execute', ...(process.env.WARREN_TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])];
const LONG_TASK_US = 50_000;

function add(map: Map<string, Named>, name: string, us: number, count: number): void {
  const cur = map.get(name) ?? { name, ms: 0, count: 0 };
  cur.ms += us / 1000;
  cur.count += count;
  map.set(name, cur);
}

const top = <T extends { ms: number }>(values: Iterable<T>, n: number): T[] => [...values].sort((a, b) => b.ms - a.ms).slice(0, n);

export function summariseTrace(json: Buffer | string, outDir: string, n = 16): TraceSummary {
  const parsed = JSON.parse(json.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const all = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);

  // The busiest CrRendererMain is the page under test (other tabs are closed or idle).
  const mains = new Set(all.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of all) if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const events = all
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const empty: TraceSummary = { windowMs: 0, busyMs: 0, events: [], entryPoints: [], longTasks: { count: 0, ms: 0, threadMs: 0, inside: [] } };
  if (events.length === 0) return empty;

  const map = sourceMapper(outDir);
  const self = new Map<string, Named>();
  const inLong = new Map<string, Named>();
  const entries = new Map<string, Named & { where: string }>();
  const stack: { end: number; name: string; long: boolean }[] = [];
  let busyUs = 0;
  let longCount = 0;
  let longUs = 0;
  let longThreadUs = 0;
  let windowEnd = 0;
  for (const e of events) {
    const dur = e.dur ?? 0;
    const end = e.ts + dur;
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const long = parent ? parent.long : dur > LONG_TASK_US;
    // Self time: an event's duration minus its directly nested children's.
    if (parent) {
      const overlap = Math.min(end, parent.end) - e.ts;
      add(self, parent.name, -overlap, 0);
      if (long) add(inLong, parent.name, -overlap, 0);
    } else {
      busyUs += dur;
      if (long) {
        longCount++;
        longUs += dur;
        longThreadUs += e.tdur ?? dur;
      }
    }
    add(self, e.name, dur, 1);
    if (long) add(inLong, e.name, dur, 1);
    if (e.name === 'FunctionCall') {
      const d = e.args?.data ?? {};
      const pos = map(d.url ?? '', Math.max(0, (d.lineNumber ?? 1) - 1), Math.max(0, (d.columnNumber ?? 1) - 1), d.functionName ?? '');
      const key = `${pos.name}@${pos.where}`;
      const cur = entries.get(key) ?? { name: pos.name, where: pos.where, ms: 0, count: 0 };
      cur.ms += dur / 1000;
      cur.count++;
      entries.set(key, cur);
    }
    stack.push({ end, name: e.name, long });
    windowEnd = Math.max(windowEnd, end);
  }
  const windowUs = windowEnd - (events[0]?.ts ?? 0);
  return {
    windowMs: windowUs / 1000,
    busyMs: busyUs / 1000,
    events: top(self.values(), n).map((v) => ({ ...v, percent: (v.ms * 100_000) / windowUs })),
    entryPoints: top(entries.values(), 8),
    longTasks: { count: longCount, ms: longUs / 1000, threadMs: longThreadUs / 1000, inside: top(inLong.values(), 8) },
  };
}
