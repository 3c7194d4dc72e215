/**
 * Every line `warren mirror` writes goes through one mask(): the known
 * secrets (admin passwords, the shovel password, the tracer password) in
 * plain, URL-encoded and Basic-auth form, and the password part of any URL,
 * become `***`. The generated tracer password is shown once, deliberately,
 * through `secretOnce`, which is the only way around the mask.
 */
export const MASK = '***';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function makeMask(secrets: Iterable<string>): (line: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s));
  }
  // Longest first, so a secret containing another is masked whole.
  const list = [...forms].sort((a, b) => b.length - a.length).map(escapeRegex);
  const known = list.length ? new RegExp(list.join('|'), 'g') : null;
  return (line: string) => {
    // user:password@ in any URL, whatever the password.
    let out = line.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*):[^\s@/'"]*@/gi, `$1:${MASK}@`);
    // Basic authorization values.
    out = out.replace(/(Basic\s+)[A-Za-z0-9+/=]+/g, `$1${MASK}`);
    if (known) out = out.replace(known, MASK);
    return out;
  };
}

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
