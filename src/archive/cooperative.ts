/**
 * Long jobs (export, import of a million messages) run in slices of about
 * SLICE_MS and give the event loop a turn in between, so the page keeps
 * painting and answering clicks (a Cancel button among them).
 */

/** Work done between two turns of the event loop: three frames at most. */
export const SLICE_MS = 40;

/**
 * A turn of the event loop through a MessageChannel, not setTimeout: a tab
 * in the background gets its timers throttled to one a second, and an export
 * left to run there would crawl.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** True once the current slice has used its time; call often, it is cheap. */
export function sliceClock(): { expired(): boolean; restart(): void } {
  let started = performance.now();
  return {
    expired: () => performance.now() - started >= SLICE_MS,
    restart: () => {
      started = performance.now();
    },
  };
}
