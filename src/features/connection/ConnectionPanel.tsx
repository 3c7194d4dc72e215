import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { brokerListError, checkBrokerList, splitBrokerList } from '../../connection/index.ts';
import type { ConnectionTarget } from '../../store/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import './connection.css';

/** Broker URLs (one node, or a cluster's nodes), vhost, login, passcode; connect/disconnect. */
export function ConnectionPanel() {
  const target = useWarrenStore((s) => s.target);
  const status = useWarrenStore((s) => s.status);
  // Remount the form when the target changes from outside (URL or runtime config).
  return <ConnectionForm key={`${target.brokers.join(' ')}|${target.vhost}|${target.login}`} target={target} active={status !== 'disconnected' && status !== 'error'} />;
}

function ConnectionForm({ target, active }: { target: ConnectionTarget; active: boolean }) {
  const session = useSession();
  const inUse = useWarrenStore((s) => s.brokerInUse?.url ?? null);
  const inUseNote = useWarrenStore((s) => (s.status === 'connected' ? 'in use' : 'trying'));
  const [urls, setUrls] = useState(target.brokers.join('\n'));
  const [vhost, setVhost] = useState(target.vhost);
  const [login, setLogin] = useState(target.login);
  const [passcode, setPasscode] = useState('');
  /** Shown after a Connect with an unusable list, until the list is edited. */
  const [urlError, setUrlError] = useState('');
  const brokers = splitBrokerList(urls);
  const entries = checkBrokerList(brokers);
  const anyInvalid = entries.some((e) => e.error !== '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (active) {
      void session.disconnect();
      return;
    }
    const invalid = entries.filter((entry) => entry.error !== '').length;
    // The list under the field says what is wrong with each URL; this line only says why nothing happened.
    const error = invalid > 0 ? `${invalid} of ${brokers.length} URL${brokers.length > 1 ? 's' : ''} cannot be used: fix or remove ${invalid > 1 ? 'them' : 'it'} (see above)` : brokerListError(brokers);
    setUrlError(error);
    if (!error) session.connect({ brokers, vhost: vhost || '/', login, passcode });
  };
  // Enter connects, as in the other fields; Shift+Enter starts another line for the next URL.
  const onUrlKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <form className="panel connection-panel" onSubmit={submit} aria-label="Connection">
      <h2>Mirror broker</h2>
      <label>
        WebSocket URL{brokers.length > 1 ? `s (${brokers.length} nodes, tried in turn)` : ''}
        <textarea
          data-testid="connect-url"
          className="connect-urls"
          value={urls}
          rows={Math.min(4, Math.max(1, brokers.length))}
          onChange={(e) => {
            setUrls(e.target.value);
            setUrlError('');
          }}
          onKeyDown={onUrlKey}
          placeholder="ws://127.0.0.1:15674/ws (several: separated by commas, spaces or lines)"
          aria-invalid={anyInvalid || urlError !== ''}
          spellCheck={false}
        />
      </label>
      {(brokers.length > 1 || anyInvalid) && (
        <ol className="broker-list" data-testid="connect-url-list">
          {entries.map(({ url, error }) => (
            <li key={url} data-url={url} data-valid={error === ''} data-in-use={url === inUse} className={error ? 'invalid' : url === inUse ? 'in-use' : ''}>
              <span className="broker-url">{url}</span>
              {url === inUse && <span className="broker-note"> {inUseNote}</span>}
              {error && <span className="broker-error">{error}</span>}
            </li>
          ))}
        </ol>
      )}
      {urlError && (
        <p className="connect-url-error" data-testid="connect-url-error" role="alert">
          {urlError}
        </p>
      )}
      <div className="row">
        <label>
          vhost
          <input data-testid="connect-vhost" value={vhost} onChange={(e) => setVhost(e.target.value)} spellCheck={false} />
        </label>
        <label>
          login
          <input data-testid="connect-login" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" spellCheck={false} />
        </label>
      </div>
      <label>
        passcode
        <input
          data-testid="connect-passcode"
          type="password"
          value={passcode}
          onChange={(e) => setPasscode(e.target.value)}
          autoComplete="current-password"
          placeholder={active ? '(in use)' : ''}
        />
      </label>
      <button data-testid="connect-button" type="submit">
        {active ? 'Disconnect' : 'Connect'}
      </button>
    </form>
  );
}
