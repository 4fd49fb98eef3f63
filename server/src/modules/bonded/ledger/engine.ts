/**
 * The ledger core: applies verification lists to account balances. Pure — no I/O, no clock — so the
 * database path and the property tests run the very same code, and a slow reference model
 * (reference.ts) can check it.
 *
 * Double entry: every line moves a positive quantity from one account to another, so the sum of
 * all balances never changes (it is zero when every account starts at zero). Book items are
 * "floored" accounts, which may never go below zero; counter-accounts (abroad, domestic, consumed,
 * scrapped, …) are not. A list is atomic: its net effect on every floored account must keep that
 * account ≥ 0, or the whole list is rejected with every short account named, and nothing of it
 * applies. Quantities are integer thousandths of the item's legal unit (`…Milli`), never floats.
 */

export type AccountId = string;

export interface Transfer {
  fromAccount: AccountId;
  toAccount: AccountId;
  quantityMilli: number;
}

export interface ListPlan {
  /** The caller's handle for the list (its id or index); echoed in the outcome. */
  key: string;
  transfers: readonly Transfer[];
}

export interface AccountState {
  balanceMilli: number;
  /** true: the balance may never go below zero (a book item). */
  floored: boolean;
}

export interface Shortage {
  account: AccountId;
  /** Balance before the list. */
  balanceMilli: number;
  /** What the list would take out of the account, net of what it puts in. */
  netOutMilli: number;
}

export type ListOutcome = { key: string; accepted: true } | { key: string; accepted: false; shortages: Shortage[] };

export interface ApplyResult {
  outcomes: ListOutcome[];
  /** Net change per account over the accepted lists (accounts with no net change are omitted). */
  deltas: Map<AccountId, number>;
  /** Balances after the accepted lists, for every account touched. */
  balances: Map<AccountId, number>;
}

/** Lines one list may carry; a batch is bounded by its caller. */
export const LIST_LINES_MAX = 1_000;
/** 9,007,199,254 units of anything: any real stock fits, and sums of a batch stay exact in a double. */
export const QUANTITY_MILLI_MAX = 9_007_199_254_740;

export class LedgerInvariantError extends Error {}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new LedgerInvariantError(message);
}

/** The net effect of a list per account (positive: in; negative: out). */
export function netEffect(transfers: readonly Transfer[]): Map<AccountId, number> {
  const net = new Map<AccountId, number>();
  for (const transfer of transfers) {
    net.set(transfer.fromAccount, (net.get(transfer.fromAccount) ?? 0) - transfer.quantityMilli);
    net.set(transfer.toAccount, (net.get(transfer.toAccount) ?? 0) + transfer.quantityMilli);
  }
  return net;
}

/**
 * Applies the lists in order. Each is accepted whole or rejected whole against the balances left by
 * the lists accepted before it. Throws (a programming error, not bad input) on an unknown account,
 * a non-positive or non-integer quantity, a line that moves an account to itself, or an over-long list.
 */
export function applyLists(accounts: ReadonlyMap<AccountId, AccountState>, lists: readonly ListPlan[]): ApplyResult {
  const balances = new Map<AccountId, number>();
  const balanceOf = (id: AccountId): number => balances.get(id) ?? accounts.get(id)!.balanceMilli;
  const outcomes: ListOutcome[] = [];
  for (const list of lists) {
    assert(
      list.transfers.length > 0 && list.transfers.length <= LIST_LINES_MAX,
      `list ${list.key}: 1…${LIST_LINES_MAX} lines`,
    );
    for (const transfer of list.transfers) {
      assert(accounts.has(transfer.fromAccount), `list ${list.key}: unknown account ${transfer.fromAccount}`);
      assert(accounts.has(transfer.toAccount), `list ${list.key}: unknown account ${transfer.toAccount}`);
      assert(transfer.fromAccount !== transfer.toAccount, `list ${list.key}: a line moves an account to itself`);
      assert(
        Number.isSafeInteger(transfer.quantityMilli) &&
          transfer.quantityMilli > 0 &&
          transfer.quantityMilli <= QUANTITY_MILLI_MAX,
        `list ${list.key}: quantity must be a positive integer of thousandths`,
      );
    }
    const net = netEffect(list.transfers);
    const shortages: Shortage[] = [];
    for (const [account, change] of net) {
      const before = balanceOf(account);
      if (accounts.get(account)!.floored && before + change < 0) {
        shortages.push({ account, balanceMilli: before, netOutMilli: -change });
      }
    }
    if (shortages.length > 0) {
      outcomes.push({ key: list.key, accepted: false, shortages });
      continue;
    }
    for (const [account, change] of net) {
      const after = balanceOf(account) + change;
      assert(
        Number.isSafeInteger(after) && Math.abs(after) <= QUANTITY_MILLI_MAX * 1_000,
        `account ${account} overflows`,
      );
      balances.set(account, after);
    }
    outcomes.push({ key: list.key, accepted: true });
  }
  const deltas = new Map<AccountId, number>();
  let sum = 0;
  for (const [account, after] of balances) {
    const change = after - accounts.get(account)!.balanceMilli;
    if (change !== 0) deltas.set(account, change);
    sum += change;
    assert(!accounts.get(account)!.floored || after >= 0, `floored account ${account} went negative`);
  }
  // Double entry: what left one account arrived in another.
  assert(sum === 0, `deltas sum to ${sum}, not zero`);
  return { outcomes, deltas, balances };
}
