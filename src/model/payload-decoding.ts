/**
 * The page's one way to read a body as a structured value, shared by the
 * inspector, the filter's field terms, field charts and the diff, so they all
 * agree on what a message "contains" whatever its encoding.
 *
 * It owns what decoding depends on beyond the message itself (the user's
 * per-message "decode as…" choices, loaded protobuf schemas); `version`
 * moves when any of that changes, so whoever memoised a result recomputes.
 */
import { decodeBody } from './body.ts';
import type { TracedMessage } from './types.ts';

export class PayloadDecoding {
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  /** Moves when a decoding choice changes (an override, a schema). */
  get version(): number {
    return this.changes;
  }

  /** Called after any decoding choice changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The body as a structured value (a JSON document today), or undefined when
   * it is not one. Never throws: a body that does not decode has no value.
   */
  valueOf(message: TracedMessage): unknown {
    const decoded = decodeBody(message);
    return decoded.kind === 'json' ? decoded.value : undefined;
  }

  protected changed(): void {
    this.changes++;
    for (const listener of this.listeners) listener();
  }
}
