// Declarations: validation against the catalogue and the database, the tax bill, the risk channel, and the
// officer's and trader's steps up to release. Every change runs inside the caller's transaction (runMutation),
// so a declaration, its items, its timeline and its outbox events commit together or not at all.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, type FieldIssue } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import { findLinkableShipment, type LinkableShipment } from '../logistics/index.js';
import { knownCountries, knownCurrencies, knownLocodes } from '../reference/index.js';
import { findAuthorityByCode } from '../registry/index.js';
import { findTariffLine } from './data/tariff.js';
import type { TariffLine } from './data/types.js';
import {
  type DeclarationBody,
  type DocumentInput,
  EXPORT_ONLY_MODES,
  TRANSPORT_MODE_NAMES,
  type TransportModeCode,
} from './declaration-schema.js';
import { releaseNoteContent } from './release-notes.js';
import {
  assessRisk,
  type Channel,
  type CreditClass,
  DEFAULT_SAMPLING_POLICY,
  type DgDocumentKind,
  fastLaneTarget,
  missingDocuments,
  type NewThreeCategory,
  newThreeCategory,
  type PublicGrade,
  type RiskDecision,
  type RiskRule,
  requiredDocuments,
  riskRuleSchema,
  type SamplingPolicy,
  samplingPolicySchema,
} from './risk/index.js';
import {
  customsExchangeRates,
  declarantProfiles,
  declarationDocuments,
  declarationItems,
  declarationSerial,
  declarationSteps,
  declarations,
  guaranteeHolds,
  guarantees,
  releaseNotes,
  riskRules,
  riskSettings,
} from './schema.js';
import { computeTaxBill, type TaxBill } from './tax/bill.js';
import type { TaxError } from './tax/errors.js';
import { parseTaxItems } from './tax/line-tax.js';
import { Dec, fenString } from './tax/money.js';

export type Declaration = typeof declarations.$inferSelect;
export type DeclarationStatus = Declaration['status'];

/** Qingdao Customs' directly-under code (customs.md §1, memory): the first four digits of our numbers. */
export const CUSTOMS_OFFICE_CODE = '4200';
/** A two-step declaration's summary must be completed within this many days (memory; verify). */
export const TWO_STEP_COMPLETION_DAYS = 14;
export const DECLARATIONS_PAGE_MAX = 200;
/** Statuses an officer still has to act on. */
export const OPEN_STATUSES: readonly DeclarationStatus[] = ['submitted', 'documents_requested', 'inspection'];

const TAX_FIELD_CODES: Record<TaxError['code'], string> = {
  INVALID_INPUT: 'invalid',
  INVALID_DECIMAL: 'invalid_decimal',
  NOT_POSITIVE: 'not_positive',
  INVALID_DATE: 'invalid',
  INVALID_COUNTRY: 'unknown_country',
  INVALID_CURRENCY: 'unknown_currency',
  INVALID_TERMS: 'invalid',
  UNKNOWN_LINE: 'unknown_commodity',
  UNIT_NOT_LEGAL: 'unit_not_legal',
  DUPLICATE_UNIT: 'duplicate_unit',
  MISSING_QUANTITY: 'missing_quantity',
  UNKNOWN_CURRENCY_RATE: 'exchange_rate_missing',
  RATE_MONTH_MISMATCH: 'exchange_rate_missing',
  MISSING_FREIGHT: 'missing_freight',
  ALREADY_INCLUDED: 'already_included',
  NO_RATE_IN_FORCE: 'no_rate_in_force',
  NO_ITEMS: 'invalid',
  TOO_MANY_ITEMS: 'invalid',
  NOT_ON_POSITIVE_LIST: 'invalid',
  QUANTITY_CAP_EXCEEDED: 'invalid',
  NOT_SINGLE_ITEM: 'invalid',
};

function taxIssue(error: TaxError, month: string): FieldIssue {
  const code = TAX_FIELD_CODES[error.code];
  const field =
    error.code === 'UNKNOWN_CURRENCY_RATE' || error.code === 'RATE_MONTH_MISMATCH' ? 'currency' : error.path;
  const unit = /unit (\w+)/.exec(error.message)?.[1];
  return {
    field: `body.${field}`,
    code,
    params: { month, ...(unit ? { unit } : {}) },
  };
}

/** Today's date in Beijing (UTC+8, no daylight saving): the customs calendar. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface FastLaneCheck {
  category: NewThreeCategory;
  required: DgDocumentKind[];
  missing: DgDocumentKind[];
}

export interface ValidDeclaration {
  body: DeclarationBody;
  date: string;
  month: string;
  cnyPerUnit: string;
  lines: TariffLine[];
  /** Imports only: the tax bill (exports bear no duty in this catalogue). */
  taxBill: TaxBill | null;
  /** Customs value of each item in fen (imports: CIF from the bill; exports: price × rate, FOB assumed). */
  itemValuesFen: number[];
  customsValueFen: number;
  taxFen: number;
  shipment: LinkableShipment | null;
  fastLane: FastLaneCheck | null;
}

/** The customs exchange rate of a currency for a month, or null when none is published. */
export async function monthRate(db: Queryable, month: string, currency: string): Promise<string | null> {
  if (currency === 'CNY') return '1';
  const [row] = await db
    .select({ rate: customsExchangeRates.cnyPerUnit })
    .from(customsExchangeRates)
    .where(and(eq(customsExchangeRates.month, month), eq(customsExchangeRates.currency, currency)));
  return row?.rate ?? null;
}

function toFen(yuan: string): number {
  const fen = new Dec(yuan).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (!fen.lte(Number.MAX_SAFE_INTEGER)) throw new DomainError('validation_failed', 422);
  return fen.toNumber();
}

/** The fast-lane check of an export: the first "new three" item decides the category. */
export function fastLaneCheck(
  body: Pick<DeclarationBody, 'direction' | 'transportMode' | 'items'>,
  documents: readonly { kind: string }[],
): FastLaneCheck | null {
  if (body.direction !== 'export') return null;
  const category = body.items.map((item) => newThreeCategory(item.code)).find((c) => c !== null) ?? null;
  if (category === null) return null;
  const mode = TRANSPORT_MODE_NAMES[body.transportMode as TransportModeCode];
  if (mode === 'other') return { category, required: [], missing: [] };
  return {
    category,
    required: requiredDocuments(category, mode),
    missing: missingDocuments(
      category,
      mode,
      documents.map((d) => d.kind),
    ),
  };
}

/**
 * Every check a declaration must pass before anything is written, all problems at once: known lines, legal
 * units, positive values, known countries, currency and ports, a customs rate for the month, licences of
 * licensed lines, the direction's rules, and the linked bill of lading.
 */
export async function validateDeclaration(
  db: Queryable,
  principal: Principal,
  body: DeclarationBody,
  now: Date,
): Promise<{ ok: true; value: ValidDeclaration } | { ok: false; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const date = body.declarationDate ?? beijingDate(now);
  const month = date.slice(0, 7);

  const countryFields: [string, string][] = [
    ['body.tradeCountry', body.tradeCountry],
    ['body.foreignParty.country', body.foreignParty.country],
    ...body.items.map((item, i): [string, string] => [`body.items.${i}.originCountry`, item.originCountry]),
  ];
  const [countries, currencies, ports, rate, shipment] = await Promise.all([
    knownCountries(
      db,
      countryFields.map(([, c]) => c),
    ),
    knownCurrencies(db, [body.currency]),
    knownLocodes(db, [body.loadingPort, body.dischargePort]),
    monthRate(db, month, body.currency),
    body.blNumber && principal.enterpriseId
      ? findLinkableShipment(db, principal.enterpriseId, body.blNumber)
      : Promise.resolve(null),
  ]);
  for (const [field, code] of countryFields) {
    if (!countries.has(code)) issues.push({ field, code: 'unknown_country' });
  }
  const currencyKnown = currencies.has(body.currency);
  if (!currencyKnown) issues.push({ field: 'body.currency', code: 'unknown_currency' });
  else if (rate === null) issues.push({ field: 'body.currency', code: 'exchange_rate_missing', params: { month } });
  for (const field of ['loadingPort', 'dischargePort'] as const) {
    if (!ports.has(body[field])) issues.push({ field: `body.${field}`, code: 'unknown_location' });
  }
  // The Chinese side of the border: an import is discharged in China, an export loaded there.
  const chinaPort = body.direction === 'import' ? 'dischargePort' : 'loadingPort';
  if (!body[chinaPort].startsWith('CN')) issues.push({ field: `body.${chinaPort}`, code: 'direction_mode_mismatch' });
  if (body.direction === 'import' && EXPORT_ONLY_MODES.has(body.supervisionMode)) {
    issues.push({ field: 'body.supervisionMode', code: 'direction_mode_mismatch' });
  }
  if (body.blNumber && !shipment) issues.push({ field: 'body.blNumber', code: 'bill_of_lading_not_found' });

  // Lines, units, values: the tax engine's own parser, so a preview and a submission agree on every problem.
  const taxErrors: TaxError[] = [];
  const parsed = parseTaxItems(body.items, { field: 'priceAmount', label: 'price' }, findTariffLine, taxErrors);
  for (const error of taxErrors) {
    // Country codes were checked against the reference above, which also catches well-formed unknown ones.
    if (error.code !== 'INVALID_COUNTRY') issues.push(taxIssue(error, month));
  }
  const lines = parsed.map((p) => p.line);

  const documents = body.documents ?? [];
  body.items.forEach((item, i) => {
    const line = findTariffLine(item.code);
    if (!line) return;
    const needed = line.licenceCodes.filter((code) =>
      body.direction === 'import' ? code === '7' || code === 't' : code === '4',
    );
    for (const licence of needed) {
      if (!(item.licences ?? []).some((l) => l.code === licence)) {
        issues.push({ field: `body.items.${i}.licences`, code: 'licence_required', params: { licence } });
      }
    }
  });
  if (
    body.items.some((item) => item.certificateOfOrigin) &&
    !documents.some((d) => d.kind === 'certificate_of_origin')
  ) {
    issues.push({ field: 'body.documents', code: 'document_missing.certificate_of_origin' });
  }

  if (issues.length > 0 || parsed.length !== body.items.length || rate === null) {
    return { ok: false, issues };
  }

  let taxBill: TaxBill | null = null;
  let itemValuesFen: number[];
  if (body.direction === 'import') {
    const result = computeTaxBill({
      date,
      termsOfSale: body.termsOfSale,
      currency: body.currency,
      freightAmount: body.freightAmount,
      insuranceAmount: body.insuranceAmount,
      exchangeRates: { month, cnyPerUnit: { [body.currency]: rate } },
      items: body.items.map((item) => ({
        code: item.code,
        priceAmount: item.priceAmount,
        quantities: item.quantities,
        originCountry: item.originCountry,
        certificateOfOrigin: item.certificateOfOrigin,
      })),
    });
    if (!result.ok) return { ok: false, issues: result.errors.map((e) => taxIssue(e, month)) };
    taxBill = result.value;
    itemValuesFen = [...taxBill.lines].sort((a, b) => a.item - b.item).map((l) => toFen(l.customsValueCny));
  } else {
    itemValuesFen = body.items.map((item) => toFen(fenString(new Dec(item.priceAmount).times(rate))));
  }
  return {
    ok: true,
    value: {
      body,
      date,
      month,
      cnyPerUnit: rate,
      lines,
      taxBill,
      itemValuesFen,
      customsValueFen: itemValuesFen.reduce((a, b) => a + b, 0),
      taxFen: taxBill ? toFen(taxBill.totals.taxCny) : 0,
      shipment,
      fastLane: fastLaneCheck(body, documents),
    },
  };
}

/** The risk settings row, or the defaults when officers have not changed them. */
export async function loadRiskSettings(db: Queryable): Promise<{ policy: SamplingPolicy; seed: string }> {
  const [row] = await db.select().from(riskSettings).where(eq(riskSettings.id, 1));
  if (!row) return { policy: DEFAULT_SAMPLING_POLICY, seed: 'scohub-default-seed' };
  return { policy: samplingPolicySchema.parse(row.policy), seed: row.seed };
}

export function ruleFromRow(row: typeof riskRules.$inferSelect): RiskRule {
  const parsed = riskRuleSchema.parse({
    ...(row.params as Record<string, unknown>),
    kind: row.kind,
    name: row.name,
    direction: row.direction,
    channel: row.channel,
    active: row.active,
  });
  return { ...parsed, id: row.id };
}

export async function activeRules(db: Queryable): Promise<RiskRule[]> {
  const rows = await db.select().from(riskRules).where(eq(riskRules.active, true)).orderBy(asc(riskRules.updatedAt));
  return rows.map(ruleFromRow);
}

async function nextDeclarationNumber(tx: Tx, direction: 'import' | 'export', date: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(tx, sql`SELECT nextval(${declarationSerial.seqName}) AS n`);
  const serial = String(row!.n).padStart(9, '0');
  return `${CUSTOMS_OFFICE_CODE}${date.slice(0, 4)}${direction === 'import' ? '1' : '0'}${serial}`;
}

export interface Actor {
  userId: string | null;
  role: string;
  authorityId: string | null;
  /** As printed on a release note: Latin script only. */
  name: string;
}

const SYSTEM_NAME = 'Automatic release';

/** The Latin part of a display name ("张伟 Zhang Wei" → "Zhang Wei"): release notes are printed in Latin-1. */
function latinName(displayName: string): string {
  const latin = displayName.replace(/[^\u0020-\u007E\u00A0-\u00FF]/g, '').trim();
  return latin.length > 0 ? latin : 'Customs officer';
}

export function actorOfPrincipal(principal: Principal): Actor {
  return {
    userId: principal.userId,
    role: principal.role,
    authorityId: principal.authorityId,
    name: latinName(principal.displayName),
  };
}

async function addStep(
  tx: Tx,
  declarationId: string,
  step: string,
  actor: Actor,
  at: Date,
  note: string | null = null,
  details: unknown = null,
): Promise<void> {
  await tx.insert(declarationSteps).values({
    id: randomUUID(),
    declarationId,
    step,
    at,
    actorUserId: actor.userId,
    actorRole: actor.role,
    note,
    details,
  });
}

async function insertDocuments(
  tx: Tx,
  declarationId: string,
  documents: readonly DocumentInput[],
  userId: string,
): Promise<void> {
  if (documents.length === 0) return;
  await tx
    .insert(declarationDocuments)
    .values(
      documents.map((d) => ({
        id: randomUUID(),
        declarationId,
        kind: d.kind,
        reference: d.reference,
        issuer: d.issuer ?? null,
        validUntil: d.validUntil ?? null,
        addedBy: userId,
      })),
    )
    .onConflictDoNothing();
}

const customsAuthority = new WeakMap<object, Promise<string | null>>();
/** The customs authority's id (auto-release acts in its name); read once per database handle. */
function customsAuthorityId(tx: Tx, dbKey: object): Promise<string | null> {
  let found = customsAuthority.get(dbKey);
  if (!found) {
    found = findAuthorityByCode(tx, 'customs').then((a) => a?.id ?? null);
    customsAuthority.set(dbKey, found);
  }
  return found;
}

export interface SubmitOptions {
  now: Date;
  /** Any object identifying the database (the Db handle), for per-database caches. */
  dbKey: object;
}

/**
 * Files a validated declaration: number, risk channel (rules + seeded sampling by credit class), items,
 * documents, timeline and events; an auto-release channel releases at once when taxes are paid or guaranteed.
 */
export async function submitDeclaration(
  tx: Tx,
  principal: Principal,
  valid: ValidDeclaration,
  options: SubmitOptions,
): Promise<Declaration> {
  const { body } = valid;
  const { now } = options;
  const enterpriseId = principal.enterpriseId;
  if (!enterpriseId) throw new DomainError('forbidden', 403, { params: { roles: 'trader, forwarder' } });
  if (valid.fastLane && valid.fastLane.missing.length > 0) {
    throw new DomainError('dg_documents_missing', 422, {
      params: { count: valid.fastLane.missing.length },
      issues: valid.fastLane.missing.map((document) => ({
        field: 'body.documents',
        code: `document_missing.${document}`,
      })),
    });
  }
  const id = randomUUID();
  const number = await nextDeclarationNumber(tx, body.direction, valid.date);

  // The profile row is the declarant's lock: two first declarations racing see one "first time".
  const [profile] = await queryRows<{
    credit_class: CreditClass;
    first_declared_at: Date | null;
    public_grade: PublicGrade | null;
  }>(
    tx,
    sql`INSERT INTO trade_declarant_profiles (enterprise_id) VALUES (${enterpriseId})
        ON CONFLICT (enterprise_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id
        RETURNING credit_class, first_declared_at, public_grade`,
  );
  const firstTime = profile!.first_declared_at === null;
  if (firstTime) {
    await tx
      .update(declarantProfiles)
      .set({ firstDeclaredAt: now, updatedAt: now })
      .where(eq(declarantProfiles.enterpriseId, enterpriseId));
  }
  const [rules, settings] = await Promise.all([activeRules(tx), loadRiskSettings(tx)]);
  const risk = assessRisk(
    {
      declarationId: id,
      direction: body.direction,
      enterpriseId,
      creditClass: profile!.credit_class,
      // The zone's public grade, projected from credit.grade_changed (credit-grade.ts); it scales the sampling rate.
      publicGrade: profile!.public_grade,
      tradeCountry: body.tradeCountry,
      firstTimeDeclarant: firstTime,
      aeoPartner: body.foreignParty.aeo === true,
      items: body.items.map((item, index) => ({
        index,
        code: item.code,
        originCountry: item.originCountry,
        customsValueCny: fenString(new Dec(valid.itemValuesFen[index]!).dividedBy(100)),
        quantity: item.quantities[0]!.amount,
        unit: item.quantities[0]!.unit,
      })),
    },
    rules,
    settings.policy,
    settings.seed,
  );

  const [row] = await tx
    .insert(declarations)
    .values({
      id,
      enterpriseId,
      number,
      direction: body.direction,
      step: body.twoStep ? 'summary' : 'full',
      status: 'submitted',
      supervisionMode: body.supervisionMode,
      transportMode: body.transportMode,
      tradeCountry: body.tradeCountry,
      currency: body.currency,
      declarationDate: valid.date,
      blNumber: body.blNumber ?? null,
      shipmentId: valid.shipment?.id ?? null,
      header: {
        termsOfSale: body.termsOfSale,
        loadingPort: body.loadingPort,
        dischargePort: body.dischargePort,
        foreignParty: body.foreignParty,
        freightAmount: body.freightAmount ?? null,
        insuranceAmount: body.insuranceAmount ?? null,
        cnyPerUnit: valid.cnyPerUnit,
      },
      channel: risk.channel,
      risk,
      fastLane: valid.fastLane?.category ?? null,
      targetReleaseAt: valid.fastLane ? fastLaneTarget(now) : null,
      taxBill: valid.taxBill,
      customsValueFen: valid.customsValueFen,
      taxFen: valid.taxFen,
      payment: valid.taxFen > 0 ? 'unpaid' : 'none_due',
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
    })
    .returning();
  await tx.insert(declarationItems).values(
    body.items.map((item, index) => ({
      declarationId: id,
      seq: index + 1,
      code: item.code,
      description: item.description,
      quantity: item.quantities[0]!.amount,
      unit: item.quantities[0]!.unit,
      secondQuantity: item.quantities[1]?.amount ?? null,
      secondUnit: item.quantities[1]?.unit ?? null,
      amount: item.priceAmount,
      originCountry: item.originCountry,
      certificateOfOrigin: item.certificateOfOrigin === true,
      licences: item.licences ?? [],
      customsValueFen: valid.itemValuesFen[index] ?? null,
    })),
  );
  await insertDocuments(tx, id, body.documents ?? [], principal.userId);
  const declarant = actorOfPrincipal(principal);
  await addStep(tx, id, body.twoStep ? 'summary_filed' : 'declared', declarant, now);
  await addStep(
    tx,
    id,
    'risk_assessed',
    { userId: null, role: 'system', authorityId: null, name: SYSTEM_NAME },
    now,
    null,
    {
      channel: risk.channel,
    },
  );
  await emitEvent(tx, {
    module: 'trade',
    event: 'declaration_submitted',
    enterpriseId,
    payload: {
      declarationId: id,
      number,
      direction: body.direction,
      channel: risk.channel,
      fastLane: valid.fastLane?.category ?? null,
      tradeCountry: body.tradeCountry,
      customsValueFen: valid.customsValueFen,
      taxFen: valid.taxFen,
      items: body.items.length,
    },
  });
  let declaration = row!;
  if (risk.channel === 'auto_release') {
    const authorityId = await customsAuthorityId(tx, options.dbKey);
    const released = await tryRelease(
      tx,
      declaration,
      { userId: null, role: 'system', authorityId, name: SYSTEM_NAME },
      now,
      null,
    );
    if (released) declaration = released;
  }
  return declaration;
}

export async function lockDeclaration(tx: Tx, id: string): Promise<Declaration | null> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, id)).for('update');
  return row ?? null;
}

export async function findDeclaration(db: Queryable, id: string): Promise<Declaration | null> {
  const [row] = await db.select().from(declarations).where(eq(declarations.id, id));
  return row ?? null;
}

/** Traders see their enterprise's declarations; customs officers and zone admins see all. */
export function canReadDeclaration(principal: Principal, declaration: Pick<Declaration, 'enterpriseId'>): boolean {
  return principal.authorityId !== null || principal.enterpriseId === declaration.enterpriseId;
}

/**
 * Holds the tax amount on one of the enterprise's active guarantees, atomically: the UPDATE re-checks the
 * balance under the row lock, so two releases racing for the last yuan never both pass. Null when none covers it.
 */
async function holdGuarantee(tx: Tx, declaration: Declaration, now: Date): Promise<string | null> {
  const amount = declaration.taxFen ?? 0;
  const [held] = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE trade_guarantees SET balance_fen = balance_fen - ${amount}
        WHERE id = (
          SELECT id FROM trade_guarantees
          WHERE enterprise_id = ${declaration.enterpriseId} AND status = 'active'
            AND valid_until >= ${declaration.declarationDate} AND balance_fen >= ${amount}
          ORDER BY valid_until, id LIMIT 1 FOR UPDATE)
        AND balance_fen >= ${amount}
        RETURNING id`,
  );
  if (!held) return null;
  await tx.insert(guaranteeHolds).values({
    declarationId: declaration.id,
    guaranteeId: held.id,
    amountFen: amount,
    status: 'held',
    createdAt: now,
  });
  return held.id;
}

export function newVerificationToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Releases a declaration when its taxes are settled (none due, paid, or now held on a guarantee); otherwise
 * returns null and changes nothing. Writes the release step, the release note and the release event.
 */
export async function tryRelease(
  tx: Tx,
  declaration: Declaration,
  actor: Actor,
  now: Date,
  note: string | null,
): Promise<Declaration | null> {
  let payment = declaration.payment;
  let guaranteeId = declaration.guaranteeId;
  if (payment === 'unpaid') {
    guaranteeId = await holdGuarantee(tx, declaration, now);
    if (!guaranteeId) return null;
    payment = 'guaranteed';
  }
  const [row] = await tx
    .update(declarations)
    .set({
      status: 'released',
      payment,
      guaranteeId,
      decidedAt: now,
      updatedAt: now,
      version: sql`${declarations.version} + 1`,
    })
    .where(eq(declarations.id, declaration.id))
    .returning();
  await addStep(tx, declaration.id, 'released', actor, now, note);
  await tx.insert(releaseNotes).values({
    id: randomUUID(),
    declarationId: declaration.id,
    enterpriseId: declaration.enterpriseId,
    number: `RN${declaration.number}`,
    verificationToken: newVerificationToken(),
    content: await releaseNoteContent(tx, row!, actor, now),
    issuedAt: now,
  });
  const header = declaration.header as { loadingPort: string; dischargePort: string };
  await emitEvent(tx, {
    module: 'trade',
    event: 'declaration_released',
    enterpriseId: declaration.enterpriseId,
    payload: {
      declarationId: declaration.id,
      declarationNumber: declaration.number,
      direction: declaration.direction,
      channel: declaration.channel,
      blNumber: declaration.blNumber,
      shipmentId: declaration.shipmentId,
      // Where customs released the goods: the Chinese port of the declaration.
      locode: declaration.direction === 'import' ? header.dischargePort : header.loadingPort,
      releasedAt: now.toISOString(),
      authorityId: actor.authorityId,
      actorUserId: actor.userId,
      payment,
    },
  });
  return row!;
}

export const OFFICER_ACTIONS = ['request_documents', 'inspect', 'record_findings', 'release', 'reject'] as const;
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

const ACTION_FROM: Record<OfficerAction, readonly DeclarationStatus[]> = {
  request_documents: ['submitted', 'inspection'],
  inspect: ['submitted', 'documents_requested'],
  record_findings: ['inspection'],
  release: ['submitted', 'documents_requested', 'inspection'],
  reject: ['submitted', 'documents_requested', 'inspection'],
};

function stateError(declaration: Declaration, action: string): DomainError {
  return new DomainError('declaration_state', 409, { params: { status: declaration.status, action } });
}

/** An officer's step on a declaration under review; illegal transitions answer 409 and change nothing. */
export async function officerDecision(
  tx: Tx,
  principal: Principal,
  declaration: Declaration,
  input: { action: OfficerAction; note?: string | undefined; findings?: { result: string; text: string } | undefined },
  now: Date,
): Promise<Declaration> {
  if (!ACTION_FROM[input.action].includes(declaration.status)) throw stateError(declaration, input.action);
  const actor = actorOfPrincipal(principal);
  const note = input.note ?? null;
  if (input.action === 'release') {
    const released = await tryRelease(tx, declaration, actor, now, note);
    if (!released) {
      throw new DomainError('payment_required', 409, {
        params: { tax: fenString(new Dec(declaration.taxFen ?? 0).dividedBy(100)) },
      });
    }
    return released;
  }
  const next: Record<Exclude<OfficerAction, 'release'>, DeclarationStatus> = {
    request_documents: 'documents_requested',
    inspect: 'inspection',
    record_findings: 'inspection',
    reject: 'rejected',
  };
  const status = next[input.action];
  const [row] = await tx
    .update(declarations)
    .set({
      status,
      updatedAt: now,
      ...(status === 'rejected' ? { decidedAt: now } : {}),
      version: sql`${declarations.version} + 1`,
    })
    .where(eq(declarations.id, declaration.id))
    .returning();
  const step = {
    request_documents: 'documents_requested',
    inspect: 'inspection_ordered',
    record_findings: 'inspection_findings',
    reject: 'rejected',
  }[input.action];
  await addStep(tx, declaration.id, step, actor, now, note, input.findings ?? null);
  await emitEvent(tx, {
    module: 'trade',
    event: `declaration_${step}`,
    enterpriseId: declaration.enterpriseId,
    payload: { declarationId: declaration.id, number: declaration.number, note, findings: input.findings ?? null },
  });
  return row!;
}

/** The trader adds documents; a declaration waiting for them goes back to the officer. */
export async function addDocuments(
  tx: Tx,
  principal: Principal,
  declaration: Declaration,
  documents: readonly DocumentInput[],
  now: Date,
): Promise<Declaration> {
  if (declaration.status === 'released' || declaration.status === 'rejected') {
    throw stateError(declaration, 'add_documents');
  }
  await insertDocuments(tx, declaration.id, documents, principal.userId);
  const status: DeclarationStatus = declaration.status === 'documents_requested' ? 'submitted' : declaration.status;
  const [row] = await tx
    .update(declarations)
    .set({ status, updatedAt: now, version: sql`${declarations.version} + 1` })
    .where(eq(declarations.id, declaration.id))
    .returning();
  await addStep(tx, declaration.id, 'documents_added', actorOfPrincipal(principal), now, null, {
    kinds: documents.map((d) => d.kind),
  });
  await emitEvent(tx, {
    module: 'trade',
    event: 'declaration_documents_added',
    enterpriseId: declaration.enterpriseId,
    payload: { declarationId: declaration.id, number: declaration.number, kinds: documents.map((d) => d.kind) },
  });
  return row!;
}

/** The second step of a two-step declaration: the remaining documents, within the completion period. */
export async function completeDeclaration(
  tx: Tx,
  principal: Principal,
  declaration: Declaration,
  documents: readonly DocumentInput[],
  now: Date,
): Promise<Declaration> {
  if (declaration.step !== 'summary' || declaration.status === 'rejected') throw stateError(declaration, 'complete');
  await insertDocuments(tx, declaration.id, documents, principal.userId);
  const [row] = await tx
    .update(declarations)
    .set({ step: 'completed', updatedAt: now, version: sql`${declarations.version} + 1` })
    .where(eq(declarations.id, declaration.id))
    .returning();
  await addStep(tx, declaration.id, 'completed', actorOfPrincipal(principal), now);
  return row!;
}

/**
 * Records payment of the taxes (as the bank's confirmation would). A guarantee hold is given back to the
 * guarantee; an auto-release declaration that waited for payment is released now.
 */
export async function payDeclaration(
  tx: Tx,
  principal: Principal,
  declaration: Declaration,
  now: Date,
): Promise<Declaration> {
  if (declaration.payment !== 'unpaid' && declaration.payment !== 'guaranteed') {
    throw stateError(declaration, 'pay');
  }
  if (declaration.status === 'rejected') throw stateError(declaration, 'pay');
  if (declaration.payment === 'guaranteed') {
    const [hold] = await tx
      .update(guaranteeHolds)
      .set({ status: 'released', releasedAt: now })
      .where(and(eq(guaranteeHolds.declarationId, declaration.id), eq(guaranteeHolds.status, 'held')))
      .returning();
    if (hold) {
      await tx
        .update(guarantees)
        .set({ balanceFen: sql`${guarantees.balanceFen} + ${hold.amountFen}` })
        .where(eq(guarantees.id, hold.guaranteeId));
    }
  }
  const [paid] = await tx
    .update(declarations)
    .set({ payment: 'paid', updatedAt: now, version: sql`${declarations.version} + 1` })
    .where(eq(declarations.id, declaration.id))
    .returning();
  await addStep(tx, declaration.id, 'paid', actorOfPrincipal(principal), now, null, { taxFen: declaration.taxFen });
  await emitEvent(tx, {
    module: 'trade',
    event: 'declaration_paid',
    enterpriseId: declaration.enterpriseId,
    payload: { declarationId: declaration.id, number: declaration.number, taxFen: declaration.taxFen },
  });
  let result = paid!;
  if (result.status === 'submitted' && result.channel === 'auto_release') {
    result =
      (await tryRelease(
        tx,
        result,
        { userId: null, role: 'system', authorityId: principal.authorityId, name: SYSTEM_NAME },
        now,
        null,
      )) ?? result;
  }
  return result;
}

export async function declarationDetail(db: Queryable, id: string) {
  const [items, documents, steps, notes] = await Promise.all([
    db.select().from(declarationItems).where(eq(declarationItems.declarationId, id)).orderBy(asc(declarationItems.seq)),
    db
      .select()
      .from(declarationDocuments)
      .where(eq(declarationDocuments.declarationId, id))
      .orderBy(asc(declarationDocuments.addedAt)),
    db.select().from(declarationSteps).where(eq(declarationSteps.declarationId, id)).orderBy(asc(declarationSteps.at)),
    db.select().from(releaseNotes).where(eq(releaseNotes.declarationId, id)),
  ]);
  return { items, documents, steps, releaseNote: notes[0] ?? null };
}

export interface DeclarationFilter {
  status?: DeclarationStatus | undefined;
  direction?: 'import' | 'export' | undefined;
  fastLane?: boolean | undefined;
  /** Cursor: declarations created before this instant. */
  before?: Date | undefined;
  limit: number;
}

/** A page of declarations the principal may read, newest first. */
export async function listDeclarations(db: Queryable, principal: Principal, filter: DeclarationFilter) {
  const conditions = [
    principal.authorityId === null ? eq(declarations.enterpriseId, principal.enterpriseId ?? randomUUID()) : undefined,
    filter.status ? eq(declarations.status, filter.status) : undefined,
    filter.direction ? eq(declarations.direction, filter.direction) : undefined,
    filter.fastLane ? sql`${declarations.fastLane} IS NOT NULL` : undefined,
    filter.before ? lt(declarations.createdAt, filter.before) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(declarations)
    .where(and(...conditions))
    .orderBy(desc(declarations.createdAt), desc(declarations.id))
    .limit(Math.min(filter.limit, DECLARATIONS_PAGE_MAX));
}

/** The officer's work queue: open declarations, fast lane first, then oldest first. */
export async function officerQueue(db: Queryable, limit: number) {
  return db
    .select()
    .from(declarations)
    .where(inArray(declarations.status, [...OPEN_STATUSES]))
    .orderBy(sql`(${declarations.fastLane} IS NULL)`, asc(declarations.submittedAt), asc(declarations.id))
    .limit(Math.min(limit, DECLARATIONS_PAGE_MAX));
}

export interface ClearanceStatistics {
  from: string;
  to: string;
  byChannel: {
    channel: Channel;
    declarations: number;
    released: number;
    medianMinutes: number | null;
    p90Minutes: number | null;
  }[];
  byStatus: { status: DeclarationStatus; declarations: number }[];
  fastLane: { declarations: number; released: number; onTarget: number; medianMinutes: number | null };
}

/** Clearance-time statistics (submission → release) over declarations submitted in [from, to). */
export async function clearanceStatistics(db: Queryable, from: Date, to: Date): Promise<ClearanceStatistics> {
  const window = sql`submitted_at >= ${from.toISOString()} AND submitted_at < ${to.toISOString()}`;
  const [channels, statuses, fast] = await Promise.all([
    queryRows<{ channel: Channel; n: number; released: number; median: number | null; p90: number | null }>(
      db,
      sql`SELECT channel, count(*)::int AS n, count(*) FILTER (WHERE status = 'released')::int AS released,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 60)
              FILTER (WHERE status = 'released') AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 60)
              FILTER (WHERE status = 'released') AS p90
          FROM trade_declarations WHERE ${window} GROUP BY channel ORDER BY channel`,
    ),
    queryRows<{ status: DeclarationStatus; n: number }>(
      db,
      sql`SELECT status, count(*)::int AS n FROM trade_declarations WHERE ${window} GROUP BY status ORDER BY status`,
    ),
    queryRows<{ n: number; released: number; on_target: number; median: number | null }>(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'released')::int AS released,
            count(*) FILTER (WHERE status = 'released' AND decided_at <= target_release_at)::int AS on_target,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at) / 60)
              FILTER (WHERE status = 'released') AS median
          FROM trade_declarations WHERE ${window} AND fast_lane IS NOT NULL`,
    ),
  ]);
  const round = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  const f = fast[0]!;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    byChannel: channels.map((c) => ({
      channel: c.channel,
      declarations: c.n,
      released: c.released,
      medianMinutes: round(c.median),
      p90Minutes: round(c.p90),
    })),
    byStatus: statuses.map((s) => ({ status: s.status, declarations: s.n })),
    fastLane: { declarations: f.n, released: f.released, onTarget: f.on_target, medianMinutes: round(f.median) },
  };
}

export function riskOf(declaration: Declaration): RiskDecision | null {
  return (declaration.risk as RiskDecision | null) ?? null;
}
