import { describe, expect, it } from 'vitest';
import type { ExportSource } from './export-messages.ts';
import { estimateExportBytes, exportsToFile, FILE_EXPORT_BYTES } from './export-size.ts';
import { recordLine, type ArchivableMessage } from './record.ts';

const message = (i: number): ArchivableMessage => ({
  receivedAt: 1_700_000_000_000 + i,
  exchange: 'app.events',
  routingKey: `orders.eu.${i}`,
  headers: { 'x-warren-seq': String(i) },
  body: new TextEncoder().encode(JSON.stringify({ order: i, note: 'x'.repeat(i % 50) })),
});

const sourceOf = (count: number, gone: (i: number) => boolean = () => false): ExportSource<ArchivableMessage> => ({
  count,
  at: (i) => (gone(i) ? undefined : message(i)),
  subscriptionOf: () => '/exchange/app.events/#',
});

describe('estimateExportBytes', () => {
  it('is within a few percent of the file written, from a sample of its lines', () => {
    const source = sourceOf(20_000);
    let exact = 0;
    for (let i = 0; i < source.count; i++) exact += recordLine(message(i), '/exchange/app.events/#').length + 1;
    const estimate = estimateExportBytes(source, false);
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.03);
    expect(estimateExportBytes(source, true)).toBeCloseTo(estimate / 8);
  });

  it('is 0 for nothing to write, and skips messages no longer retained', () => {
    expect(estimateExportBytes(sourceOf(0), false)).toBe(0);
    expect(estimateExportBytes(sourceOf(10, () => true), false)).toBe(0);
    expect(estimateExportBytes(sourceOf(1000, (i) => i % 2 === 0), false)).toBeGreaterThan(0);
  });
});

describe('exportsToFile', () => {
  it('sends an export bigger than FILE_EXPORT_BYTES to a file, and any export when forced', () => {
    const perLine = estimateExportBytes(sourceOf(1), false);
    const over = Math.ceil(FILE_EXPORT_BYTES / perLine) * 2;
    expect(exportsToFile(sourceOf(over), false, false)).toBe(true);
    expect(exportsToFile(sourceOf(over), true, false)).toBe(false); // gzip'd, far smaller
    expect(exportsToFile(sourceOf(100), false, false)).toBe(false);
    expect(exportsToFile(sourceOf(100), false, true)).toBe(true);
  });
});
