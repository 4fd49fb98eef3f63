import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/problem.js';
import { authorities, enterprises } from './schema.js';

export type Enterprise = typeof enterprises.$inferSelect;
export type Authority = typeof authorities.$inferSelect;
export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'id' | 'createdAt'>;

/** Roles that may look across tenants in the registry (supervision and lending need it). */
const CROSS_TENANT_READERS = new Set(['customs_officer', 'zone_admin', 'bank_officer']);

export async function createEnterprise(tx: Queryable, input: NewEnterprise): Promise<Enterprise> {
  const [row] = await tx
    .insert(enterprises)
    .values({ ...input, id: randomUUID() })
    .returning();
  if (!row) throw new Error('insert returned nothing');
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
