/**
 * Summarises a Chrome CPU profile (CDP Profiler.stop) by self time: per
 * function, mapped back to the sources through the build's source maps, and
 * per area (a package under node_modules, a folder under src/, or V8's own
 * "(garbage collector)", "(program)", "(idle)").
 */
import { sourceMapper } from './source-map.ts';

/** The parts of Protocol.Profiler.Profile used here. */
export interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  where: string;
  area: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  areas: { area: string; ms: number; percent: number }[];
}

export function summariseProfile(profile: CpuProfile, outDir: string, top = 25): ProfileSummary {
  const map = sourceMapper(outDir);

  // Self time per node: each sample's delta is charged to the node it landed in.
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((s, v) => s + v, 0) || 1;

  const byFunction = new Map<string, SelfTime>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const { name, where, area } = url ? map(url, lineNumber, columnNumber, functionName) : { name: functionName, where: '', area: functionName };
    const key = `${name}@${where}`;
    const current = byFunction.get(key) ?? { name, where, area, ms: 0, percent: 0 };
    current.ms += us / 1000;
    byFunction.set(key, current);
    byArea.set(area, (byArea.get(area) ?? 0) + us / 1000);
  }
  const pct = (ms: number) => (ms * 100_000) / totalUs;
  return {
    totalMs: totalUs / 1000,
    functions: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((f) => ({ ...f, percent: pct(f.ms) })),
    areas: [...byArea.entries()].map(([area, ms]) => ({ area, ms, percent: pct(ms) })).sort((a, b) => b.ms - a.ms),
  };
}
