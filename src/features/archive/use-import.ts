import { useCallback, useRef, useState } from 'react';
import { useSession } from '../../ui/index.ts';
import { importIntoSession, type ImportSummary } from './import-into-session.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; bytesRead: number; totalBytes: number; messages: number }
  | { phase: 'finished'; summary: ImportSummary }
  | { phase: 'failed'; fileName: string; reason: string };

/** One import at a time: start from a File, progress, cancel, and the summary of the last one. */
export function useImport(): { state: ImportState; start(file: File): void; cancel(): void } {
  const session = useSession();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  const start = useCallback(
    (file: File) => {
      if (running.current !== null) return;
      const controller = new AbortController();
      running.current = controller;
      const fileName = file.name;
      setState({ phase: 'running', fileName, bytesRead: 0, totalBytes: file.size, messages: 0 });
      importIntoSession(session, file, {
        signal: controller.signal,
        onProgress: (bytesRead, totalBytes, messages) => setState({ phase: 'running', fileName, bytesRead, totalBytes, messages }),
      })
        .then((summary) => setState({ phase: 'finished', summary }))
        .catch((e: unknown) => setState({ phase: 'failed', fileName, reason: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          running.current = null;
        });
    },
    [session],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  return { state, start, cancel };
}
