/**
 * Every line `warren mirror` writes goes through one mask(): the known
 * secrets (admin passwords, the shovel password, the tracer password) in
 * plain, URL-encoded and Basic-auth form, and the password part of any URL,
 * become `***`. The generated tracer password is shown once, deliberately,
 * through `secretOnce`, which is the only way around the mask.
 */
import { MASK, makeMask } from '../shared/mask.ts';

export { MASK, makeMask };

export interface Output {
  /** A line on stdout, masked. */
  line(text: string): void;
  /** A line on stderr, masked. */
  error(text: string): void;
  /** Adds secrets to mask from now on. */
  addSecrets(...secrets: string[]): void;
  /** The one deliberate exception: a generated password, shown once. */
  secretOnce(label: string, secret: string): void;
}

export function makeOutput(write: (stream: 'stdout' | 'stderr', text: string) => void, secrets: string[] = []): Output {
  const all = [...secrets];
  let mask = makeMask(all);
  const emit = (stream: 'stdout' | 'stderr', text: string) => {
    for (const l of text.split('\n')) write(stream, mask(l));
  };
  return {
    line: (t) => emit('stdout', t),
    error: (t) => emit('stderr', t),
    addSecrets: (...s) => {
      all.push(...s);
      mask = makeMask(all);
    },
    secretOnce: (label, secret) => write('stdout', `${mask(label)}${secret}`),
  };
}

export function consoleOutput(secrets: string[] = []): Output {
  // Output piped into `head` and closed early is not an error of ours.
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? undefined : s.destroy(e)));
  return makeOutput((stream, text) => (stream === 'stdout' ? process.stdout : process.stderr).write(text + '\n'), secrets);
}
