import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
