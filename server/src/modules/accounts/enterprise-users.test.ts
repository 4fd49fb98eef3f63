import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let trader: string;
let admin: string;
let traderEnterpriseId: string;
let forwarderEnterpriseId: string;
let bankEnterpriseId: string;
let zoneAuthorityId: string;

const en = { 'accept-language': 'en' };

interface UserRow {
  id: string;
  email: string;
  role: string;
  enterpriseId: string | null;
  authorityId: string | null;
  active: boolean;
  enterpriseAdmin: boolean;
}

async function me(cookie: string) {
  return (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
}

async function listUsers(cookie: string): Promise<UserRow[]> {
  const response = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

function create(cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/users', headers: { ...en, cookie }, payload });
}

async function countUsers(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM users`);
  return row!.n;
}

let serial = 0;
function newUser(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    email: `clerk${serial}@jiaozhou.example`,
    password: 'longenough1',
    displayName: `Clerk ${serial}`,
    role: 'trader',
    locale: 'en',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  trader = await t.login('trader@demo');
  admin = await t.login('admin@demo');
  traderEnterpriseId = (await me(trader)).enterprise.id;
  forwarderEnterpriseId = (await me(await t.login('forwarder@demo'))).enterprise.id;
  bankEnterpriseId = (await me(await t.login('bank@demo'))).enterprise.id;
  zoneAuthorityId = (await me(admin)).authority.id;
});
afterAll(async () => t?.close());

describe('enterprise administrators', () => {
  it('the demo trader is its enterprise administrator, and says so on /auth/me', async () => {
    // Proves the flag reaches the session, so the web client can show the Users page.
    expect((await me(trader)).user).toMatchObject({ email: 'trader@demo', enterpriseAdmin: true });
    expect((await me(admin)).user.enterpriseAdmin).toBe(false);
  });

  it('lists only the users of its own enterprise', async () => {
    // Proves tenant isolation of GET /api/users for an enterprise admin, while the zone admin sees all.
    const own = await listUsers(trader);
    expect(own.map((u) => u.email)).toContain('trader@demo');
    expect(new Set(own.map((u) => u.enterpriseId))).toEqual(new Set([traderEnterpriseId]));
    const all = await listUsers(admin);
    expect(all.map((u) => u.email)).toEqual(
      expect.arrayContaining(['admin@demo', 'bank@demo', 'forwarder@demo', 'officer@demo', 'trader@demo']),
    );
  });

  it('creates a user in its own enterprise, who can then sign in, and audits it', async () => {
    // Proves the whole path: enterprise forced to the admin's own, login works, the audit row names the actor.
    const payload = newUser({ enterpriseAdmin: true });
    const created = await create(trader, payload);
    expect(created.statusCode).toBe(201);
    const user = created.json() as UserRow;
    expect(user).toMatchObject({
      email: payload.email,
      role: 'trader',
      enterpriseId: traderEnterpriseId,
      authorityId: null,
      active: true,
      enterpriseAdmin: true,
    });
    expect((await listUsers(trader)).map((u) => u.id)).toContain(user.id);

    const cookie = await t.login(payload.email, payload.password);
    const newMe = await me(cookie);
    expect(newMe.user).toMatchObject({ id: user.id, role: 'trader', enterpriseAdmin: true });
    expect(newMe.enterprise.id).toBe(traderEnterpriseId);

    const audit = await queryRows(
      t.database.db,
      sql`SELECT action, actor_user_id, enterprise_id FROM audit_log WHERE entity_type = 'user' AND entity_id = ${user.id}`,
    );
    const traderId = (await me(trader)).user.id;
    expect(audit).toEqual([{ action: 'user.create', actor_user_id: traderId, enterprise_id: traderEnterpriseId }]);
  });

  it('refuses another enterprise, an authority and authority roles, changing nothing', async () => {
    // Proves an enterprise admin cannot mint users outside its enterprise or with powers it lacks.
    const before = await countUsers();
    const otherEnterprise = await create(trader, newUser({ enterpriseId: forwarderEnterpriseId }));
    expect(otherEnterprise.statusCode).toBe(422);
    expect(otherEnterprise.json().errors).toEqual([
      {
        field: 'body.enterpriseId',
        code: 'own_enterprise_only',
        message: 'an enterprise administrator creates users for its own enterprise only',
      },
    ]);

    const authority = await create(
      trader,
      newUser({ role: 'zone_admin', enterpriseId: null, authorityId: zoneAuthorityId }),
    );
    expect(authority.statusCode).toBe(422);
    expect(authority.json().errors.map((e: { field: string }) => e.field)).toContain('body.authorityId');

    for (const role of ['customs_officer', 'zone_admin', 'bank_officer', 'forwarder']) {
      // A trading house's staff are traders: no officers, no bankers, no forwarders.
      const response = await create(trader, newUser({ role }));
      expect(response.statusCode, role).toBe(422);
      expect(response.json().errors).toEqual([
        {
          field: 'body.role',
          code: 'role_not_for_enterprise',
          message: "this enterprise's users can only have the roles: trader",
        },
      ]);
    }
    const bankRole = await create(trader, newUser({ role: 'bank_officer', enterpriseId: bankEnterpriseId }));
    expect(bankRole.statusCode).toBe(422);
    expect(await countUsers()).toBe(before);
  });

  it('a forwarder enterprise admin creates forwarders only', async () => {
    // Proves the allowed roles follow the registry's kinds of the admin's own enterprise.
    const forwarder = await t.login('forwarder@demo');
    const trade = await create(forwarder, newUser({ role: 'trader' }));
    expect(trade.statusCode).toBe(422);
    const ok = await create(forwarder, newUser({ role: 'forwarder' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'forwarder', enterpriseId: forwarderEnterpriseId, enterpriseAdmin: false });
  });

  it('a user who is no enterprise admin gets 403, even in the admin’s own enterprise', async () => {
    // Proves the flag, not the role, grants user management; and that bank officers without it are refused.
    const plain = newUser();
    expect((await create(trader, plain)).statusCode).toBe(201);
    const cookie = await t.login(plain.email, plain.password);
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: { ...en, cookie } });
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('forbidden');
    const before = await countUsers();
    expect((await create(cookie, newUser())).statusCode).toBe(403);
    expect((await create(await t.login('bank@demo'), newUser({ role: 'bank_officer' }))).statusCode).toBe(403);
    expect(await countUsers()).toBe(before);
  });

  it('does not let an API key of an enterprise admin manage users', async () => {
    // Proves user management needs a person in a session: a leaked ERP key cannot mint logins.
    const key = (
      await t.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: { cookie: trader },
        payload: { name: 'ERP' },
      })
    ).json().key as string;
    const headers = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(403);
    const post = await t.app.inject({ method: 'POST', url: '/api/users', headers, payload: newUser() });
    expect(post.statusCode).toBe(403);
  });

  it('the zone admin may make an enterprise user an enterprise admin, but not an authority user', async () => {
    // Proves the flag is meaningful only for enterprise users, whoever grants it.
    const ok = await create(
      admin,
      newUser({ enterpriseId: bankEnterpriseId, role: 'bank_officer', enterpriseAdmin: true }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().enterpriseAdmin).toBe(true);
    const bad = await create(
      admin,
      newUser({ role: 'customs_officer', authorityId: zoneAuthorityId, enterpriseAdmin: true }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.enterpriseAdmin']);
  });
});

describe('deactivation', () => {
  it('an enterprise admin deactivates and reactivates its own users; the deactivated cannot sign in', async () => {
    // Proves PATCH /api/users/:id, its effect on sign-in and on live sessions, and the audit rows.
    const payload = newUser();
    const user = (await create(trader, payload)).json() as UserRow;
    const session = await t.login(payload.email, payload.password);

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: trader },
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: user.id, active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(
      401,
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: payload.email, password: payload.password },
    });
    expect(login.statusCode).toBe(401);

    const on = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: trader },
      payload: { active: true },
    });
    expect(on.json().active).toBe(true);
    await t.login(payload.email, payload.password);

    const audit = await queryRows<{ action: string; after: unknown }>(
      t.database.db,
      sql`SELECT action, after FROM audit_log WHERE entity_type = 'user' AND entity_id = ${user.id} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['user.create', 'user.update', 'user.update']);
    expect(audit[1]?.after).toEqual({ active: false, enterpriseAdmin: false });
  });

  it('another enterprise’s user is 404, and nobody deactivates themselves', async () => {
    // Proves tenant isolation of PATCH and the guard against locking oneself out.
    const forwarderUser = (await listUsers(admin)).find((u) => u.email === 'forwarder@demo')!;
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${forwarderUser.id}`,
      headers: { cookie: trader },
      payload: { active: false },
    });
    expect(foreign.statusCode).toBe(404);
    const traderUser = (await me(trader)).user;
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${traderUser.id}`,
      headers: { ...en, cookie: trader },
      payload: { active: false },
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0]).toMatchObject({ field: 'body.active', code: 'cannot_change_self' });
    expect((await listUsers(admin)).find((u) => u.email === 'forwarder@demo')?.active).toBe(true);
    expect((await me(trader)).user.active).toBe(true);
  });
});
