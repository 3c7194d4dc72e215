/**
 * How the body was decoded, above the payload: the chosen decoder's failure
 * and the body's own warning (what a user must not miss: malformed JSON,
 * corrupt gzip or zstd, a protobuf without schema), decompression, and the
 * decode limit with its "Load all" action.
 */
import type { DecodedBody } from '../../model/index.ts';
import { decompressionNote, truncationNote } from './decode-notes.ts';

interface DecodeNotesProps {
  decoded: DecodedBody;
  /** Why the chosen decoder (MessagePack, CBOR, protobuf, ...) failed. */
  decoderError?: string;
  loadingAll: boolean;
  onLoadAll(): void;
}

export function DecodeNotes({ decoded, decoderError, loadingAll, onLoadAll }: DecodeNotesProps) {
  const decompression = decompressionNote(decoded);
  const truncation = truncationNote(decoded);
  if (decoded.warning === undefined && decoderError === undefined && decompression === null && truncation === null) return null;
  return (
    <div className="decode-notes">
      {decoderError !== undefined && (
        <p className="decode-warning" role="note" data-testid="inspector-decode-error">
          <span aria-hidden="true">⚠ </span>
          {decoderError}
        </p>
      )}
      {decoded.warning !== undefined && (
        <p className="decode-warning" role="note" data-testid="inspector-warning">
          <span aria-hidden="true">⚠ </span>
          {decoded.warning}
        </p>
      )}
      {decompression !== null && <p className="hint">{decompression}</p>}
      {truncation !== null && (
        <p className="decode-truncated">
          <span>{truncation}</span>
          <button type="button" onClick={onLoadAll} disabled={loadingAll} data-testid="inspector-load-all">
            {loadingAll ? 'Decoding…' : 'Load all'}
          </button>
        </p>
      )}
    </div>
  );
}
