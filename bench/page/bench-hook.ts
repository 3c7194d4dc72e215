/**
 * Bench-only instrumentation for `npm run bench`, in the bench build only
 * (`vite build --mode bench` swaps in bench/page/main.ts as the entry): the
 * product build has none of it, and `?bench` means nothing there.
 *
 * It installs `window.__warrenBench` (contract in bench/hook-api.ts):
 * - an ingest probe: a listener on the session's capture records the time of
 *   the first and last append and, during a latency run, each message's
 *   `x-bench-sent` header and the time it was appended;
 * - "painted": a MutationObserver sees rows (`data-warren-seq`) enter the DOM;
 *   React commits them inside the frame's rAF callback, before that frame's
 *   paint, so a MessageChannel task posted from the observer runs right after
 *   the rendering update that drew them. Its Date.now() is the paint time of
 *   every message up to the newest row on screen (the latency run's seqs
 *   arrive in order; a following table skips rows that scroll past within
 *   one frame, and those count as shown when a newer one is);
 * - a synthetic loader (synthetic-load.ts) that feeds real STOMP MESSAGE
 *   frame bytes, read in a worker as the socket worker reads them, into the
 *   capture through the page's own route;
 * - re-filter timing through the session's setFilterText, as the filter box;
 * - the conversation index: detached (to measure ingest without it), or read.
 */
import { headersForOnePass } from '../../src/model/index.ts';
import type { TraceSession } from '../../src/session/index.ts';
import { chartField } from '../../src/features/field-charts/index.ts';
import { BENCH_BUILD_ATTRIBUTE, BENCH_GLOBAL, type LatencySample, type SeqStats, type WarrenBenchApi } from '../hook-api.ts';
import { loadSynthetic } from './synthetic-load.ts';

/** Installs `window.__warrenBench` on the page's session. */
export function installBenchHook(session: TraceSession): void {
  const { capture } = session;
  let probeCount = 0;
  let probeFirst = -1;
  let probeLast = -1;
  let latencyPrefix: string | null = null;
  const latency = new Map<number, LatencySample>();
  /** The latency samples in arrival order, and the first one not yet painted. */
  let arrivals: LatencySample[] = [];
  let nextUnpainted = 0;

  capture.addListener({
    onAppend(firstSeq, count) {
      const now = performance.now();
      if (probeFirst < 0) probeFirst = now;
      probeLast = now;
      probeCount += count;
      if (latencyPrefix !== null) for (let seq = firstSeq; seq < firstSeq + count; seq++) recordLatency(seq, latencyPrefix);
    },
  });

  function recordLatency(seq: number, prefix: string): void {
    const message = capture.buffer.get(seq);
    if (!message || !message.routingKey.startsWith(prefix)) return;
    // For one pass: the messages' header blocks stay packed, as they would without the bench.
    const sentAt = Number(headersForOnePass(message)['x-bench-sent']);
    if (!Number.isFinite(sentAt) || message.warrenSeq < 0) return;
    const sample: LatencySample = { warrenSeq: message.warrenSeq, sentAt, ingestedAt: Date.now(), paintedAt: -1, rowSeen: false };
    latency.set(sample.warrenSeq, sample);
    arrivals.push(sample);
  }

  // --- "painted": rows entering the DOM, stamped by the task after the frame ---
  let pendingPaint: LatencySample[] = [];
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => {
    const now = Date.now();
    for (const sample of pendingPaint) sample.paintedAt = now;
    pendingPaint = [];
  };
  const rowObserver = new MutationObserver(() => {
    let newest = -1;
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid="message-row"]')) {
      const sample = latency.get(Number(row.dataset.warrenSeq));
      if (!sample) continue;
      sample.rowSeen = true;
      newest = Math.max(newest, sample.warrenSeq);
    }
    const before = pendingPaint.length;
    for (let s = arrivals[nextUnpainted]; s !== undefined && s.warrenSeq <= newest; s = arrivals[++nextUnpainted]) pendingPaint.push(s);
    if (before === 0 && pendingPaint.length > 0) afterFrame.port2.postMessage(null);
  });

  function afterNextPaint(): Promise<void> {
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
    );
  }

  function seqStats(prefix: string, expected: number): SeqStats {
    const seen = new Uint8Array(expected + 1);
    const stats: SeqStats = { matched: 0, distinct: 0, duplicates: 0, outOfRange: 0 };
    const { buffer } = capture;
    for (let seq = buffer.firstSeq; seq <= buffer.lastSeq; seq++) {
      const m = buffer.get(seq);
      if (!m || !m.routingKey.startsWith(prefix)) continue;
      stats.matched++;
      const w = m.warrenSeq;
      if (!Number.isInteger(w) || w < 1 || w > expected) stats.outOfRange++;
      else if (seen[w] === 1) stats.duplicates++;
      else {
        seen[w] = 1;
        stats.distinct++;
      }
    }
    return stats;
  }

  const api: WarrenBenchApi = {
    resetProbe() {
      probeCount = 0;
      probeFirst = -1;
      probeLast = -1;
    },
    probe: () => ({ count: probeCount, firstAt: probeFirst, lastAt: probeLast }),
    seqStats,
    startLatency(prefix) {
      latency.clear();
      arrivals = [];
      nextUnpainted = 0;
      pendingPaint = [];
      latencyPrefix = prefix;
      rowObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-warren-seq'] });
    },
    stopLatency() {
      latencyPrefix = null;
      rowObserver.disconnect();
      return [...latency.values()];
    },
    loadSynthetic: (count, batch, mix) => loadSynthetic(capture, count, batch, mix),
    loadSyntheticPaired(count, batch, mix) {
      // The index is a capture listener: dispose() removes it, addListener puts the same index back.
      let detach: (() => void) | null = () => session.conversations.dispose();
      const setIndexAttached = (attached: boolean) => {
        if (attached && detach === null) detach = capture.addListener(session.conversations);
        else if (!attached && detach !== null) {
          detach();
          detach = null;
        }
      };
      return loadSynthetic(capture, count, batch, mix, setIndexAttached);
    },
    detachConversationIndex() {
      session.conversations.dispose();
      return true;
    },
    conversationIndex() {
      const t0 = performance.now();
      const rows = session.conversations.requestRows();
      const requestRowsMs = performance.now() - t0;
      return {
        conversations: session.conversations.size,
        requestRowsMs,
        rows: rows.map(({ name, count, replied, failed, pending, timedOut }) => ({ name, count, replied, failed, pending, timedOut })),
      };
    },
    async refilter(text) {
      const t0 = performance.now();
      session.setFilterText(text);
      const syncMs = performance.now() - t0;
      // A filter that decodes bodies re-filters in slices: wait for its last one.
      const sliced = session.view.refilterProgress !== null;
      if (sliced) {
        await new Promise<void>((resolve) => {
          const stop = session.view.onRefilterProgress(() => {
            if (session.view.refilterProgress !== null) return;
            stop();
            resolve();
          });
        });
      }
      const doneMs = performance.now() - t0;
      await afterNextPaint();
      const longestTaskMs = sliced ? session.view.lastRefilterStats.longestSliceMs : syncMs;
      return { text, syncMs, doneMs, longestTaskMs, paintedMs: performance.now() - t0, visible: session.store.getState().visible };
    },
    retained: () => capture.buffer.size,
    chartField: (path) => chartField(session, path),
  };

  (window as unknown as Record<string, unknown>)[BENCH_GLOBAL] = api;
  document.documentElement.setAttribute(BENCH_BUILD_ATTRIBUTE, 'bench');
}
