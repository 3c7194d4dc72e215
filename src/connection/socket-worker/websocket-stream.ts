/**
 * The parts of WebSocketStream (Chromium 124+, not yet in TypeScript's DOM
 * library) the socket worker uses. Unlike WebSocket it has backpressure: a
 * message not read stays in the network stack, so a page that falls behind
 * slows the broker's deliveries (and the mirror's queue bound applies)
 * instead of piling messages up in memory.
 */
export interface WebSocketStreamLike {
  readonly opened: Promise<{ readable: ReadableStream<ArrayBuffer | string>; writable: WritableStream<ArrayBuffer | string>; protocol: string }>;
  readonly closed: Promise<{ closeCode: number; reason: string }>;
  close(info?: { closeCode?: number; reason?: string }): void;
}

type WebSocketStreamConstructor = new (url: string, options?: { protocols?: string[] }) => WebSocketStreamLike;

export function webSocketStreamConstructor(): WebSocketStreamConstructor | undefined {
  return (globalThis as { WebSocketStream?: WebSocketStreamConstructor }).WebSocketStream;
}

/** A WebSocketError's close code and reason (an abnormal close, 1006, when it has none). */
export function closeInfoOf(error: unknown): { code: number; reason: string } {
  const e = error as { closeCode?: unknown; reason?: unknown; message?: unknown } | null;
  const code = typeof e?.closeCode === 'number' ? e.closeCode : 1006;
  const reason = typeof e?.reason === 'string' ? e.reason : '';
  return { code, reason };
}
