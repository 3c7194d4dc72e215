import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConnectionTarget } from '../../store/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';

/** Broker URL, vhost, login, passcode; connect/disconnect; a status line with the reason. */
export function ConnectionPanel() {
  const target = useWarrenStore((s) => s.target);
  const status = useWarrenStore((s) => s.status);
  // Remount the form when the target changes from outside (URL or runtime config).
  return <ConnectionForm key={`${target.broker}|${target.vhost}|${target.login}`} target={target} active={status !== 'disconnected' && status !== 'error'} />;
}

function ConnectionForm({ target, active }: { target: ConnectionTarget; active: boolean }) {
  const session = useSession();
  const [broker, setBroker] = useState(target.broker);
  const [vhost, setVhost] = useState(target.vhost);
  const [login, setLogin] = useState(target.login);
  const [passcode, setPasscode] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (active) void session.disconnect();
    else session.connect({ broker: broker.trim(), vhost: vhost || '/', login, passcode });
  };

  return (
    <form className="panel connection-panel" onSubmit={submit} aria-label="Connection">
      <h2>Mirror broker</h2>
      <label>
        WebSocket URL
        <input data-testid="connect-url" value={broker} onChange={(e) => setBroker(e.target.value)} placeholder="ws://127.0.0.1:15674/ws" spellCheck={false} />
      </label>
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

/** The status line: connected / connecting / disconnected / error, and why; `file: <name>` when the page shows an imported file. */
export function ConnectionStatusLine() {
  const { status, detail, source } = useWarrenStore(useShallow((s) => ({ status: s.status, detail: s.detail, source: s.source })));
  return (
    <div className={`connection-status status-${status}`} data-testid="connection-status" role="status" title={detail}>
      <span className="dot" aria-hidden="true" />
      <span className="status-word">{status}</span>
      {source.kind === 'file' && <span className="status-source">file: {source.name}</span>}
      {detail && <span className="status-detail">{detail}</span>}
    </div>
  );
}
