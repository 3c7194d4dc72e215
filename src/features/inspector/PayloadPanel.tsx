/**
 * The body: decoding notes, view tabs (Celery / Tree / Text / Hex, the ones
 * that apply), Copy, and the chosen view. Every view renders text nodes
 * only; an HTML body shows its <script> as characters.
 */
import { useState } from 'react';
import { hexDump } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { CeleryView } from './CeleryView.tsx';
import { CopyButton } from './CopyButton.tsx';
import { DecodeNotes } from './DecodeNotes.tsx';
import { HEX_FIRST_BYTES, hexSource } from './hex-source.ts';
import { HexView } from './HexView.tsx';
import { JsonTree } from './JsonTree.tsx';
import { availableViews, copyableText, effectiveView, VIEW_LABELS } from './payload-views.ts';
import type { PayloadViewId } from './payload-views.ts';
import { useDecodedPayload } from './use-decoded-payload.ts';

const COPY_WHAT: Record<PayloadViewId, string> = { celery: 'body', tree: 'pretty JSON', text: 'text', hex: 'hex dump' };

export function PayloadPanel({ message }: { message: TracedMessage }) {
  const { decoded, celery, loadingAll, loadAll } = useDecodedPayload(message);
  // null until the user picks a tab: the default then follows the decode (e.g. after Load all).
  const [chosen, setChosen] = useState<PayloadViewId | null>(null);
  const [hexBytes, setHexBytes] = useState(HEX_FIRST_BYTES);
  const views = availableViews(decoded, celery);
  const view = effectiveView(chosen, decoded, celery);
  const hex = hexSource(message, decoded);
  const copyWhat = view === 'celery' && decoded.kind !== 'json' ? 'text' : COPY_WHAT[view];

  return (
    <section className="inspector-section inspector-payload" data-testid="inspector-payload" aria-label="Payload">
      <div className="payload-toolbar">
        <div className="payload-tabs" role="group" aria-label="Payload view">
          {views.map((id) => (
            <button
              key={id}
              type="button"
              className={id === view ? 'tab active' : 'tab'}
              aria-pressed={id === view}
              data-testid={`inspector-view-${id}`}
              onClick={() => setChosen(id)}
            >
              {VIEW_LABELS[id]}
            </button>
          ))}
        </div>
        <CopyButton what={copyWhat} getText={() => copyableText(view, decoded, () => hexDump(hex.bytes, 0, hexBytes))} />
      </div>
      <DecodeNotes decoded={decoded} loadingAll={loadingAll} onLoadAll={loadAll} />
      {view === 'celery' && celery !== null && <CeleryView info={celery} />}
      {view === 'tree' && decoded.kind === 'json' && (
        <div className="payload-tree">
          <JsonTree value={decoded.value} label="Payload" />
        </div>
      )}
      {view === 'text' && decoded.kind !== 'binary' && (
        <pre className="inspector-pre" data-testid="inspector-text">
          {decoded.text === '' ? '(empty body)' : decoded.text}
        </pre>
      )}
      {view === 'hex' && <HexView source={hex} shownBytes={hexBytes} onShowBytes={setHexBytes} />}
    </section>
  );
}
