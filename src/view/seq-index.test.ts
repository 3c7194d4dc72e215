import { describe, expect, it } from 'vitest';
import { SeqIndex } from './seq-index.ts';

const contents = (index: SeqIndex) => Array.from({ length: index.length }, (_, i) => index.at(i));

describe('SeqIndex', () => {
  it('appends, trims and grows without losing order', () => {
    const index = new SeqIndex(16);
    for (let seq = 1; seq <= 100; seq += 2) index.push(seq);
    expect(index.length).toBe(50);
    index.trimBefore(50);
    expect(contents(index)[0]).toBe(51);
    expect(index.length).toBe(25);
    for (let seq = 101; seq <= 400; seq++) index.push(seq);
    expect(index.length).toBe(325);
    expect(index.at(24)).toBe(99);
    expect(index.at(25)).toBe(101);
    expect(index.at(324)).toBe(400);
  });

  it('snapshot is a frozen copy', () => {
    const index = new SeqIndex();
    index.push(7);
    index.push(9);
    const frozen = index.snapshot();
    index.push(11);
    index.trimBefore(9);
    expect(Array.from(frozen)).toEqual([7, 9]);
    expect(contents(index)).toEqual([9, 11]);
  });

  it('finds a seq by binary search, after trims too', () => {
    const index = new SeqIndex(16);
    for (let seq = 10; seq <= 200; seq += 10) index.push(seq);
    expect(index.indexOf(10)).toBe(0);
    expect(index.indexOf(200)).toBe(19);
    expect(index.indexOf(15)).toBe(-1);
    index.trimBefore(100);
    expect(index.indexOf(100)).toBe(0);
    expect(index.indexOf(90)).toBe(-1);
  });

  it('reads past the end as -1', () => {
    expect(new SeqIndex().at(0)).toBe(-1);
  });
});
