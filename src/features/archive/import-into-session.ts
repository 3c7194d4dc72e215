/**
 * What importing a file does to the page: the file replaces what it shows.
 * The broker is disconnected (live messages would mix with the file's), the
 * capture starts over, and every good line is ingested with its original
 * arrival time, through the same path as a live message: table, charts,
 * inspector and filters then work on it with no broker.
 */
import { importedSubscriptionId, importMessagesInWorkers, type ImportResult } from '../../archive/index.ts';
import type { TraceSession } from '../../session/index.ts';

export interface ImportSummary extends ImportResult {
  fileName: string;
  /** Messages retained afterwards: fewer than `ingested` when the file holds more than the buffer's capacity. */
  kept: number;
  capacity: number;
}

export async function importIntoSession(
  session: TraceSession,
  file: File,
  options: { signal: AbortSignal; onProgress(bytesRead: number, totalBytes: number, messages: number): void },
): Promise<ImportSummary> {
  await session.disconnect();
  // A rewind in progress would resume its streams on the next connection: the file replaces it.
  session.endRewind();
  session.capture.clear();
  const store = session.store.getState();
  store.setCaptureSource({ kind: 'file', name: file.name });
  // Lines of a subscription this page also has take its id: same colour, same series.
  const byDestination = new Map(store.subscriptions.map((s) => [s.destination, s.id]));
  const endBulkLoad = session.beginBulkLoad();
  let result: ImportResult;
  try {
    // Reading and parsing run in workers; the page only ingests (README, "Export and import").
    result = await importMessagesInWorkers(file, session.capture, {
      signal: options.signal,
      onProgress: options.onProgress,
      subscriptionIdFor: (subscription) => byDestination.get(subscription) ?? importedSubscriptionId(subscription),
    });
  } finally {
    endBulkLoad();
  }
  const { buffer } = session.capture;
  return { ...result, fileName: file.name, kept: buffer.size, capacity: buffer.capacity };
}
