/**
 * Where the bundle's bytes come from: every byte of every built chunk is
 * given to the source its source map names (the build writes the maps), and
 * the sources are grouped by origin (Warren's own code, React, recharts with
 * what it brings, ...). Each group's bytes are gzipped on their own, in one
 * piece: their sizes add up to a few percent less than the chunks' gzip
 * total (a package's text split over several chunks compresses worse).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type MappingItem, type RawSourceMap } from 'source-map-js';

export interface BundlePart {
  name: string;
  bytes: number;
  gzip: number;
}

/** Origins by package, in the order they are tried; a source no rule names is Warren's if under src/. */
const GROUPS: { name: string; packages: RegExp }[] = [
  { name: 'React', packages: /^(react|react-dom|scheduler|use-sync-external-store)$/ },
  { name: 'recharts (with d3, redux, immer, decimal.js)', packages: /^(recharts|d3-.*|@reduxjs\/toolkit|redux|redux-thunk|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|clsx|victory-vendor|internmap|react-is|tiny-invariant)$/ },
  { name: 'protobuf (protobufjs, @bufbuild/protobuf, long)', packages: /^(protobufjs|@bufbuild\/protobuf|long|@protobufjs\/.*)$/ },
  { name: 'payload decoders (cborg, msgpack, fzstd, fflate)', packages: /^(cborg|@msgpack\/msgpack|fzstd|fflate)$/ },
  { name: 'diff (jsondiffpatch, diff)', packages: /^(jsondiffpatch|diff|@dmsnell\/diff-match-patch)$/ },
  { name: 'stompjs', packages: /^@stomp\/stompjs$/ },
  { name: 'TanStack Virtual', packages: /^@tanstack\/.*$/ },
  { name: 'zustand', packages: /^zustand$/ },
];
const WARREN = "Warren's code (src/)";
const OTHER = 'other (runtime, unmapped)';

function groupOf(source: string | null): string {
  if (source === null) return OTHER;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg === undefined) return /(^|\/)src\//.test(source) ? WARREN : OTHER;
  return GROUPS.find((g) => g.packages.test(pkg))?.name ?? `other packages (${pkg}, ...)`;
}

/** The chunks in `outDir/assets`, their bytes grouped by origin, largest gzip first. */
export function bundleParts(outDir: string): BundlePart[] {
  const assets = resolve(outDir, 'assets');
  const texts = new Map<string, string[]>();
  const names = new Set(readdirSync(assets));
  for (const file of [...names].filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(resolve(assets, file), 'utf8');
    const mapText = names.has(`${file}.map`) ? readFileSync(resolve(assets, `${file}.map`), 'utf8') : null;
    const add = (group: string, text: string) => {
      const list = texts.get(group) ?? [];
      list.push(text);
      texts.set(group, list);
    };
    if (mapText === null) {
      add(OTHER, code);
      continue;
    }
    const lineStarts = [0];
    for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const offsetOf = (m: MappingItem) => (lineStarts[m.generatedLine - 1] ?? code.length) + m.generatedColumn;
    const mappings: MappingItem[] = [];
    new SourceMapConsumer(JSON.parse(mapText) as RawSourceMap).eachMapping((m) => mappings.push(m));
    // Generated order, so each mapping owns the bytes up to the next one.
    mappings.sort((a, b) => offsetOf(a) - offsetOf(b));
    if (mappings.length === 0 || offsetOf(mappings[0]!) > 0) add(OTHER, code.slice(0, mappings.length === 0 ? code.length : offsetOf(mappings[0]!)));
    mappings.forEach((m, i) => {
      const next = mappings[i + 1];
      add(groupOf(m.source), code.slice(offsetOf(m), next === undefined ? code.length : offsetOf(next)));
    });
  }
  return [...texts]
    .map(([name, parts]) => {
      const text = parts.join('');
      return { name, bytes: Buffer.byteLength(text), gzip: gzipSync(text).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
