/**
 * Bodies that are base64 text holding a JSON document (some producers wrap
 * JSON so it survives text-only transports). Auto-detection is conservative,
 * so ordinary text is never misread: the whole body must be base64 (standard
 * or URL-safe alphabet, whitespace allowed between lines, correct padding),
 * at least 8 characters, and decode to UTF-8 text that starts like a JSON
 * object or array and parses. A word such as "deadbeef" decodes to bytes
 * that are not JSON, so it stays text.
 */
import { failureOf, type StructuredResult } from './result.ts';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64_URL = /^[A-Za-z0-9_-]+={0,2}$/;
const MIN_CHARS = 8;

/** The bytes of a base64 (or base64url) text, or null when it is not base64. */
export function base64TextToBytes(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < MIN_CHARS) return null;
  let standard: string;
  if (BASE64.test(compact)) standard = compact;
  else if (BASE64_URL.test(compact)) standard = compact.replace(/-/g, '+').replace(/_/g, '/');
  else return null;
  const unpadded = standard.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null; // no byte sequence encodes to this length
  if (standard.includes('=') && standard.length % 4 !== 0) return null;
  const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Decodes base64 text holding JSON; the failure says which step failed. */
export function decodeBase64Json(text: string): StructuredResult {
  const bytes = base64TextToBytes(text);
  if (bytes === null) return { ok: false, error: 'the body is not base64 text' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: 'the base64 decodes to bytes that are not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    const failed = failureOf(error);
    return { ok: false, error: `the base64 decodes to text that is not JSON: ${failed.error}` };
  }
}

/** Auto-detection: a structured value only when the body is surely base64 JSON, else null. */
export function sniffBase64Json(text: string): unknown {
  if (text.length < MIN_CHARS || text.length > 64 * 1024 * 1024) return null;
  const bytes = base64TextToBytes(text);
  if (bytes === null) return null;
  // '{' or '[' after optional whitespace: the first decoded byte must say JSON container.
  let at = 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  if (bytes[at] !== 0x7b && bytes[at] !== 0x5b) return null;
  const decoded = decodeBase64Json(text);
  return decoded.ok && decoded.value !== null && typeof decoded.value === 'object' ? decoded.value : null;
}
