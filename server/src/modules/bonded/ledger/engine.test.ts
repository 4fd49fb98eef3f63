import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AccountState, applyLists, LedgerInvariantError, type ListPlan } from './engine.js';
import { materialConsumptionMilli, NormError } from './norms.js';
import { ReferenceLedger } from './reference.js';

/** Printed so a failure can be replayed: FC_SEED=<seed> npx vitest run …/engine.test.ts */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);

const ITEMS = ['i1', 'i2', 'i3', 'i4', 'i5'];
const COUNTERS = ['abroad', 'domestic', 'consumed', 'scrapped'];

function accountsAt(balances: Record<string, number>): Map<string, AccountState> {
  const accounts = new Map<string, AccountState>();
  for (const id of ITEMS) accounts.set(id, { balanceMilli: balances[id] ?? 0, floored: true });
  for (const id of COUNTERS) accounts.set(id, { balanceMilli: balances[id] ?? 0, floored: false });
  return accounts;
}

describe('ledger engine', () => {
  it('moves quantity between accounts and keeps the sum at zero', () => {
    const result = applyLists(accountsAt({}), [
      { key: 'entry', transfers: [{ fromAccount: 'abroad', toAccount: 'i1', quantityMilli: 5_000 }] },
      { key: 'exit', transfers: [{ fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 2_000 }] },
    ]);
    expect(result.outcomes).toEqual([
      { key: 'entry', accepted: true },
      { key: 'exit', accepted: true },
    ]);
    expect(Object.fromEntries(result.deltas)).toEqual({ abroad: -5_000, i1: 3_000, domestic: 2_000 });
  });

  it('rejects a list whole when any item would go negative, naming every short item', () => {
    const result = applyLists(accountsAt({ i1: 1_000, i2: 500, abroad: -1_500 }), [
      {
        key: 'exit',
        transfers: [
          { fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 900 },
          { fromAccount: 'i2', toAccount: 'domestic', quantityMilli: 600 },
          { fromAccount: 'i3', toAccount: 'domestic', quantityMilli: 1 },
        ],
      },
    ]);
    expect(result.outcomes).toEqual([
      {
        key: 'exit',
        accepted: false,
        shortages: [
          { account: 'i2', balanceMilli: 500, netOutMilli: 600 },
          { account: 'i3', balanceMilli: 0, netOutMilli: 1 },
        ],
      },
    ]);
    expect(result.deltas.size).toBe(0);
  });

  it('judges a list by its net effect: processing may consume and refill in one list', () => {
    const result = applyLists(accountsAt({ i1: 100, abroad: -100 }), [
      {
        key: 'mixed',
        transfers: [
          { fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 150 },
          { fromAccount: 'abroad', toAccount: 'i1', quantityMilli: 60 },
        ],
      },
    ]);
    expect(result.outcomes[0]).toEqual({ key: 'mixed', accepted: true });
    expect(result.balances.get('i1')).toBe(10);
  });

  it('a later list sees what the earlier lists of the batch left', () => {
    const result = applyLists(accountsAt({ i1: 1_000, abroad: -1_000 }), [
      { key: 'a', transfers: [{ fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 700 }] },
      { key: 'b', transfers: [{ fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 700 }] },
      { key: 'c', transfers: [{ fromAccount: 'i1', toAccount: 'domestic', quantityMilli: 300 }] },
    ]);
    expect(result.outcomes.map((o) => o.accepted)).toEqual([true, false, true]);
    expect(result.balances.get('i1')).toBe(0);
  });

  it('refuses malformed lines as programming errors', () => {
    const bad: ListPlan[] = [
      { key: 'zero', transfers: [{ fromAccount: 'abroad', toAccount: 'i1', quantityMilli: 0 }] },
      { key: 'float', transfers: [{ fromAccount: 'abroad', toAccount: 'i1', quantityMilli: 1.5 }] },
      { key: 'self', transfers: [{ fromAccount: 'i1', toAccount: 'i1', quantityMilli: 1 }] },
      { key: 'unknown', transfers: [{ fromAccount: 'abroad', toAccount: 'nope', quantityMilli: 1 }] },
      { key: 'empty', transfers: [] },
    ];
    for (const list of bad) expect(() => applyLists(accountsAt({}), [list]), list.key).toThrow(LedgerInvariantError);
  });

  it(`agrees with the slow reference on random list sequences (seed ${SEED})`, () => {
    const account = fc.constantFrom(...ITEMS, ...COUNTERS);
    const transfer = fc
      .record({ fromAccount: account, toAccount: account, quantityMilli: fc.integer({ min: 1, max: 5_000 }) })
      .filter((t) => t.fromAccount !== t.toAccount);
    const lists = fc.array(fc.array(transfer, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 });
    const batchSizes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(lists, batchSizes, (plans, sizes) => {
        // The engine sees the lists in batches (as the database path does), the reference one by one.
        let accounts = accountsAt({});
        const reference = new ReferenceLedger(new Map(), new Set(ITEMS));
        let cursor = 0;
        let sizeIndex = 0;
        while (cursor < plans.length) {
          const size = sizes[sizeIndex++ % sizes.length]!;
          const batch = plans
            .slice(cursor, cursor + size)
            .map((transfers, i) => ({ key: String(cursor + i), transfers }));
          cursor += batch.length;
          const result = applyLists(accounts, batch);
          for (const [i, outcome] of result.outcomes.entries()) {
            const shortages = reference.post(batch[i]!);
            expect(outcome.accepted).toBe(shortages.length === 0);
            if (!outcome.accepted) expect(outcome.shortages).toEqual(shortages);
          }
          const next = new Map(accounts);
          for (const [id, balance] of result.balances) next.set(id, { ...next.get(id)!, balanceMilli: balance });
          accounts = next;
        }
        let sum = 0;
        for (const [id, state] of accounts) {
          expect(state.balanceMilli).toBe(reference.balance(id));
          if (state.floored) expect(state.balanceMilli).toBeGreaterThanOrEqual(0);
          sum += state.balanceMilli;
        }
        expect(sum).toBe(0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('consumption norms (单耗)', () => {
  it('divides the net consumption by one minus the loss rate, rounding up to the thousandth', () => {
    // 1,000 units × 0.52 kg / (1 − 0.04) = 541.6666… kg → 541.667 kg
    expect(materialConsumptionMilli(1_000_000, { netConsumption: '0.52', lossRate: '0.04' })).toBe(541_667);
    // no loss: exactly the net consumption
    expect(materialConsumptionMilli(3_000, { netConsumption: '2', lossRate: '0' })).toBe(6_000);
    // one thousandth of product still consumes a whole thousandth of material
    expect(materialConsumptionMilli(1, { netConsumption: '0.000001', lossRate: '0' })).toBe(1);
  });

  it('names the bad field of a norm', () => {
    expect(() => materialConsumptionMilli(1_000, { netConsumption: '0', lossRate: '0' })).toThrow(
      new NormError('netConsumption', 'not_positive'),
    );
    expect(() => materialConsumptionMilli(1_000, { netConsumption: '1', lossRate: '1' })).toThrow(
      new NormError('lossRate', 'loss_rate_out_of_range'),
    );
    expect(() => materialConsumptionMilli(1_000, { netConsumption: '1e3', lossRate: '0' })).toThrow(NormError);
  });
});
