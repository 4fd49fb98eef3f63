// The trade centre's demo world: customs exchange rates for the months around today (copied from the
// reference rates — demo values, not GACC's published rates), the declarants' credit classes, a few risk
// rules an officer would keep, the sampling seed, and a bank's guarantee line for the demo trader.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/client.js';
import { latestReferenceRates } from '../reference/index.js';
import { DEFAULT_SAMPLING_POLICY, type RiskRuleInput, riskRuleSchema } from './risk/index.js';
import { customsExchangeRates, declarantProfiles, guarantees, riskRules, riskSettings } from './schema.js';

/** Months before and after today that get demo rates, so declarations dated around now can be filed. */
const RATE_MONTHS_BACK = 3;
const RATE_MONTHS_AHEAD = 1;
export const DEMO_RISK_SEED = 'scohub-demo-seed-2026';

export const DEMO_RISK_RULES: readonly RiskRuleInput[] = [
  {
    kind: 'hs_prefix',
    name: 'Lithium-ion batteries: check the dangerous-goods documents',
    direction: 'export',
    channel: 'document_review',
    active: true,
    prefixes: ['850760'],
  },
  {
    kind: 'unit_value_band',
    name: 'Electric cars declared under CNY 40,000 a vehicle',
    direction: 'import',
    channel: 'inspection',
    active: true,
    codePrefix: '870380',
    unit: '003',
    minCnyPerUnit: '40000',
  },
  {
    kind: 'first_time_declarant',
    name: 'First declaration of an enterprise',
    direction: 'any',
    channel: 'document_review',
    active: true,
  },
  {
    kind: 'hs_prefix',
    name: 'Frozen meat imports: quarantine inspection',
    direction: 'import',
    channel: 'inspection',
    active: true,
    prefixes: ['0201', '0202', '0203'],
  },
];

function monthsAround(now: Date): string[] {
  const months: string[] = [];
  for (let offset = -RATE_MONTHS_BACK; offset <= RATE_MONTHS_AHEAD; offset += 1) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

export interface TradeDemoContext {
  now: Date;
  /** Demo enterprise key → id. */
  enterprises: ReadonlyMap<string, string>;
  /** The bank officer who grants the demo guarantee. */
  bankUserId: string;
}

export async function seedTradeDemo(tx: Tx, context: TradeDemoContext): Promise<void> {
  const rates = await latestReferenceRates(tx);
  const rows = monthsAround(context.now).flatMap((month) =>
    [...rates]
      .filter(([currency]) => currency !== 'CNY')
      .map(([currency, cnyPerUnit]) => ({ month, currency, cnyPerUnit })),
  );
  if (rows.length > 0) await tx.insert(customsExchangeRates).values(rows).onConflictDoNothing();

  const trader = context.enterprises.get('jiaozhou-trading');
  const forwarder = context.enterprises.get('silkroad-logistics');
  const bank = context.enterprises.get('qingdao-rural-bank');
  const profiles = [
    // Both have declared before: the first-time rule is for newcomers, not for the demo's regulars.
    ...(trader
      ? [{ enterpriseId: trader, creditClass: 'certified' as const, firstDeclaredAt: new Date('2024-03-01') }]
      : []),
    ...(forwarder
      ? [{ enterpriseId: forwarder, creditClass: 'regular' as const, firstDeclaredAt: new Date('2023-09-15') }]
      : []),
  ];
  if (profiles.length > 0) await tx.insert(declarantProfiles).values(profiles).onConflictDoNothing();

  await tx.insert(riskRules).values(
    DEMO_RISK_RULES.map((input) => {
      const { kind, name, direction, channel, active, ...params } = riskRuleSchema.parse(input);
      return { id: randomUUID(), kind, name, direction, channel, active, params };
    }),
  );
  await tx
    .insert(riskSettings)
    .values({ id: 1, policy: DEFAULT_SAMPLING_POLICY, seed: DEMO_RISK_SEED })
    .onConflictDoNothing();

  if (trader && bank) {
    const validUntil = new Date(context.now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    await tx.insert(guarantees).values({
      id: randomUUID(),
      number: `GT${context.now.getUTCFullYear()}000001-DEMO`,
      enterpriseId: trader,
      bankEnterpriseId: bank,
      amountFen: 50_000_000,
      balanceFen: 50_000_000,
      validUntil,
      status: 'active',
      createdBy: context.bankUserId,
    });
  }
}
