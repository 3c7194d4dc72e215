/**
 * Capture files: Warren's NDJSON format (format.ts), its streaming writer and
 * reader, and export / import of messages in slices with progress and
 * cancel. Plain code: no React, no store.
 */
export { ARCHIVE_VERSION, ARCHIVE_FILE_ACCEPT, NDJSON_MIME, type ArchiveRecord, type BodyEncoding } from './format.ts';
export { recordLine, parseRecordLine, type ArchivableMessage, type ParsedLine } from './record.ts';
export { NdjsonWriter } from './ndjson-writer.ts';
export { NdjsonReader, MAX_LINE_BYTES, type BadLine } from './ndjson-reader.ts';
export { exportMessages, type ExportOptions, type ExportResult, type ExportSource } from './export-messages.ts';
export { importMessagesInWorkers } from './import-in-workers.ts';
export { importMessages, destinationOf, MAX_BAD_LINES_KEPT, type ImportOptions, type ImportResult, type ImportTarget } from './import-messages.ts';
export { importedSubscriptionId, importedSubscriptionOf } from './imported-subscription.ts';
export { estimateExportBytes, exportsToFile, FILE_EXPORT_BYTES } from './export-size.ts';
