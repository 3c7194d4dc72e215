/**
 * Every header of the message, in three groups: AMQP properties, custom AMQP
 * headers, and the headers STOMP adds for the delivery. Names and values are
 * text nodes (header values are producer-controlled: some carry HTML).
 */
import { useMemo } from 'react';
import type { TracedMessage } from '../../model/types.ts';
import { headerGroups } from './header-rows.ts';
import type { HeaderRow } from './header-rows.ts';

export function HeadersTable({ message }: { message: TracedMessage }) {
  const groups = useMemo(() => headerGroups(message), [message]);
  return (
    <section className="inspector-section" data-testid="inspector-headers" aria-label="Headers">
      <HeaderGroup title="AMQP properties" rows={groups.properties} />
      <HeaderGroup title="Custom headers" rows={groups.custom} />
      <HeaderGroup title="STOMP delivery headers" rows={groups.stomp} />
    </section>
  );
}

function HeaderGroup({ title, rows }: { title: string; rows: HeaderRow[] }) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="hint">none</p>
      ) : (
        <table className="header-table">
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>
                  <span className="header-value">{row.value}</span>
                  {row.note !== undefined && <span className="header-note">{row.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
