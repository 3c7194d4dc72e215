import { ExportControl } from './ExportControl.tsx';
import { ImportControl } from './ImportControl.tsx';

/** Capture files: save what the page holds as NDJSON, or open such a file with no broker. */
export function ArchivePanel() {
  return (
    <section className="panel archive-panel" aria-label="Capture file">
      <h2>Capture file</h2>
      <ExportControl />
      <ImportControl />
    </section>
  );
}
