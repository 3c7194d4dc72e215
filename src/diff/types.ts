/**
 * What a diff of two messages is made of: a flat list of differences, each
 * one a path, a kind and both values already cut to a printable preview, so
 * the UI only lays out strings (never HTML) and tests compare plain data.
 */

/** How one value differs: present only on the right, only on the left, in both but unequal, or an array item that moved. */
export type DiffKind = 'added' | 'removed' | 'changed' | 'moved';

export interface DiffEntry {
  /**
   * Where: `$.customer.country` and `$.lines[2]` in a structured body,
   * `header:<name>`, `prop:<name>`, `routing-key`, `exchange` for the
   * envelope, `line:<n>` in a text body, `offset:<n>` in a binary one.
   */
  path: string;
  kind: DiffKind;
  /** The left (older or pinned) value as printable text; absent when added. */
  old?: string;
  /** The right value as printable text; absent when removed. For a move: the new position. */
  new?: string;
}
