import { useCallback, useRef, useState } from 'react';
import { exportMessages, exportsToFile } from '../../archive/index.ts';
import { useSession } from '../../ui/index.ts';
import { downloadBlob, exportFileName } from './download.ts';
import { exportSourceOf, type ExportScope } from './export-source.ts';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; written: number; missing: number; fileName: string; bytes: number; onDisk: boolean }
  | { phase: 'cancelled'; written: number }
  | { phase: 'failed'; reason: string };

/** One export at a time: start, progress, cancel, and what came of the last one. */
export function useExport(): { state: ExportState; start(scope: ExportScope, gzip: boolean): void; cancel(): void } {
  const session = useSession();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  const start = useCallback(
    (scope: ExportScope, gzip: boolean) => {
      if (running.current !== null) return;
      const controller = new AbortController();
      running.current = controller;
      const source = exportSourceOf(session, scope);
      setState({ phase: 'running', done: 0, total: source.count });
      const onProgress = (done: number, total: number) => setState({ phase: 'running', done, total });
      const toFile = exportsToFile(source, gzip, new URLSearchParams(location.search).get('exportTo') === 'file');
      exportMessages(source, { gzip, toFile, signal: controller.signal, onProgress })
        .then(({ blob, written, missing, onDisk }) => {
          if (blob === null) {
            setState({ phase: 'cancelled', written });
            return;
          }
          const fileName = exportFileName(scope, gzip);
          downloadBlob(blob, fileName);
          setState({ phase: 'done', written, missing, fileName, bytes: blob.size, onDisk });
        })
        .catch((e: unknown) => setState({ phase: 'failed', reason: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          running.current = null;
        });
    },
    [session],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  return { state, start, cancel };
}
