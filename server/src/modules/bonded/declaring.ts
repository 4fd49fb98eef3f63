/**
 * Second-line exit to the domestic market (出区内销) is an import: the goods enter China's customs
 * territory and pay duty and VAT. A direct second-line exit therefore files the trade centre's import
 * declaration in the same transaction that moves the balance (neither exists without the other), and a
 * consolidated declaration (集中申报) files one for all its batches when the period is over.
 *
 * The book already knows what a declaration needs of each item — commodity line, legal unit, unit price
 * and currency — so the enterprise adds only the header: supervision mode, foreign party, trade country,
 * origin, and the second legal quantity where the line has one.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import type { FieldIssue } from '../../platform/http/problem.js';
import {
  DECLARATION_ITEMS_MAX,
  type DeclarationBody,
  declarationIssues,
  declaredQuantities,
  type FiledDeclaration,
  fileDeclaration,
  findTariffLine,
  SUPERVISION_MODES,
  TERMS_OF_SALE,
} from '../trade/index.js';
import { formatMilli } from './posting.js';

/** The zone's UN/LOCODE (Jiaozhou): where goods cross from the zone into China's customs territory. */
export const ZONE_LOCODE = 'CNJZH';
/**
 * Transport mode of a move out of a special customs supervision area. GACC has its own codes for it
 * (memory; not in customs.md), which this platform does not list, so it is declared as 9 (other).
 */
const ZONE_EXIT_TRANSPORT_MODE = '9';

const country = z.string().regex(/^[A-Z]{2}$/);
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,10})?$/, { message: 'invalid_decimal' });

export const domesticDeclarationSchema = z
  .strictObject({
    supervisionMode: z.enum(SUPERVISION_MODES).default('0110').describe('监管方式; 0110 general trade by default'),
    termsOfSale: z.enum(TERMS_OF_SALE).default('CIF'),
    loadingPort: z
      .string()
      .regex(/^[A-Z]{2}[A-Z2-9]{3}$/)
      .optional()
      .describe('Where the goods were shipped from abroad; defaults to the zone'),
    foreignParty: z.strictObject({
      name: z.string().trim().min(1).max(140),
      country,
      aeo: z.boolean().optional(),
    }),
    tradeCountry: country,
    originCountry: country.describe('Origin of every item unless a line says otherwise'),
    lines: z
      .array(
        z.strictObject({
          itemNo: z.number().int().positive(),
          originCountry: country.optional(),
          secondQuantity: decimal.optional().describe("Quantity in the line's second legal unit, when it has one"),
          licences: z
            .array(
              z.strictObject({ code: z.enum(['4', '7', 't', 'x', 'y']), number: z.string().trim().min(1).max(40) }),
            )
            .max(5)
            .optional(),
        }),
      )
      .max(DECLARATION_ITEMS_MAX)
      .optional(),
  })
  .describe('The import declaration header; the items come from the book');
export type DomesticDeclaration = z.infer<typeof domesticDeclarationSchema>;

export interface DeclarableItem {
  itemNo: number;
  hsCode: string;
  name: string;
  /** Decimal string, up to 6 decimals (the book's numeric(24,6)). */
  unitPrice: string;
  currency: string;
}

/** The book's items with these numbers, as a declaration needs them. */
export async function declarableItems(
  db: Queryable,
  enterpriseId: string,
  bookId: string,
  itemNos: readonly number[],
): Promise<Map<number, DeclarableItem>> {
  if (itemNos.length === 0) return new Map();
  const rows = await queryRows<{
    item_no: number;
    hs_code: string;
    name: string;
    unit_price: string;
    currency: string;
  }>(
    db,
    sql`SELECT i.item_no, i.hs_code, i.name, i.unit_price::text AS unit_price, i.currency
        FROM bonded_items i JOIN bonded_books b ON b.id = i.book_id
        WHERE i.book_id = ${bookId} AND b.enterprise_id = ${enterpriseId} AND i.item_no IN (${sql.join(
          [...new Set(itemNos)].map((n) => sql`${n}`),
          sql`, `,
        )})`,
  );
  return new Map(
    rows.map((r) => [
      r.item_no,
      { itemNo: r.item_no, hsCode: r.hs_code, name: r.name, unitPrice: r.unit_price, currency: r.currency },
    ]),
  );
}

const PRICE_SCALE = 6;
const MILLI_SCALE = 3;

/** unit price × quantity, exactly: prices carry 6 decimals and quantities 3, so 9 suffice. */
export function lineAmount(unitPrice: string, quantityMilli: number): string {
  const [whole, fraction = ''] = unitPrice.split('.');
  const priceMicro = BigInt(`${whole}${fraction.padEnd(PRICE_SCALE, '0').slice(0, PRICE_SCALE)}`);
  const product = (priceMicro * BigInt(quantityMilli)).toString().padStart(PRICE_SCALE + MILLI_SCALE + 1, '0');
  const cut = product.length - (PRICE_SCALE + MILLI_SCALE);
  const decimals = product.slice(cut).replace(/0+$/, '');
  return decimals ? `${product.slice(0, cut)}.${decimals}` : product.slice(0, cut);
}

/**
 * The import declaration for these quantities (summed per item), or the problems that keep it from
 * being built, each naming a field under `prefix` (e.g. `body.declaration`).
 */
export function domesticSaleBody(
  header: DomesticDeclaration,
  quantities: readonly { itemNo: number; quantityMilli: number }[],
  items: ReadonlyMap<number, DeclarableItem>,
  prefix: string,
): { ok: true; body: DeclarationBody } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const totals = new Map<number, number>();
  for (const q of quantities) totals.set(q.itemNo, (totals.get(q.itemNo) ?? 0) + q.quantityMilli);
  const itemNos = [...totals.keys()].sort((a, b) => a - b);
  if (itemNos.length > DECLARATION_ITEMS_MAX) {
    issues.push({ field: prefix, code: 'too_many_declaration_items', params: { max: DECLARATION_ITEMS_MAX } });
  }
  const overrides = new Map((header.lines ?? []).map((line, index) => [line.itemNo, { line, index }]));
  for (const [itemNo, { index }] of overrides) {
    if (!totals.has(itemNo)) issues.push({ field: `${prefix}.lines.${index}.itemNo`, code: 'item_not_on_list' });
  }
  const currencies = new Set(itemNos.map((n) => items.get(n)?.currency));
  if (currencies.size > 1)
    issues.push({ field: prefix, code: 'mixed_currencies', params: { currencies: [...currencies].join(', ') } });

  const declared: DeclarationBody['items'] = [];
  for (const itemNo of itemNos) {
    const item = items.get(itemNo);
    const line = item ? findTariffLine(item.hsCode) : undefined;
    // Lists are checked against the book before this; a missing item is still named, never assumed.
    if (!item || !line) {
      issues.push({ field: prefix, code: 'unknown_item', params: { itemNo } });
      continue;
    }
    const override = overrides.get(itemNo);
    const quantityMilli = totals.get(itemNo)!;
    const declaredQuantities = [{ amount: formatMilli(quantityMilli), unit: line.firstUnit as string }];
    if (line.secondUnit) {
      const second = override?.line.secondQuantity;
      if (!second) {
        issues.push({
          field: override ? `${prefix}.lines.${override.index}.secondQuantity` : `${prefix}.lines`,
          code: 'second_quantity_required',
          params: { itemNo, unit: line.secondUnit },
        });
      } else declaredQuantities.push({ amount: second, unit: line.secondUnit });
    }
    declared.push({
      code: item.hsCode,
      description: item.name,
      quantities: declaredQuantities,
      priceAmount: lineAmount(item.unitPrice, quantityMilli),
      originCountry: override?.line.originCountry ?? header.originCountry,
      ...(override?.line.licences ? { licences: override.line.licences } : {}),
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    body: {
      direction: 'import',
      supervisionMode: header.supervisionMode,
      transportMode: ZONE_EXIT_TRANSPORT_MODE,
      termsOfSale: header.termsOfSale,
      loadingPort: header.loadingPort ?? ZONE_LOCODE,
      dischargePort: ZONE_LOCODE,
      foreignParty: header.foreignParty,
      tradeCountry: header.tradeCountry,
      currency: [...currencies][0]!,
      items: declared,
    },
  };
}

/**
 * The trade centre names fields of its own body (`body.items.2.originCountry`); the bonded caller sees
 * them under its declaration (`body.declaration.items.2.originCountry`, items in item-number order).
 */
export function underDeclaration(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  return issues.map((issue) => ({
    ...issue,
    field: issue.field.startsWith('body') ? `${prefix}${issue.field.slice('body'.length)}` : issue.field,
  }));
}

export interface DeclaringList {
  bookId: string;
  kind: string;
  batchRelease?: boolean | undefined;
  lines: readonly { itemNo: number; quantityMilli: number }[];
  declaration?: DomesticDeclaration | undefined;
  /** Field prefix of the list in the request, e.g. `body` or `body.lists.3`. */
  field: string;
}

/**
 * The import declarations of the direct second-line exits among these lists, checked by the trade
 * centre before anything is written: key → declaration body, or key → the problems (named under the
 * list's `declaration`). A declaration on any other list is refused, and one missing where needed.
 */
export async function prepareDeclarations<K>(
  db: Queryable,
  principal: Principal,
  lists: ReadonlyMap<K, DeclaringList>,
  now: Date,
): Promise<{ bodies: Map<K, DeclarationBody>; issues: Map<K, FieldIssue[]> }> {
  const bodies = new Map<K, DeclarationBody>();
  const issues = new Map<K, FieldIssue[]>();
  for (const [key, list] of lists) {
    const field = `${list.field}.declaration`;
    const needed = list.kind === 'second_line_exit' && !list.batchRelease;
    if (!needed) {
      if (list.declaration) issues.set(key, [{ field, code: 'declaration_not_allowed' }]);
      continue;
    }
    if (!list.declaration) {
      issues.set(key, [{ field, code: 'declaration_required' }]);
      continue;
    }
    const items = await declarableItems(
      db,
      principal.enterpriseId ?? '',
      list.bookId,
      list.lines.map((l) => l.itemNo),
    );
    const built = domesticSaleBody(list.declaration, list.lines, items, field);
    if (!built.ok) {
      issues.set(key, built.issues);
      continue;
    }
    const problems = await declarationIssues(db, principal, built.body, now);
    if (problems.length > 0) issues.set(key, underDeclaration(problems, field));
    else bodies.set(key, built.body);
  }
  return { bodies, issues };
}

export interface DeclarationRef {
  id: string;
  number: string | null;
  status: string;
  channel?: string | null;
  taxFen?: number;
}

/** Files a posted list's import declaration in the posting transaction and links the two. */
export async function fileListDeclaration(
  tx: Tx,
  principal: Principal,
  listId: string,
  body: DeclarationBody,
  options: { now: Date; dbKey: object },
): Promise<FiledDeclaration> {
  const filed = await fileDeclaration(tx, principal, body, options);
  await tx.execute(sql`UPDATE bonded_lists SET declaration_id = ${filed.id} WHERE id = ${listId}`);
  return filed;
}

/** The declaration a list filed (for a replayed submission), or null. */
export async function declarationOfList(db: Queryable, listId: string): Promise<DeclarationRef | null> {
  const [row] = await queryRows<{ declaration_id: string | null }>(
    db,
    sql`SELECT declaration_id FROM bonded_lists WHERE id = ${listId}`,
  );
  if (!row?.declaration_id) return null;
  const found = (await declaredQuantities(db, [row.declaration_id])).get(row.declaration_id);
  return found ? { id: found.id, number: found.number, status: found.status } : null;
}
