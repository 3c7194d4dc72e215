/**
 * The viewers phase: what each viewer costs the mirror, and the N at which
 * the mirror stops keeping up. A baseline (publishing, nobody watching), then
 * a ladder of N viewers each with its own classic queue (`/exchange/<x>/#`,
 * today's live mode), then the same ladder reading the one shared history
 * stream; a mode's ladder stops at its first step that does not keep up.
 * The baseline runs again at the end: the two differ by the machine's noise.
 */
import { webStompUrls, type StackConfig } from '../../stack/config.ts';
import { livePid, managementApi } from '../../stack/rabbitmq-node.ts';
import { costModel, type CostModel, type LadderPoint } from './model.ts';
import { openViewerGroup, runStep, type OpenWatchers, type MirrorNode, type StepResult, type ViewersContext } from './step.ts';
import type { ViewerMode } from './viewer.ts';
import { median } from '../stats.ts';

export interface ViewersOptions {
  rate: number;
  seconds: number;
  ladder: number[];
  drainMs: number;
  modes: ViewerMode[];
  /** Viewers and rounds of the head-to-head (queue and stream alternating who goes first); 0 rounds skips it. */
  headToHead: { viewers: number; rounds: number };
}

export interface ViewersResult {
  nodes: number;
  /** Viewers spread over every node (else all on the first). */
  spread: boolean;
  rate: number;
  seconds: number;
  baselines: StepResult[];
  steps: StepResult[];
  /** One real page watching (`#`, live), run right after the 1-viewer 'queue' step: the same SUBSCRIBE, the same cost? */
  page?: StepResult;
  models: { mode: ViewerMode; model: CostModel }[];
  /**
   * The same N of each mode in alternating rounds (on a shared box the ladder's
   * steps are minutes apart): mirror CPU over the baselines' mean per 1,000
   * deliveries/s, the median per mode.
   */
  headToHead?: { viewers: number; queue: number; stream: number; steps: StepResult[] };
  /** Steps that could not run (a viewer that did not subscribe in time, …): their mode's ladder ended there. */
  stepErrors: string[];
  /** Erlang schedulers the node(s) may use: the % a node can reach is 100 × this. */
  cores: number;
}

export const viewersOptions = (quick: boolean): ViewersOptions => ({
  rate: 1_000,
  seconds: quick ? 6 : 12,
  ladder: quick ? [1, 5, 10] : [1, 5, 10, 20, 40],
  drainMs: 2_000,
  modes: ['queue', 'stream'],
  headToHead: { viewers: 4, rounds: quick ? 1 : 2 },
});

/** Mirror CPU over the no-viewer baseline per 1,000 deliveries/s of one step. */
export const costPer1k = (s: StepResult, baselineCpu: number): number => (((s.cpu.percent.mirror ?? NaN) - baselineCpu) * 1000) / s.delivered.totalRate;

export function point(step: StepResult, baseline: StepResult): LadderPoint {
  return {
    viewers: step.viewers,
    rate: step.rate,
    delivered: step.delivered.totalRate,
    mirrorCpu: step.cpu.percent.mirror ?? NaN,
    memoryGrowth: step.memory.erlangLoaded - baseline.memory.erlangLoaded,
    keptUp: step.keptUp,
  };
}

/** Every node of the stack's mirror (one unless WARREN_MIRROR_NODES says more), the first first. */
export function mirrorNodes(stack: StackConfig): MirrorNode[] {
  const urls = webStompUrls(stack);
  return stack.mirrors.map((node, i) => ({ nodename: node.nodename, pid: livePid(node), webStompUrl: urls[i] ?? '' }));
}

/**
 * `spread`: viewers over every mirror node's web-stomp (viewers-cluster);
 * otherwise all on the first node. CPU and memory are every node's either way.
 */
export async function measureViewers(
  stack: StackConfig,
  spread: boolean,
  options: ViewersOptions,
  cores: number,
  log: (line: string) => void,
  openPage?: OpenWatchers,
): Promise<ViewersResult> {
  const mirrors = mirrorNodes(stack);
  if (mirrors.some((m) => m.pid === null)) throw new Error(`a mirror node is not running: ${mirrors.filter((m) => m.pid === null).map((m) => m.nodename).join(', ')}`);
  if (spread && mirrors.length < 2) throw new Error('viewers-cluster needs a mirror cluster: WARREN_MIRROR_NODES=3 npm run bench -- --only viewers-cluster');
  const ctx: ViewersContext = {
    mirrors,
    urls: spread ? mirrors.map((m) => m.webStompUrl) : mirrors.slice(0, 1).map((m) => m.webStompUrl),
    mirrorApi: managementApi(stack, stack.mirror),
    originApi: managementApi(stack, stack.origin),
    originPid: livePid(stack.origin),
    login: stack.tracer.login,
    passcode: stack.tracer.passcode,
    vhost: stack.vhost,
    exchange: 'app.events',
    rate: options.rate,
    seconds: options.seconds,
  };
  let seqBase = 0;
  const step = async (mode: StepResult['mode'], n: number) => {
    const open = mode === 'baseline' ? null : mode === 'page' ? (openPage ?? null) : openViewerGroup(ctx, mode, n);
    // The page counts seqs from 1 under its own prefix; headless viewers count a range no other step publishes.
    const result = await runStep(ctx, mode, n, open, mode === 'page' ? 0 : seqBase, options.drainMs);
    if (mode !== 'page') seqBase += result.published;
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    const pct = (group: string) => `${(result.cpu.percent[group] ?? 0).toFixed(0)} %`;
    const d = result.delivered;
    const got = n === 0 ? '' : `got ≥ ${(d.minShare * 100).toFixed(1)} % in time, ${(d.eventualMinShare * 100).toFixed(1)} % at all; ${d.minRate.toFixed(0)}-${d.medianRate.toFixed(0)} msg/s each, ${d.totalRate.toFixed(0)} in all; `;
    log(
      `viewers: ${mode} ×${n}: mirror ${pct('mirror')} of a core, origin ${pct('origin')}, publisher ${pct('bench (publisher)')}, viewers ${pct('viewers')}, other ${result.cpu.otherPercent.toFixed(0)} %; ` +
        `erlang ${mb(result.memory.erlangBefore)} → ${mb(result.memory.erlangLoaded)} MB; ${got}` +
        `peak queue ${result.peakViewerQueue}, shovel ${result.peakShovelQueue}, tail ${result.tailMs.toFixed(0)} ms → ${result.keptUp ? 'keeps up' : 'DOES NOT keep up'}`,
    );
    return result;
  };
  const baselines = [await step('baseline', 0)];
  const steps: StepResult[] = [];
  let page: StepResult | undefined;
  const stepErrors: string[] = [];
  for (const mode of options.modes) {
    for (const n of options.ladder) {
      const result = await step(mode, n).catch((e: unknown) => {
        stepErrors.push(`${mode} ×${n}: ${e instanceof Error ? e.message : String(e)}`);
        log(`viewers: ${mode} ×${n} FAILED: ${stepErrors[stepErrors.length - 1]}`);
        return null;
      });
      if (result === null) break;
      steps.push(result);
      if (mode === 'queue' && n === 1 && openPage) {
        page = await step('page', 1).catch((e: unknown) => {
          stepErrors.push(`page ×1: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        });
      }
      if (!result.keptUp) break;
    }
  }
  const duel: StepResult[] = [];
  for (let round = 0; round < options.headToHead.rounds && stepErrors.length === 0; round++) {
    const order: ViewerMode[] = round % 2 === 0 ? ['queue', 'stream'] : ['stream', 'queue'];
    for (const mode of order) duel.push(await step(mode, options.headToHead.viewers));
  }
  baselines.push(await step('baseline', 0));
  const base = baselines[0] as StepResult;
  const baselineCpu = median(baselines.map((b) => b.cpu.percent.mirror ?? NaN));
  const duelCost = (mode: ViewerMode) => median(duel.filter((s) => s.mode === mode).map((s) => costPer1k(s, baselineCpu)));
  const headToHead = duel.length > 0 ? { viewers: options.headToHead.viewers, queue: duelCost('queue'), stream: duelCost('stream'), steps: duel } : null;
  const models = options.modes.map((mode) => ({
    mode,
    model: costModel(
      point(base, base),
      steps.filter((s) => s.mode === mode).map((s) => point(s, base)),
      100 * cores,
    ),
  }));
  return { nodes: mirrors.length, spread, rate: options.rate, seconds: options.seconds, baselines, steps, ...(page ? { page } : {}), ...(headToHead ? { headToHead } : {}), models, stepErrors, cores };
}
