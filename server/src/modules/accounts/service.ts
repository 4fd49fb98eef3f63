import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, asc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db, Queryable } from '../../platform/db/client.js';
import type { Principal, Role } from '../../platform/http/context.js';
import { AUTHORITY_ROLES } from '../../platform/http/context.js';
import { isLocale, type Locale } from '../../platform/i18n/index.js';
import { apiKeys, sessions, users } from './schema.js';

export type User = typeof users.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

export const SESSION_COOKIE = 'scohub_session';
const API_KEY_PATTERN = /^sk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** argon2id with the library's defaults (m=19 MiB, t=2), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the e-mail is unknown makes both failures take the same time,
// so response timing does not tell which part of the credentials was wrong.
let dummyHash: Promise<string> | null = null;

export async function checkCredentials(db: Queryable, email: string, password: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user?.active) {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(user.passwordHash, password).catch(() => false);
  return ok ? user : null;
}

export async function createSession(
  tx: Queryable,
  userId: string,
  ttlHours: number,
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await tx.insert(sessions).values({
    id,
    tokenHash: sha256(token),
    userId,
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
  });
  return { id, token };
}

export async function revokeSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function createApiKey(
  tx: Queryable,
  owner: User,
  name: string,
): Promise<{ row: ApiKey; plaintext: string }> {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const secret = randomBytes(32).toString('base64url');
  const [row] = await tx
    .insert(apiKeys)
    .values({
      id: randomUUID(),
      prefix,
      keyHash: sha256(secret),
      name,
      userId: owner.id,
      enterpriseId: owner.enterpriseId,
      authorityId: owner.authorityId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return { row, plaintext: `sk_${prefix}_${secret}` };
}

function principalFrom(user: User, via: { sessionId?: string; apiKeyId?: string }): Principal {
  return {
    kind: via.apiKeyId ? 'api_key' : 'session',
    userId: user.id,
    apiKeyId: via.apiKeyId ?? null,
    sessionId: via.sessionId ?? null,
    role: user.role,
    enterpriseId: user.enterpriseId,
    authorityId: user.authorityId,
    // Only an enterprise's own user can administer its users; the flag means nothing elsewhere.
    enterpriseAdmin: user.enterpriseAdmin && user.enterpriseId !== null,
    locale: isLocale(user.locale) ? user.locale : 'zh-CN',
    displayName: user.displayName,
  };
}

/**
 * Resolves the caller: an `Authorization: Bearer sk_…` API key for systems, else the session
 * cookie for people. Anything invalid resolves to anonymous; the route's access rule decides.
 */
export function makeAuthenticator(db: Db, _config: Config) {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const match = API_KEY_PATTERN.exec(authorization.slice(7).trim());
      if (!match) return null;
      const [, prefix = '', secret = ''] = match;
      const [row] = await db
        .select({ key: apiKeys, user: users })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
      if (!row?.user.active) return null;
      const given = Buffer.from(sha256(secret), 'hex');
      const stored = Buffer.from(row.key.keyHash, 'hex');
      if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
      return principalFrom(row.user, { apiKeyId: row.key.id });
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
      );
    if (!row?.user.active) return null;
    return principalFrom(row.user, { sessionId: row.session.id });
  };
}

export function ownerMatchesRole(
  role: Role,
  owner: { enterpriseId: string | null; authorityId: string | null },
): boolean {
  const isAuthorityRole = AUTHORITY_ROLES.includes(role);
  return isAuthorityRole
    ? owner.authorityId !== null && owner.enterpriseId === null
    : owner.enterpriseId !== null && owner.authorityId === null;
}

export async function createUser(
  tx: Queryable,
  input: {
    email: string;
    password: string;
    displayName: string;
    role: Role;
    enterpriseId: string | null;
    authorityId: string | null;
    locale?: Locale;
    enterpriseAdmin?: boolean;
  },
): Promise<User> {
  const [row] = await tx
    .insert(users)
    .values({
      id: randomUUID(),
      email: input.email.trim().toLowerCase(),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      role: input.role,
      enterpriseId: input.enterpriseId,
      authorityId: input.authorityId,
      locale: input.locale ?? 'zh-CN',
      enterpriseAdmin: input.enterpriseAdmin ?? false,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function getUser(db: Queryable, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

/** All users (zone administration), or one enterprise's users (its own administrator). */
export async function listUsers(db: Queryable, enterpriseId?: string): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(enterpriseId ? eq(users.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(users.email))
    .limit(1000);
}

const ENTERPRISE_ROLE_ORDER: readonly Role[] = ['trader', 'forwarder', 'bank_officer'];

/**
 * The roles an enterprise's users may have, from the kinds the registry records for it: a bank's
 * staff are bank officers, a forwarder's or carrier's are forwarders, everyone else's are traders.
 * An enterprise administrator can hand out only these, so it cannot mint officers of another trade.
 */
export function rolesForEnterpriseKinds(kinds: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const kind of kinds) {
    if (kind === 'bank') roles.add('bank_officer');
    else if (kind === 'forwarder' || kind === 'carrier') roles.add('forwarder');
    else roles.add('trader');
  }
  return ENTERPRISE_ROLE_ORDER.filter((role) => roles.has(role));
}

/** The enterprise whose users the caller administers, or null when it administers none. */
export function administeredEnterprise(principal: Principal): string | null {
  // Only people, in a session: an API key is for systems, and a leaked one must not mint logins.
  if (principal.kind !== 'session' || principal.enterpriseAdmin !== true) return null;
  if (AUTHORITY_ROLES.includes(principal.role)) return null;
  return principal.enterpriseId;
}

export async function updateUser(
  tx: Queryable,
  id: string,
  changes: { active?: boolean; enterpriseAdmin?: boolean },
): Promise<User | null> {
  const [row] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
  return row ?? null;
}

/** The tenant (or authority) filter every API-key query goes through. */
export function apiKeyScope(principal: Principal): SQL | undefined {
  if (principal.role === 'zone_admin') return undefined;
  if (principal.enterpriseId) return eq(apiKeys.enterpriseId, principal.enterpriseId);
  return principal.authorityId ? eq(apiKeys.authorityId, principal.authorityId) : eq(apiKeys.userId, principal.userId);
}

export async function listApiKeys(db: Queryable, principal: Principal): Promise<ApiKey[]> {
  return db.select().from(apiKeys).where(apiKeyScope(principal)).orderBy(asc(apiKeys.createdAt)).limit(500);
}

export async function findApiKeyFor(db: Queryable, principal: Principal, id: string): Promise<ApiKey | null> {
  const scope = apiKeyScope(principal);
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(scope ? and(eq(apiKeys.id, id), scope) : eq(apiKeys.id, id));
  return row ?? null;
}

export async function revokeApiKey(tx: Queryable, id: string): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.revokedAt))));
}

export async function updateUserLocale(tx: Queryable, userId: string, locale: Locale): Promise<User | null> {
  const [row] = await tx.update(users).set({ locale }).where(eq(users.id, userId)).returning();
  return row ?? null;
}
