import { describe, expect, it } from 'vitest';
import { OVERFLOW_ROW_NAME } from '../../conversations/index.ts';
import { parseFilterQuery } from '../../filter/index.ts';
import { isFilterableName, selectedRequestName, taskFilterTerm, UNNAMED_ROW_NAME } from './filter-term.ts';

/** The value the filter box reads back from a term. */
function parsedName(term: string): string | undefined {
  const parsed = parseFilterQuery(term);
  if (!parsed.ok) throw new Error(parsed.error);
  expect(parsed.filter.linkTerms).toHaveLength(1);
  return parsed.filter.linkTerms[0]?.value;
}

describe('taskFilterTerm', () => {
  it('writes a plain name bare', () => {
    expect(taskFilterTerm('proj.tasks.add')).toBe('task:proj.tasks.add');
    expect(taskFilterTerm('t1.rpc.quote')).toBe('task:t1.rpc.quote');
    expect(taskFilterTerm('a:b*#-c')).toBe('task:a:b*#-c');
  });

  it('quotes names with spaces, quotes or backslashes, escaping " and \\', () => {
    expect(taskFilterTerm('send email')).toBe('task:"send email"');
    expect(taskFilterTerm('say "hi"')).toBe('task:"say \\"hi\\""');
    expect(taskFilterTerm('C:\\tasks')).toBe('task:"C:\\\\tasks"');
    expect(taskFilterTerm('tab\there')).toBe('task:"tab\there"');
  });

  it('gives back every name through the filter parser', () => {
    for (const name of ['proj.tasks.add', 'send email', 'say "hi"', 'C:\\tasks\\', '"', '\\', ' lead', 'trail ', 'a\nb', '-neg', 'x"y z\\w', '<script>']) {
      expect(parsedName(taskFilterTerm(name))).toBe(name);
    }
  });
});

describe('selectedRequestName', () => {
  it('is the name when the filter is exactly a row click’s term', () => {
    expect(selectedRequestName('task:proj.tasks.add')).toBe('proj.tasks.add');
    expect(selectedRequestName(taskFilterTerm('say "hi" now'))).toBe('say "hi" now');
    expect(selectedRequestName('  task:x  ')).toBe('x');
  });

  it('is null for anything else', () => {
    expect(selectedRequestName('')).toBeNull();
    expect(selectedRequestName('orders.#')).toBeNull();
    expect(selectedRequestName('task:a orders')).toBeNull();
    expect(selectedRequestName('-task:a')).toBeNull();
    expect(selectedRequestName('conv:abc')).toBeNull();
    expect(selectedRequestName('task:"a')).toBeNull();
    expect(selectedRequestName('task:a task:b')).toBeNull();
  });
});

describe('isFilterableName', () => {
  it('refuses the rows no task: term can show', () => {
    expect(isFilterableName('proj.tasks.add')).toBe(true);
    expect(isFilterableName(OVERFLOW_ROW_NAME)).toBe(false);
    expect(isFilterableName(UNNAMED_ROW_NAME)).toBe(false);
  });
});
