import { countUsers, createUser } from '../modules/accounts/index.js';
import { seedBondedDemo } from '../modules/bonded/index.js';
import { seedCockpitDemo } from '../modules/cockpit/index.js';
import { emitEvent } from '../modules/events/index.js';
import { seedDemoNetwork, seedDemoShipments } from '../modules/logistics/index.js';
import { createAuthority, createEnterprise } from '../modules/registry/index.js';
import { seedTradeDemo } from '../modules/trade/index.js';
import { recordAudit } from '../platform/audit/index.js';
import type { Db } from '../platform/db/client.js';
import type { Principal, Role } from '../platform/http/context.js';
import { DEMO_ENTERPRISES, demoRegistryFields } from './enterprises.js';

export const DEMO_PASSWORD = 'demo1234';

/** The demo logins, one per role; printed at start-up and listed in README.md. */
export const DEMO_USERS: readonly { email: string; role: Role; displayName: string; owner: string }[] = [
  { email: 'trader@demo', role: 'trader', displayName: '王丽 Wang Li', owner: 'jiaozhou-trading' },
  { email: 'forwarder@demo', role: 'forwarder', displayName: '李强 Li Qiang', owner: 'silkroad-logistics' },
  { email: 'officer@demo', role: 'customs_officer', displayName: '张伟 Zhang Wei', owner: 'authority:customs' },
  { email: 'bank@demo', role: 'bank_officer', displayName: '陈静 Chen Jing', owner: 'qingdao-rural-bank' },
  { email: 'admin@demo', role: 'zone_admin', displayName: '刘洋 Liu Yang', owner: 'authority:zone' },
];

const AUTHORITIES = [
  {
    code: 'customs',
    nameZh: '青岛海关（胶州）',
    nameEn: 'Qingdao Customs (Jiaozhou)',
    nameRu: 'Таможня Циндао (Цзяочжоу)',
  },
  {
    code: 'zone',
    nameZh: '上合示范区管委会',
    nameEn: 'SCO Demonstration Area Administration',
    nameRu: 'Администрация демонстрационной зоны ШОС',
  },
];

const SYSTEM_ACTOR = { userId: null, apiKeyId: null, role: 'system', enterpriseId: null };

/**
 * Loads the demo dataset (authorities, enterprises, one user per role) into an empty database.
 * Refuses to run when any user exists, so it can never mix demo logins into real data.
 */
export async function seedDemo(
  db: Db,
  options: { publicUrl?: string; shipments?: boolean; now?: Date } = {},
): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const owners = new Map<string, { enterpriseId: string | null; authorityId: string | null }>();
    for (const authority of AUTHORITIES) {
      const row = await createAuthority(tx, authority);
      owners.set(`authority:${authority.code}`, { enterpriseId: null, authorityId: row.id });
    }
    for (const enterprise of DEMO_ENTERPRISES) {
      const row = await createEnterprise(tx, {
        uscc: enterprise.uscc,
        customsCode: enterprise.customsCode,
        nameZh: enterprise.names.zh,
        nameEn: enterprise.names.en,
        nameRu: enterprise.names.ru,
        countryCode: enterprise.countryCode,
        city: enterprise.city,
        kinds: [...enterprise.kinds],
        ...demoRegistryFields(enterprise),
      });
      owners.set(enterprise.key, { enterpriseId: row.id, authorityId: null });
      await recordAudit(tx, SYSTEM_ACTOR, null, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: row.id,
        after: row,
      });
      await emitEvent(tx, {
        module: 'registry',
        event: 'enterprise_registered',
        enterpriseId: row.id,
        payload: { enterpriseId: row.id, uscc: row.uscc },
      });
    }
    const operators = new Map<string, string>();
    for (const [key, owner] of owners) if (owner.enterpriseId) operators.set(key, owner.enterpriseId);
    await seedDemoNetwork(tx, operators, now);
    const userIds = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const owner = owners.get(demo.owner);
      if (!owner) throw new Error(`demo owner ${demo.owner} is missing`);
      const user = await createUser(tx, {
        email: demo.email,
        password: DEMO_PASSWORD,
        displayName: demo.displayName,
        role: demo.role,
        ...owner,
        // The demo trader and forwarder administer their own enterprise's users (README's demo logins).
        enterpriseAdmin: demo.email === 'trader@demo' || demo.email === 'forwarder@demo',
      });
      await recordAudit(tx, SYSTEM_ACTOR, null, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, role: user.role },
      });
      userIds.set(demo.email, user.id);
    }
    await seedTradeDemo(tx, { now, enterprises: operators, bankUserId: userIds.get('bank@demo')! });
    await seedBondedDemo(tx, { now, enterprises: operators, users: userIds });
    if (options.shipments !== false) {
      // A year of declarations with SCO partners for the cockpit (heavy like the shipments, so only with them);
      // filed first, so the shipments' events stay the newest in the activity feeds.
      await seedCockpitDemo(tx, {
        now,
        enterprises: operators,
        users: userIds,
        customsAuthorityId: owners.get('authority:customs')?.authorityId ?? null,
      });
      const zone = owners.get('authority:zone');
      // Demo journeys are reported by the zone administration, as a terminal operating system would.
      const reporter: Principal = {
        kind: 'api_key',
        userId: '00000000-0000-0000-0000-000000000000',
        apiKeyId: null,
        sessionId: null,
        role: 'zone_admin',
        enterpriseId: null,
        authorityId: zone?.authorityId ?? null,
        locale: 'en',
        displayName: 'demo',
      };
      await seedDemoShipments(tx, operators, reporter, options.publicUrl ?? 'http://localhost:8080', now);
    }
  });
  return true;
}
