/**
 * Protobuf schemas: load a .proto or a FileDescriptorSet (kept in this
 * browser only), see each one's message types and mappings, map a type to
 * messages by routing-key pattern, AMQP type or content type, remove.
 * Errors (a bad .proto, with its line) are shown, never thrown.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LoadedSchema } from '../../model/index.ts';
import { useSession } from '../../ui/index.ts';
import { MappingForm } from './MappingForm.tsx';
import { addSchemaFile, removeSchema, restoreSchemas, setSchemaMappings } from './schema-actions.ts';
import { mappingText } from './schema-files.ts';
import './schemas.css';

export function SchemasSection() {
  const { payloads } = useSession();
  const schemas = useSyncExternalStore(
    (onChange) => payloads.schemas.subscribe(onChange),
    () => payloads.schemas.list(),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void restoreSchemas(payloads).then((problems) => {
      if (live && problems.length > 0) setError(problems.join(' '));
    });
    return () => {
      live = false;
    };
  }, [payloads]);

  const onFiles = async (files: FileList | null) => {
    if (files === null || files.length === 0) return;
    setBusy(true);
    setError(null);
    const problems: string[] = [];
    for (const file of Array.from(files)) {
      const problem = await addSchemaFile(payloads, file);
      if (problem !== null) problems.push(problem.line === undefined ? `${file.name}: ${problem.message}` : `${file.name}, line ${problem.line}: ${problem.message}`);
    }
    setError(problems.length > 0 ? problems.join(' ') : null);
    setBusy(false);
  };

  return (
    <details className="inspector-section schemas-section" data-testid="schemas-section" open={schemas.length > 0 || undefined}>
      <summary>Protobuf schemas ({schemas.length})</summary>
      <p className="hint">Kept in this browser only, never sent anywhere. A .proto file, or a FileDescriptorSet (protoc --include_imports --descriptor_set_out).</p>
      <label className="schema-file">
        <span>{busy ? 'Loading…' : 'Load schema…'}</span>
        <input
          type="file"
          accept=".proto,.desc,.pb,.binpb,.protoset"
          multiple
          data-testid="schema-file-input"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            void onFiles(input.files).then(() => {
              input.value = '';
            });
          }}
        />
      </label>
      {error !== null && (
        <p className="hint error" role="alert" data-testid="schema-error">
          {error}
        </p>
      )}
      <ul className="schema-list" data-testid="schema-list">
        {schemas.map((schema) => (
          <SchemaItem key={schema.id} schema={schema} onRemove={() => void removeSchema(payloads, schema.id)} onMappings={(mappings) => void setSchemaMappings(payloads, schema.id, mappings)} />
        ))}
      </ul>
    </details>
  );
}

interface SchemaItemProps {
  schema: LoadedSchema;
  onRemove(): void;
  onMappings(mappings: LoadedSchema['mappings']): void;
}

function SchemaItem({ schema, onRemove, onMappings }: SchemaItemProps) {
  return (
    <li className="schema-item" data-testid="schema-item" data-file={schema.fileName}>
      <div className="schema-head">
        <strong>{schema.fileName}</strong>
        <button type="button" data-testid="schema-remove" aria-label={`Remove ${schema.fileName}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <p className="hint">Types: {schema.types.map((t) => t.name).join(', ')}</p>
      {schema.mappings.length > 0 && (
        <ul className="schema-mappings">
          {schema.mappings.map((mapping, at) => (
            <li key={`${mapping.kind}:${mapping.pattern}`} data-testid="schema-mapping">
              <span>{mappingText(mapping)}</span>
              <button type="button" aria-label={`Remove mapping ${mappingText(mapping)}`} onClick={() => onMappings(schema.mappings.filter((_, i) => i !== at))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <MappingForm types={schema.types.map((t) => t.name)} existing={schema.mappings} onAdd={(mapping) => onMappings([...schema.mappings, mapping])} />
    </li>
  );
}
