/**
 * The one password mask every `warren` command's output goes through: the
 * known secrets in plain and URL-encoded form, the password part of any URL,
 * and Basic-auth values become `***`.
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
