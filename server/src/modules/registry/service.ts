import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { validateUscc } from '../../lib/identifiers/index.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, type FieldIssue, invalidFields, notFound } from '../../platform/http/problem.js';
import { emitEvent } from '../events/index.js';
import { knownCountries } from '../reference/index.js';
import {
  type ApplicationStatus,
  applications,
  authorities,
  type CustomsCreditTier,
  type EnterpriseKind,
  type EnterpriseProfile,
  enterprises,
} from './schema.js';

export type Enterprise = typeof enterprises.$inferSelect;
export type Authority = typeof authorities.$inferSelect;
export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'id' | 'createdAt'>;

/** Roles that may look across tenants in the registry (supervision and lending need it). */
const CROSS_TENANT_READERS = new Set(['customs_officer', 'zone_admin', 'bank_officer']);

/**
 * Creates an enterprise. An active one (the default: demo enterprises, approved applications) is announced as
 * `registry.enterprise_activated` in the same transaction, so the cockpit counts it and credit grades it.
 */
export async function createEnterprise(tx: Queryable, input: NewEnterprise): Promise<Enterprise> {
  const status = input.status ?? 'active';
  const activatedAt = status === 'active' ? (input.activatedAt ?? new Date()) : null;
  const [row] = await tx
    .insert(enterprises)
    .values({ ...input, status, activatedAt, id: randomUUID() })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (row.status === 'active') {
    await emitEvent(tx, {
      module: 'registry',
      event: 'enterprise_activated',
      enterpriseId: row.id,
      payload: {
        enterpriseId: row.id,
        uscc: row.uscc,
        kinds: row.kinds,
        countryCode: row.countryCode,
        activatedAt: (row.activatedAt ?? row.createdAt).toISOString(),
      },
    });
  }
  return row;
}

export async function createAuthority(
  tx: Queryable,
  input: Omit<typeof authorities.$inferInsert, 'id' | 'createdAt'>,
): Promise<Authority> {
  const [row] = await tx
    .insert(authorities)
    .values({ ...input, id: randomUUID() })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function findEnterpriseByUscc(db: Queryable, uscc: string): Promise<Enterprise | null> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc));
  return row ?? null;
}

export async function findAuthorityByCode(db: Queryable, code: string): Promise<Authority | null> {
  const [row] = await db.select().from(authorities).where(eq(authorities.code, code));
  return row ?? null;
}

export async function getAuthority(db: Queryable, id: string): Promise<Authority | null> {
  const [row] = await db.select().from(authorities).where(eq(authorities.id, id));
  return row ?? null;
}

/**
 * One enterprise by id, without a caller: for modules writing documents about the enterprise's own records
 * (a release note names its declarant). Routes use getEnterpriseFor, which applies tenancy.
 */
export async function getEnterprise(db: Queryable, id: string): Promise<Enterprise | null> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

/**
 * Reads one enterprise as the caller may see it. A tenant asking for another tenant's id gets
 * the same 404 as for an id that does not exist, so ids cannot be probed.
 */
export async function getEnterpriseFor(db: Queryable, principal: Principal, id: string): Promise<Enterprise> {
  if (!CROSS_TENANT_READERS.has(principal.role) && principal.enterpriseId !== id) throw notFound('enterprise');
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  if (!row) throw notFound('enterprise');
  return row;
}

export async function listEnterprisesFor(db: Queryable, principal: Principal): Promise<Enterprise[]> {
  if (CROSS_TENANT_READERS.has(principal.role)) {
    return db.select().from(enterprises).orderBy(asc(enterprises.nameEn)).limit(1000);
  }
  if (!principal.enterpriseId) return [];
  return db.select().from(enterprises).where(eq(enterprises.id, principal.enterpriseId));
}

export async function listAuthorities(db: Queryable): Promise<Authority[]> {
  return db.select().from(authorities).orderBy(asc(authorities.code)).limit(100);
}

export type Application = typeof applications.$inferSelect;

/** Roles that see every application and decide them (the zone administration; customs may read). */
const APPLICATION_OVERSEERS = new Set(['zone_admin', 'customs_officer']);
export const APPLICATIONS_LIST_MAX = 500;
export const ENTERPRISE_SUMMARIES_MAX = 5_000;
/** Tiers 1 and 2 of Order 282 are China AEOs; only they can hold mutual-recognition status abroad. */
const AEO_TIERS: ReadonlySet<CustomsCreditTier> = new Set(['advanced_certified', 'certified']);

export interface ApplicationInput {
  uscc: string;
  customsCode?: string | null | undefined;
  names: { 'zh-CN': string; en: string; ru: string };
  countryCode: string;
  city?: string | null | undefined;
  kinds: EnterpriseKind[];
  bondedSites: string[];
  profile: EnterpriseProfile;
  customsCreditTier: CustomsCreditTier;
  aeoMraCountries: string[];
}

/** A problem the applicant may proceed with but an admin must confirm: today only a failed USCC check. */
export interface ApplicationWarning {
  field: string;
  code: 'check_digit';
}

export function applicationWarnings(row: Pick<Application, 'usccCheckOk'>): ApplicationWarning[] {
  return row.usccCheckOk ? [] : [{ field: 'body.uscc', code: 'check_digit' }];
}

function usccTaken(): DomainError {
  return new DomainError('uscc_taken', 409, { issues: [{ field: 'body.uscc', code: 'uscc_taken' }] });
}

/**
 * Files an onboarding application. Malformed identifiers and unknown countries are refused with every bad field
 * named; a USCC whose only fault is its check character is accepted with a warning (GB 32100's early pilot codes
 * fail it, identifiers.md), which an admin must confirm on approval. A USCC that is already an enterprise or
 * has a pending application answers 409 naming `uscc`.
 */
export async function submitApplication(
  tx: Tx,
  principal: Principal,
  input: ApplicationInput,
  now: Date,
): Promise<Application> {
  const issues: FieldIssue[] = [];
  const check = validateUscc(input.uscc);
  if (!check.ok && check.problem !== 'check') {
    issues.push({ field: 'body.uscc', code: 'invalid_uscc', params: { problem: check.problem } });
  }
  const countries = [input.countryCode, ...input.profile.markets, ...input.aeoMraCountries];
  const known = await knownCountries(tx, countries);
  if (!known.has(input.countryCode)) issues.push({ field: 'body.countryCode', code: 'unknown_country' });
  input.profile.markets.forEach((code, index) => {
    if (!known.has(code)) issues.push({ field: `body.profile.markets.${index}`, code: 'unknown_country' });
  });
  input.aeoMraCountries.forEach((code, index) => {
    if (!known.has(code)) issues.push({ field: `body.aeoMraCountries.${index}`, code: 'unknown_country' });
  });
  if (input.aeoMraCountries.length > 0 && !AEO_TIERS.has(input.customsCreditTier)) {
    issues.push({ field: 'body.aeoMraCountries', code: 'aeo_requires_certified' });
  }
  if (issues.length > 0) throw invalidFields(issues);
  if (await findEnterpriseByUscc(tx, input.uscc)) throw usccTaken();
  const [pending] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.uscc, input.uscc), eq(applications.status, 'pending')));
  if (pending) throw usccTaken();
  const [row] = await tx
    .insert(applications)
    .values({
      id: randomUUID(),
      uscc: input.uscc,
      usccCheckOk: check.ok,
      customsCode: input.customsCode ?? null,
      nameZh: input.names['zh-CN'],
      nameEn: input.names.en,
      nameRu: input.names.ru,
      countryCode: input.countryCode,
      city: input.city ?? null,
      kinds: [...new Set(input.kinds)],
      bondedSites: [...new Set(input.bondedSites)],
      profile: {
        products: [...new Set(input.profile.products)],
        markets: [...new Set(input.profile.markets)],
        certifications: input.profile.certifications,
      },
      customsCreditTier: input.customsCreditTier,
      aeoMraCountries: [...new Set(input.aeoMraCountries)],
      submittedBy: principal.userId,
      submitterEnterpriseId: principal.enterpriseId,
      submittedAt: now,
    })
    .returning();
  await emitEvent(tx, {
    module: 'registry',
    event: 'application_submitted',
    enterpriseId: principal.enterpriseId,
    payload: { applicationId: row!.id, uscc: row!.uscc, usccCheckOk: row!.usccCheckOk },
  });
  return row!;
}

/**
 * The zone administration's decision. Approval creates the enterprise (active, announced by
 * `registry.enterprise_activated`); an application whose USCC failed its check needs `confirmUsccWarning`.
 * Rejection needs a reason. A decided application answers 409.
 */
export async function decideApplication(
  tx: Tx,
  principal: Principal,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string | undefined; confirmUsccWarning?: boolean | undefined },
  now: Date,
): Promise<{ application: Application; before: Application; enterprise: Enterprise | null }> {
  const [before] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!before) throw notFound('application');
  if (before.status !== 'pending') {
    throw new DomainError('application_state', 409, { params: { status: before.status } });
  }
  if (input.decision === 'reject' && !input.reason) throw invalidFields([{ field: 'body.reason', code: 'required' }]);
  let enterprise: Enterprise | null = null;
  if (input.decision === 'approve') {
    if (!before.usccCheckOk && input.confirmUsccWarning !== true) {
      throw new DomainError('uscc_warning_unconfirmed', 422, {
        params: { uscc: before.uscc },
        issues: [{ field: 'body.confirmUsccWarning', code: 'uscc_warning_unconfirmed', params: { uscc: before.uscc } }],
      });
    }
    if (await findEnterpriseByUscc(tx, before.uscc)) throw usccTaken();
    enterprise = await createEnterprise(tx, {
      uscc: before.uscc,
      customsCode: before.customsCode,
      nameZh: before.nameZh,
      nameEn: before.nameEn,
      nameRu: before.nameRu,
      countryCode: before.countryCode,
      city: before.city,
      kinds: before.kinds,
      usccCheckOk: before.usccCheckOk,
      customsCreditTier: before.customsCreditTier,
      aeoMraCountries: before.aeoMraCountries,
      bondedSites: before.bondedSites,
      profile: before.profile,
      activatedAt: now,
    });
  }
  const [application] = await tx
    .update(applications)
    .set({
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: principal.userId,
      decidedAt: now,
      decisionReason: input.reason ?? null,
      usccWarningConfirmed: !before.usccCheckOk && input.confirmUsccWarning === true,
      enterpriseId: enterprise?.id ?? null,
    })
    .where(eq(applications.id, id))
    .returning();
  if (input.decision === 'reject') {
    await emitEvent(tx, {
      module: 'registry',
      event: 'application_rejected',
      enterpriseId: before.submitterEnterpriseId,
      payload: { applicationId: id, uscc: before.uscc },
    });
  }
  return { application: application!, before, enterprise };
}

function canSeeApplication(principal: Principal, row: Pick<Application, 'submittedBy' | 'submitterEnterpriseId'>) {
  return (
    APPLICATION_OVERSEERS.has(principal.role) ||
    row.submittedBy === principal.userId ||
    (principal.enterpriseId !== null && row.submitterEnterpriseId === principal.enterpriseId)
  );
}

/** Overseers see every application; anyone else those they (or their enterprise) filed. Others' ids are 404. */
export async function getApplicationFor(db: Queryable, principal: Principal, id: string): Promise<Application> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (!row || !canSeeApplication(principal, row)) throw notFound('application');
  return row;
}

export async function listApplicationsFor(
  db: Queryable,
  principal: Principal,
  status?: ApplicationStatus,
): Promise<Application[]> {
  const scope = APPLICATION_OVERSEERS.has(principal.role)
    ? undefined
    : principal.enterpriseId
      ? sql`(${applications.submittedBy} = ${principal.userId} OR ${applications.submitterEnterpriseId} = ${principal.enterpriseId})`
      : eq(applications.submittedBy, principal.userId);
  const conditions = [...(scope ? [scope] : []), ...(status ? [eq(applications.status, status)] : [])];
  return db
    .select()
    .from(applications)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(applications.submittedAt))
    .limit(APPLICATIONS_LIST_MAX);
}

/**
 * Counts for the cockpit: enterprises by status and applications waiting. A public read so the cockpit need not
 * replay events for enterprises created before it subscribed.
 */
export async function countEnterprisesByStatus(
  db: Queryable,
): Promise<{ active: number; suspended: number; pendingApplications: number; rejectedApplications: number }> {
  const [row] = await queryRows<{ active: number; suspended: number; pending: number; rejected: number }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM enterprises WHERE status = 'active') AS active,
          (SELECT count(*)::int FROM enterprises WHERE status = 'suspended') AS suspended,
          (SELECT count(*)::int FROM registry_applications WHERE status = 'pending') AS pending,
          (SELECT count(*)::int FROM registry_applications WHERE status = 'rejected') AS rejected`,
  );
  return {
    active: row?.active ?? 0,
    suspended: row?.suspended ?? 0,
    pendingApplications: row?.pending ?? 0,
    rejectedApplications: row?.rejected ?? 0,
  };
}

export interface EnterpriseSummary {
  enterpriseId: string;
  uscc: string;
  kinds: string[];
  countryCode: string;
  status: 'active' | 'suspended';
  activatedAt: string | null;
}

/** Every enterprise in a few fields, by activation time (bounded): what the activation events carry. */
export async function listEnterpriseSummaries(
  db: Queryable,
  limit = ENTERPRISE_SUMMARIES_MAX,
): Promise<EnterpriseSummary[]> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      uscc: enterprises.uscc,
      kinds: enterprises.kinds,
      countryCode: enterprises.countryCode,
      status: enterprises.status,
      activatedAt: enterprises.activatedAt,
    })
    .from(enterprises)
    .orderBy(asc(enterprises.activatedAt), asc(enterprises.id))
    .limit(Math.min(limit, ENTERPRISE_SUMMARIES_MAX));
  return rows.map((row) => ({ ...row, activatedAt: row.activatedAt?.toISOString() ?? null }));
}

/**
 * The enterprise's own users (or the zone administration) update its profile: products, markets, certifications
 * and bonded sites. Another tenant's id is 404; unknown market countries are 422 naming the item.
 */
export async function updateProfile(
  tx: Tx,
  principal: Principal,
  id: string,
  input: { bondedSites: string[]; profile: EnterpriseProfile },
): Promise<{ before: Enterprise; after: Enterprise }> {
  if (principal.role !== 'zone_admin' && principal.enterpriseId !== id) throw notFound('enterprise');
  const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
  if (!before) throw notFound('enterprise');
  const known = await knownCountries(tx, input.profile.markets);
  const issues = input.profile.markets.flatMap((code, index) =>
    known.has(code) ? [] : [{ field: `body.profile.markets.${index}`, code: 'unknown_country' }],
  );
  if (issues.length > 0) throw invalidFields(issues);
  const [after] = await tx
    .update(enterprises)
    .set({
      bondedSites: [...new Set(input.bondedSites)],
      profile: {
        products: [...new Set(input.profile.products)],
        markets: [...new Set(input.profile.markets)],
        certifications: input.profile.certifications,
      },
    })
    .where(eq(enterprises.id, id))
    .returning();
  await emitEvent(tx, {
    module: 'registry',
    event: 'profile_updated',
    enterpriseId: id,
    payload: { enterpriseId: id, products: after!.profile.products.length, markets: after!.profile.markets },
  });
  return { before, after: after! };
}

/**
 * Customs records an enterprise's Order-282 tier and AEO mutual recognition (only the two certified tiers may
 * hold it; otherwise 422 naming `aeoMraCountries`).
 */
export async function updateCustomsStatus(
  tx: Tx,
  id: string,
  input: { customsCreditTier: CustomsCreditTier; aeoMraCountries: string[] },
): Promise<{ before: Enterprise; after: Enterprise }> {
  const [before] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
  if (!before) throw notFound('enterprise');
  const known = await knownCountries(tx, input.aeoMraCountries);
  const issues: FieldIssue[] = input.aeoMraCountries.flatMap((code, index) =>
    known.has(code) ? [] : [{ field: `body.aeoMraCountries.${index}`, code: 'unknown_country' }],
  );
  if (input.aeoMraCountries.length > 0 && !AEO_TIERS.has(input.customsCreditTier)) {
    issues.push({ field: 'body.aeoMraCountries', code: 'aeo_requires_certified' });
  }
  if (issues.length > 0) throw invalidFields(issues);
  const [after] = await tx
    .update(enterprises)
    .set({ customsCreditTier: input.customsCreditTier, aeoMraCountries: [...new Set(input.aeoMraCountries)] })
    .where(eq(enterprises.id, id))
    .returning();
  await emitEvent(tx, {
    module: 'registry',
    event: 'customs_status_changed',
    enterpriseId: id,
    payload: {
      enterpriseId: id,
      customsCreditTier: input.customsCreditTier,
      previousTier: before.customsCreditTier,
      aeoMraCountries: after!.aeoMraCountries,
    },
  });
  return { before, after: after! };
}
