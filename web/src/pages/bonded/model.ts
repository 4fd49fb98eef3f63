/**
 * Exact arithmetic on the ledger's quantity strings ('749.5', '-0.25'): they become integer thousandths
 * (bigint) and back, so no quantity ever passes through a float. Only the chart's y values are numbers,
 * and those are for drawing; labels and tooltips show the exact strings.
 */
import type { Movement } from '../../api/bonded';

const MILLI = /^([+-])?(\d+)(?:\.(\d{1,3}))?$/;

/** '12.5' → 12500n; null for anything that is not a decimal with at most 3 decimals. */
export function toMilli(value: string): bigint | null {
  const match = MILLI.exec(value.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const milli = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return sign === '-' ? -milli : milli;
}

/** 12500n → '12.5', -250n → '-0.25' (the server's formatting: no trailing zeros). */
export function fromMilli(milli: bigint): string {
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const whole = abs / 1000n;
  const fraction = String(abs % 1000n)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface BalancePoint {
  postingId: number;
  postedAt: string;
  listNumber: string;
  kind: string;
  change: string;
  /** The item's balance right after this movement, exact. */
  balance: string;
  balanceMilli: bigint;
}

/**
 * The running balance after each movement, oldest first, from the item's current balance and its
 * movements newest first (as the server pages them). Works on any newest-first prefix of the history:
 * the balance before a movement is the balance after it minus its change.
 */
export function runningBalance(currentBalance: string, newestFirst: readonly Movement[]): BalancePoint[] {
  let after = toMilli(currentBalance) ?? 0n;
  const points: BalancePoint[] = [];
  for (const movement of newestFirst) {
    points.push({
      postingId: movement.postingId,
      postedAt: movement.postedAt,
      listNumber: movement.listNumber,
      kind: movement.kind,
      change: movement.change,
      balance: fromMilli(after),
      balanceMilli: after,
    });
    after -= toMilli(movement.change) ?? 0n;
  }
  return points.reverse();
}

/** For drawing only: thousandths as a number of units (the exact string goes in the tooltip). */
export function chartValue(milli: bigint): number {
  return Number(milli) / 1000;
}

/** The path of a field problem inside the form: 'body.lines.2.quantity' → 'lines.2.quantity'. */
export function formPath(field: string): string {
  return field.replace(/^body\.?/, '');
}

/** Field problems grouped by form path; problems about the whole body use the key ''. */
export function messagesByPath(errors: readonly { field: string; message: string }[]): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const path = formPath(error.field);
    byPath.set(path, [...(byPath.get(path) ?? []), error.message]);
  }
  return byPath;
}

/** Month keys for the reconciliation report, newest first: 'YYYY-MM'. */
export function recentMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}
