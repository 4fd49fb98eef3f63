import { describe, expect, it } from 'vitest';
import type { Movement } from '../../api/bonded';
import { fromMilli, messagesByPath, recentMonths, runningBalance, toMilli } from './model';

const movement = (postingId: number, change: string): Movement => ({
  postingId,
  listId: `00000000-0000-4000-8000-${String(postingId).padStart(12, '0')}`,
  listNumber: `HZ2026${String(postingId).padStart(10, '0')}`,
  kind: 'first_line_entry',
  change,
  counterAccount: 'abroad',
  postedAt: new Date(Date.UTC(2026, 10, postingId)).toISOString(),
});

describe('quantities in thousandths', () => {
  it('reads and writes decimal strings exactly', () => {
    expect(toMilli('749.5')).toBe(749_500n);
    expect(toMilli('-0.25')).toBe(-250n);
    expect(toMilli('0.001')).toBe(1n);
    expect(toMilli('999999999999.999')).toBe(999_999_999_999_999n);
    expect(toMilli('1.2345')).toBeNull();
    expect(toMilli('abc')).toBeNull();
    expect(fromMilli(749_500n)).toBe('749.5');
    expect(fromMilli(-250n)).toBe('-0.25');
    expect(fromMilli(0n)).toBe('0');
    expect(fromMilli(1000n)).toBe('1');
  });

  it('does not lose what floats would: 0.1 + 0.2 steps', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; the running balance stays exact.
    const points = runningBalance('0.3', [movement(2, '0.2'), movement(1, '0.1')]);
    expect(points.map((p) => p.balance)).toEqual(['0.1', '0.3']);
  });
});

describe('the running balance', () => {
  it('walks back from the current balance, oldest first', () => {
    const points = runningBalance('749', [movement(3, '-0.5'), movement(2, '-250.5'), movement(1, '1000')]);
    expect(points.map((p) => [p.postingId, p.balance])).toEqual([
      [1, '1000'],
      [2, '749.5'],
      [3, '749'],
    ]);
  });

  it('works on the newest page alone', () => {
    const points = runningBalance('10', [movement(9, '5')]);
    expect(points.map((p) => p.balance)).toEqual(['10']);
  });
});

describe('field problems', () => {
  it('groups messages by the path inside the form', () => {
    const byPath = messagesByPath([
      { field: 'body.lines.1.quantity', message: 'short' },
      { field: 'body.lines.1.quantity', message: 'again' },
      { field: 'body.bookId', message: 'not yours' },
      { field: 'body', message: 'whole' },
    ]);
    expect(byPath.get('lines.1.quantity')).toEqual(['short', 'again']);
    expect(byPath.get('bookId')).toEqual(['not yours']);
    expect(byPath.get('')).toEqual(['whole']);
  });
});

describe('report months', () => {
  it('counts back across a year', () => {
    expect(recentMonths(new Date(Date.UTC(2026, 1, 15)), 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
