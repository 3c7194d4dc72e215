/**
 * Saving a Blob as a file: an object URL clicked through `<a download>`.
 * Works in every browser and headless Chromium; the bytes stay in the
 * browser's blob storage, never one string in the page.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: the download reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `warren-visible-2026-11-30T14-05-09.ndjson.gz`: sorts by time, no characters a file system refuses. */
export function exportFileName(scope: 'visible' | 'all', gzip: boolean, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `warren-${scope === 'all' ? 'all' : 'visible'}-${stamp}.ndjson${gzip ? '.gz' : ''}`;
}
