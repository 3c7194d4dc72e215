/**
 * A message body in a JSON line: UTF-8 text when the bytes are valid UTF-8
 * (readable in the file, and usually smaller), base64 otherwise. Exact both
 * ways: the bytes that come back are the bytes that went in.
 */
import type { BodyEncoding } from './format.ts';

// fatal: invalid UTF-8 must go to base64, never become U+FFFD.
// ignoreBOM: a leading byte-order mark is part of the body; the default would strip it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export interface EncodedBody {
  bodyEncoding: BodyEncoding;
  body: string;
}

/**
 * Bodies up to this size that are pure ASCII skip TextDecoder: a call costs
 * ~3 µs in Chromium whatever the size, a sixth of an export in a profile.
 */
const ASCII_FAST_PATH_BYTES = 4096;

export function encodeBody(bytes: Uint8Array): EncodedBody {
  if (bytes.length === 0) return { bodyEncoding: 'utf8', body: '' };
  if (bytes.length <= ASCII_FAST_PATH_BYTES && isAscii(bytes)) {
    return { bodyEncoding: 'utf8', body: String.fromCharCode.apply(null, bytes as unknown as number[]) };
  }
  try {
    return { bodyEncoding: 'utf8', body: strictUtf8.decode(bytes) };
  } catch {
    return { bodyEncoding: 'base64', body: bytesToBase64(bytes) };
  }
}

/** The body's bytes, or null when a base64 body is not valid base64. */
export function decodeBody(encoding: BodyEncoding, body: string): Uint8Array | null {
  return encoding === 'utf8' ? utf8Bytes(body) : base64ToBytes(body);
}

/**
 * Where an import decodes its bodies: one buffer reused for every line, so a
 * small body costs no allocation of its own (a million fresh ArrayBuffers were
 * a tenth of an import's time, and garbage the page's heap peaked on). The
 * receiver copies what it keeps: the capture's BodySlab packs small bodies.
 */
export class BodyScratch {
  private buffer = new Uint8Array(64 * 1024);

  /**
   * @param maxBytes bodies longer than this get bytes of their own, never a
   *   view of the scratch (the receiver keeps those by reference).
   */
  constructor(readonly maxBytes: number) {}

  /** A buffer of at least `length` bytes, overwritten by the next decode. */
  space(length: number): Uint8Array {
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, this.buffer.length * 2));
    return this.buffer;
  }
}

/**
 * decodeBody, but the bytes of a body up to `scratch.maxBytes` are a view of
 * the scratch, valid until the next call: the caller copies what it keeps.
 */
export function decodeBodyInto(encoding: BodyEncoding, body: string, scratch: BodyScratch): Uint8Array | null {
  // A UTF-8 body has at least one byte per UTF-16 unit; base64, 3 per 4 characters.
  const atLeast = encoding === 'utf8' ? body.length : (body.length >> 2) * 3 - 2;
  if (atLeast > scratch.maxBytes) return decodeBody(encoding, body);
  const bytes = encoding === 'utf8' ? utf8Into(body, scratch) : base64Into(body, scratch);
  if (bytes === null || bytes.length <= scratch.maxBytes) return bytes;
  return bytes.slice();
}

function utf8Into(text: string, scratch: BodyScratch): Uint8Array {
  const length = text.length;
  const space = scratch.space(length * 3);
  let i = 0;
  // ASCII (the usual JSON body): one byte per character, no call into the encoder.
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) break;
    space[i] = code;
  }
  if (i === length) return space.subarray(0, length);
  const { written } = utf8Encoder.encodeInto(text.slice(i), space.subarray(i));
  return space.subarray(0, i + written);
}

function base64Into(text: string, scratch: BodyScratch): Uint8Array | null {
  if (!isStrictBase64(text)) return null;
  const binary = atob(text);
  const space = scratch.space(binary.length);
  for (let i = 0; i < binary.length; i++) space[i] = binary.charCodeAt(i);
  return space.subarray(0, binary.length);
}

/**
 * Chromium's TextEncoder.encode costs ~8 µs a call whatever the length
 * (measured on 800-character lines), encodeInto a fraction of it: small
 * bodies are encoded into a scratch buffer and copied out.
 */
const scratch = new Uint8Array(64 * 1024);

function utf8Bytes(text: string): Uint8Array {
  if (text.length <= ASCII_FAST_PATH_BYTES) {
    const ascii = asciiBytes(text);
    if (ascii !== null) return ascii;
  }
  if (text.length * 3 > scratch.length) return utf8Encoder.encode(text);
  const { written } = utf8Encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** The bytes of an all-ASCII string, or null when it has another character. */
function asciiBytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return null;
    bytes[i] = code;
  }
  return bytes;
}

/** Chunked: String.fromCharCode with a million arguments would overflow the stack. */
const BINARY_STRING_CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += BINARY_STRING_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + BINARY_STRING_CHUNK));
  }
  return btoa(binary);
}

/** 1 for the 64 characters of the standard base64 alphabet. */
const BASE64_ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_ALPHABET[c.charCodeAt(0)] = 1;

/**
 * Standard alphabet, padded to a multiple of 4 (what btoa writes), nothing
 * else: atob alone would skip whitespace and accept missing padding. A loop,
 * not a regex: a repeated group over a 100 MB body would grow the regex
 * engine's backtrack stack per repetition.
 */
function isStrictBase64(text: string): boolean {
  const length = text.length;
  if (length % 4 !== 0) return false;
  let end = length;
  if (text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || BASE64_ALPHABET[code] !== 1) return false;
  }
  return true;
}

/** null when `text` is not strict base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!isStrictBase64(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
