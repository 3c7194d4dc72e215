/** Small helpers shared by `warren record` and `warren replay`. */

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A positive number from an option's text (a whole one when `integer`). */
export function positiveNumber(option: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(`${option} ${text}: expected a positive ${integer ? 'whole ' : ''}number`);
  }
  return value;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
