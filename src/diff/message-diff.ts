/**
 * The diff of two messages: their envelopes, then their bodies, read the
 * one way the page reads bodies (PayloadDecoding): a structural diff when
 * both have a structured value, else a line diff when both are text, else
 * a byte comparison. Bodies are read up to the inspector's limit (256 KiB
 * after decompression); texts are compared on their first 64 KiB.
 */
import type { DecodedBody, PayloadDecoding, PayloadReading, TracedMessage } from '../model/index.ts';
import { diffBytes, type BinaryDiff } from './binary.ts';
import { diffEnvelopes, type EnvelopeDiff } from './headers.ts';
import { diffStructured } from './structural.ts';
import { diffTexts, type TextDiff } from './text.ts';
import type { DiffEntry } from './types.ts';

export type BodyDiff =
  | { kind: 'identical'; entries: DiffEntry[]; notes: string[] }
  | { kind: 'structured'; entries: DiffEntry[]; unlisted: number; notes: string[] }
  | { kind: 'text'; entries: DiffEntry[]; text: TextDiff; notes: string[] }
  | { kind: 'binary'; entries: DiffEntry[]; binary: BinaryDiff; notes: string[] };

export interface MessageDiff {
  envelope: EnvelopeDiff;
  body: BodyDiff;
}

/** Only what the body diff reads, so tests can pass a stub. */
export type PayloadReader = Pick<PayloadDecoding, 'read'>;

/** Compares `left` (older or pinned) with `right`. Never throws. */
export function diffMessages(left: TracedMessage, right: TracedMessage, payloads: PayloadReader): MessageDiff {
  return { envelope: diffEnvelopes(left, right), body: diffBodies(left, right, payloads) };
}

/**
 * Each body is read once, as the inspector reads it (the user's "decode as…"
 * choice included): a structured value on both sides gives the structural
 * diff; else the decoded texts are line-diffed; else the bytes compared. A
 * "Hex" choice on either side compares bytes.
 */
export function diffBodies(left: TracedMessage, right: TracedMessage, payloads: PayloadReader): BodyDiff {
  if (sameBytes(left.body, right.body) && left.headers['content-encoding'] === right.headers['content-encoding']) {
    return { kind: 'identical', entries: [], notes: [] };
  }
  const a = read(payloads, left);
  const b = read(payloads, right);
  if (a === null || b === null) {
    const binary = diffBytes(left.body, right.body);
    return { kind: 'binary', entries: binary.entries, binary, notes: ['The bodies could not be decoded: their bytes as received are compared.'] };
  }
  const notes = [...failureNotes(a, 'left'), ...failureNotes(b, 'right')];
  if (a.hasValue && b.hasValue) {
    const structural = diffStructured(a.value, b.value);
    if (structural.entries.length > 0 || structural.unlisted > 0) return { kind: 'structured', ...structural, notes: [...notes, ...structural.notes] };
    return { kind: 'identical', entries: [], notes: [...notes, `The bytes differ but the decoded values (${a.label}, ${b.label}) are equal: formatting, key order or encoding.`] };
  }
  notes.push(...cutNotes(a.body, 'left'), ...cutNotes(b.body, 'right'));
  const asHex = a.override?.decoder === 'hex' || b.override?.decoder === 'hex';
  if (!asHex && a.body.kind !== 'binary' && b.body.kind !== 'binary') {
    const text = diffTexts(a.body.text, b.body.text);
    if (text.entries.length === 0 && text.notes.length === 0) notes.push('The bytes differ but the decoded texts are equal (encoding or compression).');
    return { kind: 'text', entries: text.entries, text, notes: [...notes, ...text.notes] };
  }
  const binary = diffBytes(bytesOf(a.body), bytesOf(b.body));
  return { kind: 'binary', entries: binary.entries, binary, notes };
}

function read(payloads: PayloadReader, message: TracedMessage): PayloadReading | null {
  try {
    return payloads.read(message);
  } catch {
    return null;
  }
}

function failureNotes(reading: PayloadReading, side: 'left' | 'right'): string[] {
  return reading.error === undefined ? [] : [`${side === 'left' ? 'Left' : 'Right'}: ${reading.error}`];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function cutNotes(decoded: DecodedBody, side: 'left' | 'right'): string[] {
  if (!decoded.truncated) return [];
  return [`The ${side} body is compared on its first ${decoded.decodedBytes.toLocaleString('en-US')} bytes only.`];
}

const encoder = new TextEncoder();

function bytesOf(decoded: DecodedBody): Uint8Array {
  return decoded.kind === 'binary' ? decoded.bytes : encoder.encode(decoded.text);
}
