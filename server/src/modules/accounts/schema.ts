import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['trader', 'forwarder', 'customs_officer', 'bank_officer', 'zone_admin'] }).notNull(),
    enterpriseId: uuid('enterprise_id'),
    authorityId: uuid('authority_id'),
    locale: text('locale', { enum: ['zh-CN', 'en', 'ru'] })
      .notNull()
      .default('zh-CN'),
    active: boolean('active').notNull().default(true),
    /** May list and create the users of its own enterprise (never meaningful for authority users). */
    enterpriseAdmin: boolean('enterprise_admin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // A user acts for exactly one tenant or one authority, never both and never neither.
    check('users_one_owner', sql`(${table.enterpriseId} IS NULL) <> (${table.authorityId} IS NULL)`),
    index('users_enterprise_idx').on(table.enterpriseId),
  ],
);

/** Web sessions; only a SHA-256 of the cookie token is stored, so a database leak yields no sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** API keys for systems: `sk_<prefix>_<secret>`; the prefix finds the row, the secret's hash proves it. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    prefix: text('prefix').notNull().unique(),
    keyHash: text('key_hash').notNull(),
    name: text('name').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    enterpriseId: uuid('enterprise_id'),
    authorityId: uuid('authority_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('api_keys_enterprise_idx').on(table.enterpriseId)],
);
