import type { Queryable } from '../../platform/db/client.js';
import { DEMO_SERVICES, DEMO_TRANSFERS } from './data/network.js';
import { createService, upsertTransfers } from './network.js';

/** Loads the demo network: services of the operators given by demo key, and the zone's transfers. */
export async function seedDemoNetwork(
  tx: Queryable,
  operatorIdByKey: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  let created = 0;
  for (const seed of DEMO_SERVICES) {
    const enterpriseId = operatorIdByKey.get(seed.operatorKey);
    if (!enterpriseId) throw new Error(`demo operator ${seed.operatorKey} is missing`);
    const { operatorKey: _unused, ...rest } = seed;
    await createService(tx, { ...rest, enterpriseId }, now);
    created += 1;
  }
  await upsertTransfers(tx, DEMO_TRANSFERS);
  return created;
}
