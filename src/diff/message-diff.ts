/**
 * The diff of two messages: their envelopes, then their bodies, read the
 * one way the page reads bodies (PayloadDecoding): a structural diff when
 * both have a structured value, else a line diff when both are text, else
 * a byte comparison.
 */
import { decodeBody, type DecodedBody, type PayloadDecoding, type TracedMessage } from '../model/index.ts';
import { diffBytes, type BinaryDiff } from './binary.ts';
import { diffEnvelopes, type EnvelopeDiff } from './headers.ts';
import { diffStructured } from './structural.ts';
import { diffTexts, TEXT_DIFF_CHARS, type TextDiff } from './text.ts';
import type { DiffEntry } from './types.ts';

/** Binary bodies are compared on their first this many bytes (after decompression). */
export const BINARY_DIFF_BYTES = 256 * 1024;

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
export type StructuredReader = Pick<PayloadDecoding, 'valueOf'>;

/** Compares `left` (older or pinned) with `right`. Never throws. */
export function diffMessages(left: TracedMessage, right: TracedMessage, payloads: StructuredReader): MessageDiff {
  return { envelope: diffEnvelopes(left, right), body: diffBodies(left, right, payloads) };
}

export function diffBodies(left: TracedMessage, right: TracedMessage, payloads: StructuredReader): BodyDiff {
  if (sameBytes(left.body, right.body) && left.headers['content-encoding'] === right.headers['content-encoding']) {
    return { kind: 'identical', entries: [], notes: [] };
  }
  const a = valueOf(payloads, left);
  const b = valueOf(payloads, right);
  if (a !== undefined && b !== undefined) {
    const structural = diffStructured(a, b);
    if (structural.entries.length > 0 || structural.unlisted > 0) return { kind: 'structured', ...structural };
    return { kind: 'identical', entries: [], notes: ['The bytes differ but the decoded values are equal (formatting, key order or encoding).'] };
  }
  const textLeft = decodeBody(left, { limitBytes: TEXT_DIFF_CHARS });
  const textRight = decodeBody(right, { limitBytes: TEXT_DIFF_CHARS });
  if (textLeft.kind !== 'binary' && textRight.kind !== 'binary') {
    const notes = [...cutNotes(textLeft, 'left'), ...cutNotes(textRight, 'right')];
    const text = diffTexts(textLeft.text, textRight.text);
    if (text.entries.length === 0) notes.push('The bytes differ but the decoded texts are equal (encoding or compression).');
    return { kind: 'text', entries: text.entries, text, notes: [...notes, ...text.notes] };
  }
  const bytesLeft = decodeBody(left, { limitBytes: BINARY_DIFF_BYTES });
  const bytesRight = decodeBody(right, { limitBytes: BINARY_DIFF_BYTES });
  const binary = diffBytes(bytesOf(bytesLeft), bytesOf(bytesRight));
  const notes = [...cutNotes(bytesLeft, 'left'), ...cutNotes(bytesRight, 'right')];
  return { kind: 'binary', entries: binary.entries, binary, notes };
}

function valueOf(payloads: StructuredReader, message: TracedMessage): unknown {
  try {
    return payloads.valueOf(message);
  } catch {
    return undefined;
  }
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
