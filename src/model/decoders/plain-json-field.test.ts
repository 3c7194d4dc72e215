import { describe, expect, it } from 'vitest';
import { appEvent } from '../fixtures/messages.ts';
import type { FieldSegment } from '../value-at-path.ts';
import { FIELD_ABSENT, plainJsonField, scanJsonField } from './plain-json-field.ts';
import { NOT_PLAIN_JSON } from './plain-json-value.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** What the scan must answer: JSON.parse of the text, then the path walked over own keys and indexes. */
function reference(text: string, segments: readonly FieldSegment[]): unknown {
  let current: unknown;
  try {
    current = JSON.parse(text) as unknown;
  } catch {
    return NOT_PLAIN_JSON;
  }
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return FIELD_ABSENT;
      current = current[segment] as unknown;
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return FIELD_ABSENT;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

function expectSame(text: string, segments: readonly FieldSegment[]): unknown {
  const scanned = scanJsonField(bytesOf(text), segments);
  const expected = reference(text, segments);
  if (typeof expected === 'object' && expected !== null) expect(scanned, `${text} at ${JSON.stringify(segments)}`).toEqual(expected);
  else expect(Object.is(scanned, expected), `${text} at ${JSON.stringify(segments)}: ${String(scanned)} against ${String(expected)}`).toBe(true);
  return scanned;
}

const ORDER = '{"order_id":"ord_1","total_cents":7350,"customer":{"id":"c-9","country":"FR","tags":["vip","eu"]},"items":[{"sku":"A-1","qty":2},{"sku":"B-2","qty":1}],"paid":true,"note":null}';

describe('scanJsonField reads one field as JSON.parse would', () => {
  it.each<[string, FieldSegment[]]>([
    [ORDER, ['total_cents']],
    [ORDER, ['order_id']],
    [ORDER, ['customer', 'country']],
    [ORDER, ['customer', 'tags', 1]],
    [ORDER, ['customer', 'tags', 2]],
    [ORDER, ['items', 1, 'sku']],
    [ORDER, ['items', 0]],
    [ORDER, ['customer']],
    [ORDER, ['paid']],
    [ORDER, ['note']],
    [ORDER, ['missing']],
    [ORDER, ['customer', 'country', 'deeper']],
    [ORDER, ['items', 'sku']],
    [ORDER, [0]],
    [ORDER, []],
  ])('%s at %j', (text, segments) => {
    expectSame(text, segments);
  });

  it('gives the right value to numbers of every JSON form', () => {
    for (const n of ['0', '-0', '12', '-12', '1.5', '-0.25', '1e3', '1E+3', '2.5e-3', '123456789012345678901234567890', '1e400', '-1e400', '0.1']) {
      expectSame(`{"n":${n}}`, ['n']);
      expectSame(` [ ${n} ] `, [0]);
    }
  });

  it('keeps the last of duplicate keys, including what an earlier one held deeper down', () => {
    expectSame('{"a":1,"a":2}', ['a']);
    expectSame('{"a":{"b":1},"a":{"c":2}}', ['a', 'b']);
    expectSame('{"a":{"b":1},"a":5}', ['a', 'b']);
    expectSame('{"a":{"b":1,"b":{"x":3}}}', ['a', 'b', 'x']);
    expectSame('{"a":5,"a":{"b":1}}', ['a', 'b']);
  });

  it('decodes escaped keys and strings', () => {
    expectSame('{"tot\\u0061l":3}', ['total']);
    expectSame('{"a\\"b":3}', ['a"b']);
    expectSame('{"s":"line\\nbreak \\u00e9 \\ud83d\\ude00 \\/"}', ['s']);
    expectSame('{"s":"plain"}', ['s']);
    expectSame('{"":1}', ['']);
    expectSame('{"__proto__":{"x":1}}', ['__proto__', 'x']);
    expectSame('{"constructor":1}', ['constructor']);
    expectSame('{}', ['constructor']);
  });

  it('answers NOT_PLAIN_JSON wherever JSON.parse throws', () => {
    for (const text of ['', ' ', '{', '{"a":1,}', '[1,]', '{"a" 1}', '{a:1}', "{'a':1}", '01', '1.', '.5', '-', '1e', '+1', 'tru', 'nul', 'NaN', '"\\x"', '"\\u12G4"', '"tab\there"', '{"a":1}x', '[1 2]', '{"a":1 "b":2}', '\u00a01']) {
      expect(scanJsonField(bytesOf(text), ['a']), JSON.stringify(text)).toBe(NOT_PLAIN_JSON);
      expect(reference(text, ['a']), JSON.stringify(text)).toBe(NOT_PLAIN_JSON);
    }
  });

  it('leaves a body with any byte beyond ASCII, or nested too deep, to the general path', () => {
    expect(scanJsonField(bytesOf('{"city":"Zürich","n":1}'), ['n'])).toBe(NOT_PLAIN_JSON);
    expect(scanJsonField(bytesOf(`${'['.repeat(600)}1${']'.repeat(600)}`), [0])).toBe(NOT_PLAIN_JSON);
    expectSame(`${'['.repeat(100)}1${']'.repeat(100)}`, [0, 0]);
  });

  it('agrees with JSON.parse on generated bodies, valid and damaged', () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const KEYS = ['a', 'b', 'id', 'a\\u0062', ''];
    const space = () => pick(['', '', ' ', '\n', '\t ', '\r\n']);
    const gen = (depth: number): string => {
      const r = random();
      if (depth > 3 || r < 0.35) return pick(['0', '-1.5e2', '42', '"x"', '"a\\"b"', 'true', 'false', 'null', '1e400', '"\\u0041"']);
      if (r < 0.7) {
        const n = Math.floor(random() * 4);
        return `{${Array.from({ length: n }, () => `${space()}"${pick(KEYS)}"${space()}:${space()}${gen(depth + 1)}${space()}`).join(',')}}`;
      }
      const n = Math.floor(random() * 4);
      return `[${Array.from({ length: n }, () => `${space()}${gen(depth + 1)}`).join(',')}${space()}]`;
    };
    const paths: FieldSegment[][] = [[], ['a'], ['b'], ['ab'], ['a', 'b'], ['a', 0], [0], [1, 'a'], ['id', 'a', 'b'], [''], ['a', 'ab', 0]];
    const outcomes = { found: 0, absent: 0, invalid: 0 };
    for (let i = 0; i < 3000; i++) {
      let text = `${space()}${gen(0)}${space()}`;
      if (i % 3 === 0 && text.length > 1) {
        // Damage it: a byte dropped, doubled or replaced.
        const at = Math.floor(random() * text.length);
        const how = random();
        text = how < 0.33 ? text.slice(0, at) + text.slice(at + 1) : how < 0.66 ? text.slice(0, at) + text.charAt(at) + text.slice(at) : text.slice(0, at) + pick([',', '"', '}', ']', ':', '\\', '0']) + text.slice(at + 1);
      }
      for (const segments of paths) {
        const scanned = expectSame(text, segments);
        outcomes[scanned === NOT_PLAIN_JSON ? 'invalid' : scanned === FIELD_ABSENT ? 'absent' : 'found']++;
      }
    }
    // The generator reaches every kind of answer, each many times.
    expect(Math.min(outcomes.found, outcomes.absent, outcomes.invalid), JSON.stringify(outcomes)).toBeGreaterThan(1000);
  });
});

describe('plainJsonField', () => {
  const JSON_TYPE = { 'content-type': 'application/json' };

  it('reads labelled, uncompressed UTF-8 JSON, and nothing else', () => {
    expect(plainJsonField(appEvent(JSON_TYPE, ORDER), ['customer', 'country'])).toBe('FR');
    expect(plainJsonField(appEvent(JSON_TYPE, ORDER), ['nope'])).toBe(FIELD_ABSENT);
    expect(plainJsonField(appEvent({}, ORDER), ['total_cents'])).toBe(NOT_PLAIN_JSON);
    expect(plainJsonField(appEvent({ ...JSON_TYPE, compression: 'application/x-gzip' }, ORDER), ['total_cents'])).toBe(NOT_PLAIN_JSON);
    expect(plainJsonField(appEvent({ 'content-type': 'application/json; charset=iso-8859-1' }, ORDER), ['total_cents'])).toBe(NOT_PLAIN_JSON);
  });

  it('reads ASCII bodies beyond the 4 KB the string fast path takes, up to the body limit', () => {
    const big = `{"pad":"${'x'.repeat(8000)}","n":7}`;
    expect(plainJsonField(appEvent(JSON_TYPE, big), ['n'])).toBe(7);
    expect(plainJsonField(appEvent(JSON_TYPE, `{"pad": "${'x'.repeat(300 * 1024)}", "n": 7}`), ['n'])).toBe(NOT_PLAIN_JSON);
  });
});
