/**
 * The demo's bonded business, written through the module's own functions so it obeys every rule:
 * the trader's book in the comprehensive bonded zone (approved for batch release) and its processing
 * book with consumption norms, the forwarder's book in the bonded logistics centre, and a few weeks of
 * lists — entries, second-line exits (some in batches), a transfer between the two enterprises, a
 * processing run, and a stocktake waiting for customs. Site codes are demo values [memory].
 */
import type { Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { addItems, createBook, setNorms } from './books.js';
import { fileListDeclaration, prepareDeclarations } from './declaring.js';
import { decideTransfer, planTransfer } from './movements.js';
import { commitPlans, ItemDirectory, type ListInput, planLists } from './posting.js';

export interface BondedDemoContext {
  now: Date;
  enterprises: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

const item = (itemNo: number, hsCode: string, name: string, unitPrice: string) => ({
  itemNo,
  hsCode,
  name,
  unitPrice,
  currency: 'USD',
});

export async function seedBondedDemo(tx: Tx, context: BondedDemoContext): Promise<void> {
  const trader = context.enterprises.get('jiaozhou-trading');
  const forwarder = context.enterprises.get('silkroad-logistics');
  const traderUser = context.users.get('trader@demo');
  const forwarderUser = context.users.get('forwarder@demo');
  if (!trader || !forwarder || !traderUser || !forwarderUser) return;
  const open = (
    enterpriseId: string,
    siteCode: string,
    siteType: 'zone' | 'logistics_centre' | 'processing',
    batch: boolean,
  ) => createBook(tx, { enterpriseId, siteCode, siteType, batchReleaseApproved: batch, createdBy: null });
  const zone = await open(trader, 'JZCBZ', 'zone', true);
  const factory = await open(trader, 'JZPROC', 'processing', false);
  const centre = await open(forwarder, 'QDLCB', 'logistics_centre', false);
  const goods = [
    item(1, '8507600090', '锂离子蓄电池 Li-ion cells', '42.50'),
    item(2, '8541430000', '光伏组件 PV modules', '96.00'),
    item(3, '8471300000', '便携式电脑 Laptops', '410.00'),
    item(4, '0202300000', '冻去骨牛肉 Frozen boneless beef', '5.80'),
  ];
  await addItems(tx, zone, goods);
  await addItems(tx, centre, goods);
  await addItems(tx, factory, [
    item(1, '7601109000', '原铝 Unwrought aluminium', '2.40'),
    item(2, '3901100000', '聚乙烯 Polyethylene', '1.10'),
    item(10, '8507600090', '锂离子蓄电池 Li-ion cells', '42.50'),
  ]);
  await setNorms(tx, factory, 10, [
    { materialItemNo: 1, netConsumption: '0.52', lossRate: '0.04' },
    { materialItemNo: 2, netConsumption: '0.1', lossRate: '0' },
  ]);

  const directory = new ItemDirectory();
  const traderActor = { userId: traderUser, enterpriseId: trader };
  const post = async (inputs: ListInput[]) => {
    const { plans } = await planLists(tx, directory, traderActor, inputs, (i) => `demo.${i}`);
    await commitPlans(tx, plans, context.now);
  };
  const lines = (pairs: [number, number][]) =>
    pairs.map(([itemNo, units]) => ({ itemNo, quantityMilli: units * 1_000 }));
  await post([
    {
      clientId: 'demo-entry-1',
      bookId: zone.id,
      kind: 'first_line_entry',
      lines: lines([
        [1, 12_000],
        [2, 3_000],
        [4, 24_000],
      ]),
    },
    {
      clientId: 'demo-entry-2',
      bookId: zone.id,
      kind: 'first_line_entry',
      lines: lines([
        [3, 800],
        [1, 6_000],
      ]),
    },
    {
      clientId: 'demo-batch-1',
      bookId: zone.id,
      kind: 'second_line_exit',
      lines: lines([[2, 400]]),
      batchRelease: true,
    },
    {
      clientId: 'demo-batch-2',
      bookId: zone.id,
      kind: 'second_line_exit',
      lines: lines([
        [2, 350],
        [3, 120],
      ]),
      batchRelease: true,
    },
    { clientId: 'demo-export-1', bookId: zone.id, kind: 'first_line_exit', lines: lines([[1, 4_000]]) },
    {
      clientId: 'demo-materials',
      bookId: factory.id,
      kind: 'first_line_entry',
      lines: lines([
        [1, 5_000],
        [2, 800],
      ]),
    },
    { clientId: 'demo-processing-1', bookId: factory.id, kind: 'processing', lines: lines([[10, 4_000]]) },
    {
      clientId: 'demo-stocktake-1',
      bookId: zone.id,
      kind: 'stocktake',
      lines: [{ itemNo: 4, quantityMilli: -12_500 }],
    },
  ]);
  // A direct sale into China: the list and its import declaration (with duty and VAT) in one commit.
  const exit: ListInput = {
    clientId: 'demo-exit-1',
    bookId: zone.id,
    kind: 'second_line_exit',
    lines: lines([
      [1, 2_500],
      [4, 6_000],
    ]),
  };
  const principal: Principal = {
    kind: 'session',
    userId: traderUser,
    apiKeyId: null,
    sessionId: null,
    role: 'trader',
    enterpriseId: trader,
    authorityId: null,
    locale: 'zh-CN',
    displayName: 'Demo',
  };
  const declaring = await prepareDeclarations(
    tx,
    principal,
    new Map([
      [
        0,
        {
          ...exit,
          field: 'demo',
          declaration: {
            supervisionMode: '0110',
            termsOfSale: 'CIF',
            loadingPort: 'KZALA',
            foreignParty: { name: 'Astana Agro Export LLP', country: 'KZ' },
            tradeCountry: 'KZ',
            originCountry: 'KZ',
            // Cells weigh about 48 g each (demo value).
            lines: [{ itemNo: 1, originCountry: 'KR', secondQuantity: '120' }],
          },
        },
      ],
    ]),
    context.now,
  );
  const body = declaring.bodies.get(0);
  if (!body) throw new Error(`demo declaration refused: ${JSON.stringify(declaring.issues.get(0))}`);
  const { plans: exitPlans } = await planLists(tx, directory, traderActor, [exit], () => 'demo');
  const [exitOutcome] = [...(await commitPlans(tx, exitPlans, context.now)).values()][0]!;
  if (exitOutcome?.status !== 'posted') throw new Error('demo second-line exit refused');
  await fileListDeclaration(tx, principal, exitOutcome.listId, body, { now: context.now, dbKey: tx });

  // Two transfers to the forwarder's logistics centre: one it accepted onto its own item, one in transit.
  const forwarderActor = { userId: forwarderUser, enterpriseId: forwarder };
  for (const [clientId, fromItemNo, units] of [
    ['demo-transfer-1', 1, 1_500],
    ['demo-transfer-2', 2, 200],
  ] as const) {
    const plans = await planTransfer(
      tx,
      directory,
      traderActor,
      {
        clientId,
        fromBookId: zone.id,
        toBookNumber: centre.number,
        lines: [{ fromItemNo, quantityMilli: units * 1_000 }],
        note: null,
      },
      'demo',
    );
    await commitPlans(tx, plans, context.now);
    const incoming = plans.find((plan) => plan.kind === 'transfer_in')!;
    if (clientId === 'demo-transfer-1') {
      await decideTransfer(tx, directory, forwarderActor, incoming.id, { accept: true, toItemNos: [fromItemNo] });
    }
  }
}
