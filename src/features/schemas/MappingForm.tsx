/**
 * One line to map a message type: kind (routing key / type / content type),
 * the pattern, the type, Add. Says why when the mapping cannot be added.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SchemaMapping, SchemaMappingKind } from '../../model/index.ts';
import { MAPPING_KIND_LABELS, mappingProblem } from './schema-files.ts';

interface MappingFormProps {
  types: readonly string[];
  existing: readonly SchemaMapping[];
  onAdd(mapping: SchemaMapping): void;
}

const KINDS = Object.keys(MAPPING_KIND_LABELS) as SchemaMappingKind[];
const PLACEHOLDERS: Record<SchemaMappingKind, string> = { 'routing-key': 'orders.*.placed', type: 'order.placed', 'content-type': 'application/vnd.shop.order' };

export function MappingForm({ types, existing, onAdd }: MappingFormProps) {
  const [kind, setKind] = useState<SchemaMappingKind>('routing-key');
  const [pattern, setPattern] = useState('');
  const [messageType, setMessageType] = useState(types[0] ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mapping: SchemaMapping = { kind, pattern: pattern.trim(), messageType };
    const why = mappingProblem(mapping, existing);
    setProblem(why);
    if (why !== null) return;
    onAdd(mapping);
    setPattern('');
  };

  return (
    <form className="schema-mapping-form" onSubmit={submit} aria-label="Map a message type">
      <select aria-label="Match by" data-testid="schema-mapping-kind" value={kind} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'routing-key')}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {MAPPING_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <input aria-label="Pattern" data-testid="schema-mapping-pattern" placeholder={PLACEHOLDERS[kind]} value={pattern} onChange={(e) => setPattern(e.target.value)} />
      <select aria-label="Message type" data-testid="schema-mapping-type" value={messageType} onChange={(e) => setMessageType(e.target.value)}>
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button type="submit" data-testid="schema-mapping-add">
        Map
      </button>
      {problem !== null && (
        <p className="hint error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
