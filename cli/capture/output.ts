/**
 * Everything `warren record` and `warren replay` print goes through here, so
 * no line can carry a password: URL userinfo passwords are replaced by `***`
 * and so is every secret the command was given (passcodes from the
 * environment, URL passwords, decoded or not), wherever it appears.
 */
import { makeMask } from '../shared/mask.ts';

const secrets = new Set<string>();
let masker = makeMask(secrets);

/** Remembers a secret to mask in every later output line (empty ones are ignored). */
export function addSecret(secret: string | undefined | null): void {
  if (!secret || secrets.has(secret)) return;
  secrets.add(secret);
  masker = makeMask(secrets);
}

/** `text` with URL passwords and every known secret replaced by `***` (cli/shared/mask.ts). */
export function mask(text: string): string {
  return masker(text);
}

/** A URL for display: its password masked, the rest as given. */
export function displayUrl(url: URL): string {
  if (url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href.replace('%2A%2A%2A', '***');
}

/** The URL without its userinfo, and the login / password it carried (decoded). */
export function splitCredentials(raw: string): { url: URL; login: string | null; password: string | null } {
  const url = new URL(raw);
  const login = url.username === '' ? null : decodeURIComponent(url.username);
  const password = url.password === '' ? null : decodeURIComponent(url.password);
  addSecret(password);
  addSecret(url.password);
  url.username = '';
  url.password = '';
  return { url, login, password };
}

let statusShown = false;
let lastStatusLine = 0;
/** Without a terminal (a log file, CI), a status line every so often, not a flood. */
const STATUS_LINE_EVERY_MS = 5000;

/** A status line on stderr; on a terminal it rewrites itself in place. `final` always shows. */
export function status(text: string, final = false): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[2K${mask(text)}`);
    statusShown = true;
  } else if (final || Date.now() - lastStatusLine >= STATUS_LINE_EVERY_MS) {
    lastStatusLine = Date.now();
    process.stderr.write(`${mask(text)}\n`);
  }
}

function endStatus(): void {
  if (statusShown) process.stderr.write('\n');
  statusShown = false;
}

/** A line on stderr (what the command is doing, warnings, errors). */
export function say(text: string): void {
  endStatus();
  process.stderr.write(`${mask(text)}\n`);
}

/** A line on stdout (the summary). */
export function report(text: string): void {
  endStatus();
  process.stdout.write(`${mask(text)}\n`);
}

/** The message of anything thrown, masked by the caller's say(). */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
