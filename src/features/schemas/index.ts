/** Protobuf schemas: the section that loads and maps them, and their restore at start. */
export { SchemasSection } from './SchemasSection.tsx';
export { restoreSchemas } from './schema-actions.ts';
