import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Roles an enterprise plays in the zone (issue 6): the same list the demo data and the web use. */
export const ENTERPRISE_KINDS = ['trader', 'forwarder', 'carrier', 'bank', 'cbec_platform', 'warehouse'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/**
 * GACC Order 282's five customs credit tiers (customs.md §6), best first; the first two count as AEO for
 * mutual recognition. The same words as the trade centre's credit classes, kept here so the registry
 * does not import trade internals.
 */
export const CUSTOMS_CREDIT_TIERS = [
  'advanced_certified',
  'certified',
  'regular',
  'discredited',
  'seriously_discredited',
] as const;
export type CustomsCreditTier = (typeof CUSTOMS_CREDIT_TIERS)[number];

/** What an enterprise trades and holds: products by 10-digit commodity line, markets, certifications. */
export interface EnterpriseProfile {
  products: string[];
  markets: string[];
  certifications: { kind: string; number: string | null; validUntil: string | null }[];
}

/**
 * Enterprises are the tenants. Every tenant-owned row elsewhere carries enterprise_id, which is
 * also the Citus distribution key; this table becomes a reference table there.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey(),
    uscc: text('uscc').notNull().unique(),
    customsCode: text('customs_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
    countryCode: text('country_code').notNull(),
    city: text('city'),
    kinds: text('kinds').array().notNull(),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** False when the USCC failed the GB 32100 check and an admin confirmed it anyway (early pilot codes). */
    usccCheckOk: boolean('uscc_check_ok').notNull().default(true),
    customsCreditTier: text('customs_credit_tier', { enum: CUSTOMS_CREDIT_TIERS }).notNull().default('regular'),
    /** ISO 3166-1 alpha-2 countries whose customs recognise this enterprise's AEO status. */
    aeoMraCountries: text('aeo_mra_countries').array().notNull().default(sql`'{}'::text[]`),
    /** Codes of the bonded sites (zone, logistics centre, bonded warehouse) the enterprise operates in. */
    bondedSites: text('bonded_sites').array().notNull().default(sql`'{}'::text[]`),
    profile: jsonb('profile')
      .$type<EnterpriseProfile>()
      .notNull()
      .default(sql`'{"products":[],"markets":[],"certifications":[]}'::jsonb`),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
  },
  (table) => [check('enterprises_uscc_len', sql`char_length(${table.uscc}) = 18`)],
);

/** Authorities act for the zone, not for a tenant: customs and the zone administration. */
export const authorities = pgTable('authorities', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  nameRu: text('name_ru').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Onboarding applications. An approved one becomes an enterprise row (enterprise_id); a rejected one
 * stays as the record of the decision. At most one pending application per USCC (partial unique index),
 * and none for a USCC that is already an enterprise (checked in the same transaction).
 */
export const applications = pgTable(
  'registry_applications',
  {
    id: uuid('id').primaryKey(),
    uscc: text('uscc').notNull(),
    /** The GB 32100 check failed: approval needs the admin's explicit confirmation. */
    usccCheckOk: boolean('uscc_check_ok').notNull(),
    customsCode: text('customs_code'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    nameRu: text('name_ru').notNull(),
    countryCode: text('country_code').notNull(),
    city: text('city'),
    kinds: text('kinds').array().notNull(),
    bondedSites: text('bonded_sites').array().notNull(),
    profile: jsonb('profile').$type<EnterpriseProfile>().notNull(),
    customsCreditTier: text('customs_credit_tier', { enum: CUSTOMS_CREDIT_TIERS }).notNull(),
    aeoMraCountries: text('aeo_mra_countries').array().notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('pending'),
    submittedBy: uuid('submitted_by').notNull(),
    /** The submitter's own tenant, if any: lets it follow its applications without seeing others'. */
    submitterEnterpriseId: uuid('submitter_enterprise_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    usccWarningConfirmed: boolean('uscc_warning_confirmed').notNull().default(false),
    enterpriseId: uuid('enterprise_id'),
  },
  (table) => [
    check('registry_applications_uscc_len', sql`char_length(${table.uscc}) = 18`),
    uniqueIndex('registry_applications_pending_uscc').on(table.uscc).where(sql`${table.status} = 'pending'`),
    index('registry_applications_status').on(table.status, table.submittedAt),
  ],
);
