import type { AccountId, ListPlan, Shortage } from './engine.js';

/**
 * The slow reference the property tests hold the engine to: it keeps every accepted posting and
 * derives each balance by summing them from scratch, with no incremental state to get wrong.
 */
export class ReferenceLedger {
  private readonly postings: { account: AccountId; change: number }[] = [];

  constructor(
    private readonly initial: ReadonlyMap<AccountId, number>,
    private readonly floored: ReadonlySet<AccountId>,
  ) {}

  balance(account: AccountId): number {
    let total = this.initial.get(account) ?? 0;
    for (const posting of this.postings) if (posting.account === account) total += posting.change;
    return total;
  }

  /** Posts the list if no floored account would end below zero; returns the short accounts otherwise. */
  post(list: ListPlan): Shortage[] {
    const candidate = list.transfers.flatMap((t) => [
      { account: t.fromAccount, change: -t.quantityMilli },
      { account: t.toAccount, change: t.quantityMilli },
    ]);
    const touched = [...new Set(candidate.map((p) => p.account))];
    const shortages: Shortage[] = [];
    for (const account of touched) {
      const before = this.balance(account);
      const change = candidate.filter((p) => p.account === account).reduce((sum, p) => sum + p.change, 0);
      if (this.floored.has(account) && before + change < 0)
        shortages.push({ account, balanceMilli: before, netOutMilli: -change });
    }
    if (shortages.length === 0) this.postings.push(...candidate);
    return shortages;
  }
}
