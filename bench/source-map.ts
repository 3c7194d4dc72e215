/**
 * Maps a position in the built bundle (as a CPU profile or a trace reports
 * it) back to the source, through the build's own source maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, resolve } from 'node:path';

/** What SourceMap.findEntry returns for a mapped position (an empty object otherwise). */
interface MappedEntry {
  originalSource?: string;
  originalLine: number;
  name?: string;
}

export interface SourcePosition {
  /** The function's name; a minified one is followed by the original name when the map has it. */
  name: string;
  /** `src/capture/trace-capture.ts:40`, `node_modules/@stomp/stompjs/esm6/parser.js:68`, or the bundle position. */
  where: string;
  /** A package under node_modules, a folder under src/, or 'other'. */
  area: string;
}

function areaOf(source: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm?.[1]) return nm[1];
  const src = /src\/([^/]+)\//.exec(source);
  return src?.[1] ? `src/${src[1]}` : 'other';
}

/** Returns a mapper for positions in `outDir/assets/*.js`; line and column are 0-based. */
export function sourceMapper(outDir: string): (url: string, line: number, column: number, functionName: string) => SourcePosition {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      const path = resolve(outDir, 'assets', `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null);
    }
    return maps.get(file) ?? null;
  };
  return (url, line, column, functionName) => {
    const file = url ? basename(new URL(url, 'http://x/').pathname) : '';
    const name = functionName || '(anonymous)';
    const entry = (url.includes('/assets/') ? mapFor(file)?.findEntry(line, column) : undefined) as MappedEntry | undefined;
    if (entry?.originalSource === undefined) return { name, where: file ? `${file}:${line + 1}` : '', area: 'other' };
    const source = entry.originalSource.replace(/^.*?(node_modules\/|src\/)/, '$1');
    const mapped = entry.name && functionName.length <= 2 ? `${entry.name} (${name})` : name;
    return { name: mapped, where: `${source}:${entry.originalLine + 1}`, area: areaOf(source) };
  };
}
