/**
 * What other customs channels need from the declarations: file one on an enterprise's behalf inside the
 * caller's transaction (a bonded second-line exit is declared in the same commit that moves its
 * balance, so neither can exist without the other), and read back the quantities declared, so a
 * bonded book's domestic counter-account can be reconciled with the declarations that cover it.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { type FieldIssue, invalidFields } from '../../platform/http/problem.js';
import type { DeclarationBody } from './declaration-schema.js';
import { submitDeclaration, validateDeclaration } from './declarations.js';
import { declarationItems, declarations } from './schema.js';

export interface FiledDeclaration {
  id: string;
  number: string;
  status: string;
  channel: string | null;
  taxFen: number;
  customsValueFen: number;
}

/** Every problem of a declaration before anything is written; an empty list means it would be accepted. */
export async function declarationIssues(
  db: Queryable,
  principal: Principal,
  body: DeclarationBody,
  now: Date,
): Promise<FieldIssue[]> {
  const result = await validateDeclaration(db, principal, body, now);
  return result.ok ? [] : result.issues;
}

/**
 * Validates and files a declaration in the caller's transaction: the same checks, risk channel, taxes,
 * timeline and events as one filed through the trade centre's own route. Problems throw 422 with each
 * field named as in `body`, so a caller can map them onto its own form.
 */
export async function fileDeclaration(
  tx: Tx,
  principal: Principal,
  body: DeclarationBody,
  options: { now: Date; dbKey: object },
): Promise<FiledDeclaration> {
  const result = await validateDeclaration(tx, principal, body, options.now);
  if (!result.ok) throw invalidFields(result.issues);
  const row = await submitDeclaration(tx, principal, result.value, options);
  return {
    id: row.id,
    number: row.number!,
    status: row.status,
    channel: row.channel,
    taxFen: row.taxFen ?? 0,
    customsValueFen: row.customsValueFen ?? 0,
  };
}

export interface DeclaredQuantities {
  id: string;
  number: string | null;
  enterpriseId: string;
  direction: 'import' | 'export';
  status: string;
  /** Sum of the first legal quantity per commodity line, as an exact decimal string. */
  quantityByCode: Map<string, string>;
}

/** The declarations with these ids and their quantities per commodity line (missing ids are absent). */
export async function declaredQuantities(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, DeclaredQuantities>> {
  const found = new Map<string, DeclaredQuantities>();
  if (ids.length === 0) return found;
  const heads = await db
    .select({
      id: declarations.id,
      number: declarations.number,
      enterpriseId: declarations.enterpriseId,
      direction: declarations.direction,
      status: declarations.status,
    })
    .from(declarations)
    .where(inArray(declarations.id, [...ids]));
  for (const head of heads) found.set(head.id, { ...head, quantityByCode: new Map() });
  const sums = await db
    .select({
      declarationId: declarationItems.declarationId,
      code: declarationItems.code,
      quantity: sql<string>`sum(${declarationItems.quantity})::text`,
    })
    .from(declarationItems)
    .where(inArray(declarationItems.declarationId, [...ids]))
    .groupBy(declarationItems.declarationId, declarationItems.code);
  for (const sum of sums) found.get(sum.declarationId)?.quantityByCode.set(sum.code, sum.quantity);
  return found;
}
