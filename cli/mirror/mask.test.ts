import { describe, expect, it } from 'vitest';
import { makeMask, makeOutput } from './mask.ts';

describe('mask', () => {
  const mask = makeMask(['s3cret/+pw', 'abc']);

  it('hides each secret, plain and URL-encoded, and the longest first', () => {
    expect(mask('password s3cret/+pw here')).toBe('password *** here');
    expect(mask(`uri ${encodeURIComponent('s3cret/+pw')}`)).toBe('uri ***');
    expect(mask('abcabc')).toBe('******');
  });

  it('hides the password of any URL and Basic authorization values, known or not', () => {
    expect(mask('amqp://user:unknown-pw@host:5672/v')).toBe('amqp://user:***@host:5672/v');
    expect(mask('http://admin:x@h:15672 and https://u:y@h2')).toBe('http://admin:***@h:15672 and https://u:***@h2');
    expect(mask('authorization: Basic dXNlcjpwYXNz')).toBe('authorization: Basic ***');
    expect(mask('http://host:15672/api')).toBe('http://host:15672/api');
  });

  it('an output masks every line, secrets added later too, except the one secretOnce line', () => {
    const lines: string[] = [];
    const out = makeOutput((_stream, text) => lines.push(text), ['first-secret']);
    out.line('a first-secret\nb second-secret');
    out.addSecrets('second-secret');
    out.error('c second-secret');
    out.secretOnce('password (first-secret is hidden in the label): ', 'second-secret');
    expect(lines).toEqual(['a ***', 'b second-secret', 'c ***', 'password (*** is hidden in the label): second-secret']);
  });
});
