/**
 * Byte counts, everywhere on the page (table, inspector, charts): binary
 * units with IEC symbols, 1 KiB = 1024 bytes, as RabbitMQ's own limits
 * (max message size, x-max-length-bytes) are set. One decimal below 100,
 * none above: "812 B", "1.5 KiB", "256 KiB", "10.0 MiB".
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  let text = value < 100 ? value.toFixed(1) : String(Math.round(value));
  // 1023.96 KiB would read "1024 KiB": say the next unit from there.
  if (text === '1024' && unit < UNITS.length - 1) {
    text = '1.0';
    unit++;
  }
  return `${text} ${UNITS[unit] ?? 'B'}`;
}
