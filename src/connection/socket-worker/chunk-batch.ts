/**
 * Collects binary WebSocket messages into one buffer for the page. Each
 * message handed to the page is a task on its main thread (thousands a second
 * at full rate); one batch per few milliseconds is a handful.
 */
export class ChunkBatch {
  private chunks: ArrayBuffer[] = [];
  private size = 0;

  get bytes(): number {
    return this.size;
  }

  add(chunk: ArrayBuffer): void {
    if (chunk.byteLength === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
  }

  /** Everything added since the last take, in order, as one buffer; null when empty. */
  take(): ArrayBuffer | null {
    const chunks = this.chunks;
    if (chunks.length === 0) return null;
    const size = this.size;
    this.chunks = [];
    this.size = 0;
    if (chunks.length === 1) return chunks[0] ?? null;
    const joined = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      joined.set(new Uint8Array(chunk), at);
      at += chunk.byteLength;
    }
    return joined.buffer;
  }
}
