/**
 * The body: decoding notes, "decode as…", view tabs (Celery / Tree / Text /
 * Hex, the ones that apply), Copy, and the chosen view; then the protobuf
 * schemas. Every view renders text nodes only; an HTML body shows its
 * <script> as characters.
 */
import { useState } from 'react';
import { hexDump } from '../../model/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { useSession } from '../../ui/index.ts';
import { SchemasSection } from '../schemas/index.ts';
import { CeleryView } from './CeleryView.tsx';
import { CopyButton } from './CopyButton.tsx';
import { DecodeAsSelect } from './DecodeAsSelect.tsx';
import { DecodeNotes } from './DecodeNotes.tsx';
import { HEX_FIRST_BYTES, hexSource } from './hex-source.ts';
import { HexView } from './HexView.tsx';
import { JsonTree } from './JsonTree.tsx';
import { availableViews, copyableText, effectiveView, VIEW_LABELS } from './payload-views.ts';
import type { PayloadViewId } from './payload-views.ts';
import { useDecodedPayload } from './use-decoded-payload.ts';
import './decoders.css';

const COPY_WHAT: Record<PayloadViewId, string> = { celery: 'body', decoded: 'pretty JSON', text: 'text', hex: 'hex dump' };

export function PayloadPanel({ message }: { message: TracedMessage }) {
  const { payloads } = useSession();
  const { reading, autoLabel, celery, loadingAll, loadAll, decodeAs } = useDecodedPayload(message);
  const decoded = reading.body;
  // null until the user picks a tab: the default then follows the reading (Load all, decode as…).
  const [chosen, setChosen] = useState<PayloadViewId | null>(null);
  const [hexBytes, setHexBytes] = useState(HEX_FIRST_BYTES);
  const views = availableViews(reading, celery);
  const view = effectiveView(chosen, reading, celery);
  const hex = hexSource(message, decoded);
  const copyWhat = view === 'celery' && !reading.hasValue ? 'text' : COPY_WHAT[view];

  return (
    <>
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
                title={id === 'decoded' ? `Decoded as ${reading.label}` : undefined}
                onClick={() => setChosen(id)}
              >
                {VIEW_LABELS[id]}
              </button>
            ))}
          </div>
          <CopyButton what={copyWhat} getText={() => copyableText(view, reading, () => hexDump(hex.bytes, 0, hexBytes))} />
        </div>
        <DecodeAsSelect
          override={reading.override}
          autoLabel={autoLabel}
          protoTypes={payloads.schemas.typeNames()}
          onChoose={(choice) => {
            setChosen(null);
            decodeAs(choice);
          }}
        />
        <DecodeNotes decoded={decoded} decoderError={reading.error} loadingAll={loadingAll} onLoadAll={loadAll} />
        {view === 'celery' && celery !== null && <CeleryView info={celery} />}
        {view === 'decoded' && reading.hasValue && (
          <div className="payload-tree" data-testid="inspector-decoded" data-decoder={reading.label}>
            <JsonTree value={reading.value} label="Payload" />
          </div>
        )}
        {view === 'text' && decoded.kind !== 'binary' && (
          <pre className="inspector-pre" data-testid="inspector-text">
            {decoded.text === '' ? '(empty body)' : decoded.text}
          </pre>
        )}
        {view === 'hex' && <HexView source={hex} shownBytes={hexBytes} onShowBytes={setHexBytes} />}
      </section>
      <SchemasSection />
    </>
  );
}
