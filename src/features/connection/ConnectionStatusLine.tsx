import { useShallow } from 'zustand/react/shallow';
import { brokerInUseText } from '../../connection/index.ts';
import { useWarrenStore } from '../../ui/index.ts';

/**
 * The status line: connected / connecting / disconnected / error, and why;
 * `file: <name>` when the page shows an imported file. With several broker
 * URLs it names the node in use, `· 127.0.0.1:15684 (2 of 3)` (one URL: the
 * line reads as it always did). `data-broker` (the URL) and
 * `data-broker-index` (0-based) / `data-broker-count` say the same for tests.
 */
export function ConnectionStatusLine() {
  const { status, detail, source, broker } = useWarrenStore(
    useShallow((s) => ({ status: s.status, detail: s.detail, source: s.source, broker: s.brokerInUse })),
  );
  const brokerText = source.kind === 'live' ? brokerInUseText(broker) : '';
  return (
    <div
      className={`connection-status status-${status}`}
      data-testid="connection-status"
      data-broker={broker?.url}
      data-broker-index={broker?.index}
      data-broker-count={broker?.count}
      role="status"
      title={detail}
    >
      <span className="dot" aria-hidden="true" />
      <span className="status-word">{status}</span>
      {brokerText && (
        <span className="status-broker" data-testid="connection-broker" title={broker?.url}>
          · {brokerText}
        </span>
      )}
      {source.kind === 'file' && <span className="status-source">file: {source.name}</span>}
      {detail && <span className="status-detail">{brokerText ? `— ${detail}` : detail}</span>}
    </div>
  );
}
