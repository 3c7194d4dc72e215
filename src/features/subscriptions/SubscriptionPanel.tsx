import { useState, type FormEvent } from 'react';
import { isHistoryStreamDestination, parseRewindRange, REWIND_CHOICES } from '../../history/index.ts';
import { checkDestination } from '../../model/index.ts';
import { subscriptionColor, useSession, useWarrenStore } from '../../ui/index.ts';

/**
 * Add and remove subscriptions. The destination is checked before anything is
 * sent; destinations that consume a real queue need a second, explicit click.
 */
export function SubscriptionPanel() {
  const session = useSession();
  const subscriptions = useWarrenStore((s) => s.subscriptions);
  // Pending with no connection (after an import, a Disconnect, between reconnects): says so rather than "pending".
  const offline = useWarrenStore((s) => s.status === 'disconnected');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'warning'; text: string } | null>(null);
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<string | null>(null);
  const durableByDefault = useWarrenStore((s) => s.durableByDefault);
  // null until the user ticks or unticks: follows the default, which arrives with the runtime config.
  const [durableChoice, setDurable] = useState<boolean | null>(null);
  const durable = durableChoice ?? durableByDefault;
  /** '' (live only) or a rewind choice: the new subscription starts that far back in its exchange's history. */
  const [history, setHistory] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkDestination(text);
    if (!check.ok) {
      setMessage({ kind: 'error', text: check.error });
      return;
    }
    const destination = check.normalized;
    if (subscriptions.some((s) => s.destination === destination)) {
      setMessage({ kind: 'error', text: `Already subscribed to ${destination}` });
      return;
    }
    // A history stream is read, not consumed: nobody loses a message to it.
    const consumes = check.needsConfirmation && !isHistoryStreamDestination(destination);
    if (consumes && awaitingConfirmation !== destination) {
      setAwaitingConfirmation(destination);
      setMessage({ kind: 'warning', text: check.warning ?? 'This consumes real messages.' });
      return;
    }
    const range = history === '' ? null : parseRewindRange(history);
    const refused = session.addSubscription(destination, durable, range?.ok ? range.range : undefined);
    setText('');
    setAwaitingConfirmation(null);
    const streamNote = check.needsConfirmation && !consumes ? `Reads the history stream ${destination} from now on, every routing key; it takes nothing from anyone.` : null;
    const warning = refused ?? streamNote ?? (check.warning && !check.needsConfirmation ? check.warning : null);
    setMessage(warning ? { kind: 'warning', text: warning } : null);
  };

  const confirming = awaitingConfirmation !== null && awaitingConfirmation === text.trim();
  // (queue destinations are never normalized, so the typed text is the destination)
  return (
    <section className="panel subscription-panel" aria-label="Subscriptions">
      <h2>Subscriptions</h2>
      <form onSubmit={submit} className="row">
        <input
          data-testid="subscribe-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="/exchange/app.events/orders.*.created"
          spellCheck={false}
          aria-label="Destination"
        />
        <button data-testid="subscribe-button" type="submit" className={confirming ? 'danger' : ''}>
          {confirming ? 'Consume anyway' : 'Subscribe'}
        </button>
      </form>
      <label className="check" title="A queue of this tab's own that survives reconnects (expires 60 s after the tab is gone): nothing is lost while the connection is down">
        <input type="checkbox" data-testid="subscribe-durable" checked={durable} onChange={(e) => setDurable(e.target.checked)} />
        durable capture
      </label>
      <label className="check" title="Start with this much of the exchange's history, read from the mirror's stream, then go on live">
        with history
        <select data-testid="subscribe-history" value={history} onChange={(e) => setHistory(e.target.value)}>
          <option value="">none (live only)</option>
          {REWIND_CHOICES.map((range) => (
            <option key={range} value={range}>
              {range === 'all' ? 'all the mirror keeps' : `last ${range}`}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p className={`hint ${message.kind}`} data-testid="subscribe-message" role={message.kind === 'error' ? 'alert' : 'note'}>
          {message.text}
        </p>
      )}
      <ul data-testid="subscription-list" className="subscription-list">
        {subscriptions.map((s) => (
          <li
            key={s.id}
            className={`subscription state-${s.state}`}
            data-state={s.state}
            data-destination={s.destination}
            data-durable={s.durable}
            data-source={s.source}
          >
            <span className="swatch" style={{ background: subscriptionColor(s.number) }} aria-hidden="true" />
            <span className="destination" title={s.destination}>
              {s.destination}
            </span>
            <span
              className="state"
              title={
                s.state === 'pending' && offline
                  ? 'subscribes once connected'
                  : s.source === 'stream'
                  ? "reads its exchange's history stream (since a rewind): nothing lost across reconnects"
                  : s.durable
                    ? 'durable capture'
                    : 'lost while disconnected'
              }
            >
              {s.state === 'pending' && offline ? 'not connected' : s.state}
              {s.source === 'stream' ? ' · history' : s.durable ? ' · durable' : ''}
            </span>
            <button
              type="button"
              className="link"
              onClick={() => session.toggleSubscriptionCapture(s.id)}
              aria-label={`${s.state === 'paused' || s.state === 'failed' ? 'Resume' : 'Stop'} capture of ${s.destination}`}
              title={s.state === 'paused' || s.state === 'failed' ? 'Resume capture' : 'Stop capture (unsubscribe); the rows stay'}
            >
              {s.state === 'paused' || s.state === 'failed' ? '▶' : '❚❚'}
            </button>
            <button type="button" className="link" onClick={() => session.removeSubscription(s.id)} aria-label={`Remove ${s.destination}`}>
              ✕
            </button>
            {s.error && <p className="hint error">{s.error}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
