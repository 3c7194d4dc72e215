/** A two-column name/value list for the summary and the Celery view; values wrap anywhere. */
import type { ReactNode } from 'react';

export function FieldList({ children }: { children: ReactNode }) {
  return <dl className="field-list">{children}</dl>;
}

export function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
