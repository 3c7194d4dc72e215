/** The facts people look for first: which message, when, from where, how big, via which subscription. */
import { importedSubscriptionOf } from '../../archive/index.ts';
import type { TracedMessage } from '../../model/types.ts';
import { formatBytes, NEUTRAL_COLOR, subscriptionColor, useWarrenStore } from '../../ui/index.ts';
import { exchangeLabel, formatReceiveTime } from './format.ts';
import { Field, FieldList } from './FieldList.tsx';

export function MessageSummary({ message }: { message: TracedMessage }) {
  // The entry object only changes when that subscription's state does.
  const subscription = useWarrenStore((s) => s.subscriptions.find((sub) => sub.id === message.subscriptionId));
  return (
    <section className="inspector-section inspector-summary" aria-label="Summary">
      <FieldList>
        <Field name="seq">{message.seq}</Field>
        <Field name="received">
          {formatReceiveTime(message.receivedAt)} <span className="muted">({message.receivedAt} ms)</span>
        </Field>
        <Field name="exchange">
          <span className={message.exchange === '' ? 'muted' : undefined}>{exchangeLabel(message.exchange)}</span>
        </Field>
        <Field name="routing key">{message.routingKey === '' ? <span className="muted">(empty)</span> : message.routingKey}</Field>
        <Field name="size">
          {formatBytes(message.size)}
          {message.size >= 1024 && <span className="muted"> ({message.size.toLocaleString('en-US')} bytes)</span>}
        </Field>
        <Field name="subscription">
          <span className="swatch" style={{ background: subscription === undefined ? NEUTRAL_COLOR : subscriptionColor(subscription.number) }} aria-hidden="true" />
          {subscription !== undefined ? subscription.destination : <UnknownSubscription id={message.subscriptionId} />}
        </Field>
        {message.warrenSeq >= 0 && <Field name="x-warren-seq">{message.warrenSeq}</Field>}
      </FieldList>
    </section>
  );
}

/** A message whose subscription is not in this page's list: imported from a file, or removed since. */
function UnknownSubscription({ id }: { id: string }) {
  const imported = importedSubscriptionOf(id);
  if (imported === null) return <span className="muted">removed ({id})</span>;
  return (
    <>
      {imported || <span className="muted">(not recorded)</span>} <span className="muted">(from a file)</span>
    </>
  );
}
