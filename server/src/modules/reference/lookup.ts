import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { locations } from './schema.js';

/** Which of the given UN/LOCODEs are known locations; other modules validate references with it. */
export async function knownLocodes(db: Queryable, locodes: readonly string[]): Promise<Set<string>> {
  if (locodes.length === 0) return new Set();
  const rows = await db
    .select({ locode: locations.locode })
    .from(locations)
    .where(inArray(locations.locode, [...locodes]));
  return new Set(rows.map((r) => r.locode));
}
