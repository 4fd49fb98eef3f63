import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/index.js';
import { isUniqueViolation } from '../../platform/db/client.js';
import { ROLES } from '../../platform/http/context.js';
import { runMutation } from '../../platform/http/mutation.js';
import {
  DomainError,
  type FieldIssue,
  forbidden,
  invalidFields,
  notFound,
  problemSchema,
} from '../../platform/http/problem.js';
import { LOCALES } from '../../platform/i18n/index.js';
import {
  authoritySchema,
  authorityView,
  enterpriseSchema,
  enterpriseView,
  getAuthority,
  getEnterpriseFor,
} from '../registry/index.js';
import {
  type ApiKey,
  administeredEnterprise,
  checkCredentials,
  createApiKey,
  createSession,
  createUser,
  findApiKeyFor,
  getUser,
  listApiKeys,
  listUsers,
  ownerMatchesRole,
  revokeApiKey,
  revokeSession,
  rolesForEnterpriseKinds,
  SESSION_COOKIE,
  type User,
  updateUser,
  updateUserLocale,
} from './service.js';
import { LoginThrottle } from './throttle.js';

const ACCOUNT_FAILURES_MAX = 5;
const IP_FAILURES_MAX = 30;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    enterpriseId: z.uuid().nullable(),
    authorityId: z.uuid().nullable(),
    active: z.boolean(),
    enterpriseAdmin: z.boolean().describe("Administers its own enterprise's users"),
  })
  .meta({ id: 'User' });

const meSchema = z
  .object({
    user: userSchema,
    via: z.enum(['session', 'api_key']),
    enterprise: enterpriseSchema.nullable(),
    authority: authoritySchema.nullable(),
  })
  .meta({ id: 'Me' });

const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    userId: z.uuid(),
    enterpriseId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

function userView(user: User): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    enterpriseId: user.enterpriseId,
    authorityId: user.authorityId,
    active: user.active,
    enterpriseAdmin: user.enterpriseAdmin,
  };
}

/** Who may manage users: the zone administration (everyone) or an enterprise's administrator (its own). */
const USER_ADMINS = ['zone_admin', 'enterprise_admin'] as const;

function apiKeyView(key: ApiKey): z.infer<typeof apiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: `sk_${key.prefix}`,
    userId: key.userId,
    enterpriseId: key.enterpriseId,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

export function accountRoutes(config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    const throttle = new LoginThrottle(ACCOUNT_FAILURES_MAX, THROTTLE_WINDOW_MS);
    const ipThrottle = new LoginThrottle(IP_FAILURES_MAX, THROTTLE_WINDOW_MS);
    const db = app.platform.db;

    app.post(
      '/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Sign in with e-mail and password; sets the session cookie',
          security: [],
          body: z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
          response: { 200: meSchema, 401: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const accountKey = `account:${request.body.email.toLowerCase()}`;
        const ipKey = `ip:${request.ip}`;
        const wait = Math.max(throttle.retryAfterSeconds(accountKey), ipThrottle.retryAfterSeconds(ipKey));
        if (wait > 0) {
          throw new DomainError('login_throttled', 429, {
            params: { seconds: wait },
            headers: { 'retry-after': String(wait) },
          });
        }
        const user = await checkCredentials(db, request.body.email, request.body.password);
        if (!user) {
          throttle.fail(accountKey);
          ipThrottle.fail(ipKey);
          throw new DomainError('invalid_credentials', 401);
        }
        throttle.succeed(accountKey);
        const session = await db.transaction(async (tx) => {
          const created = await createSession(tx, user.id, config.sessionTtlHours);
          await recordAudit(
            tx,
            { userId: user.id, apiKeyId: null, role: user.role, enterpriseId: user.enterpriseId },
            request.id,
            { action: 'session.create', entityType: 'session', entityId: created.id },
          );
          return created;
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.cookieSecure,
          path: '/',
          maxAge: config.sessionTtlHours * 3600,
        });
        return describe(user, 'session');
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated', idempotency: false },
        schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        const sessionId = request.principal?.sessionId;
        return runMutation(request, reply, async ({ tx, audit }) => {
          if (sessionId) {
            await revokeSession(tx, sessionId);
            await audit({ action: 'session.revoke', entityType: 'session', entityId: sessionId });
          } else {
            await audit({ action: 'session.revoke', entityType: 'session', entityId: 'none' });
          }
          return { statusCode: 204, body: null };
        });
      },
    );

    async function describe(user: User, via: 'session' | 'api_key'): Promise<z.infer<typeof meSchema>> {
      const authority = user.authorityId ? await getAuthority(db, user.authorityId) : null;
      const enterprise = user.enterpriseId
        ? await getEnterpriseFor(
            db,
            {
              kind: 'session',
              userId: user.id,
              apiKeyId: null,
              sessionId: null,
              role: user.role,
              enterpriseId: user.enterpriseId,
              authorityId: user.authorityId,
              locale: user.locale,
              displayName: user.displayName,
            },
            user.enterpriseId,
          )
        : null;
      return {
        user: userView(user),
        via,
        enterprise: enterprise ? enterpriseView(enterprise) : null,
        authority: authority ? authorityView(authority) : null,
      };
    }

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['accounts'], summary: 'Who am I', response: { 200: meSchema, 401: problemSchema } },
      },
      async (request) => {
        const user = await getUser(db, request.principal!.userId);
        if (!user) throw notFound('user');
        return describe(user, request.principal!.kind);
      },
    );

    app.patch(
      '/auth/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: 'Change my preferences (language)',
          body: z.strictObject({ locale: z.enum(LOCALES) }),
          response: { 200: userSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, principal, audit }) => {
          const before = await getUser(tx, principal.userId);
          if (!before) throw notFound('user');
          const after = await updateUserLocale(tx, principal.userId, request.body.locale);
          await audit({
            action: 'user.update_locale',
            entityType: 'user',
            entityId: principal.userId,
            before: { locale: before.locale },
            after: { locale: after?.locale },
          });
          return { statusCode: 200, body: userView(after ?? before) };
        }),
    );

    // Access is 'authenticated' and checked in the handlers: who may manage users depends on the
    // zone_admin role or on the enterprise-admin flag of an enterprise user, which a role list cannot say.
    app.get(
      '/users',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: "Users: all of them for the zone administration, its own enterprise's for an enterprise admin",
          response: { 200: z.object({ items: z.array(userSchema) }), 403: problemSchema },
        },
      },
      async (request) => {
        const principal = request.principal!;
        if (principal.role === 'zone_admin') return { items: (await listUsers(db)).map(userView) };
        const enterpriseId = administeredEnterprise(principal);
        if (!enterpriseId) throw forbidden(USER_ADMINS);
        return { items: (await listUsers(db, enterpriseId)).map(userView) };
      },
    );

    app.post(
      '/users',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: 'Create a user for an enterprise or an authority (an enterprise admin: for its own enterprise)',
          body: z.strictObject({
            email: z
              .string()
              .trim()
              .max(254)
              .regex(/^[^\s@]+@[^\s@]+$/),
            password: z.string().min(8).max(1024),
            displayName: z.string().trim().min(1).max(200),
            role: z.enum(ROLES),
            enterpriseId: z.uuid().nullable().default(null),
            authorityId: z.uuid().nullable().default(null),
            locale: z.enum(LOCALES).default('zh-CN'),
            enterpriseAdmin: z.boolean().default(false),
          }),
          response: {
            201: userSchema,
            400: problemSchema,
            403: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const isZoneAdmin = principal.role === 'zone_admin';
        const ownEnterprise = isZoneAdmin ? null : administeredEnterprise(principal);
        if (!isZoneAdmin && !ownEnterprise) throw forbidden(USER_ADMINS);
        const body = ownEnterprise
          ? { ...request.body, enterpriseId: request.body.enterpriseId ?? ownEnterprise }
          : request.body;
        const issues: FieldIssue[] = [];
        if (ownEnterprise) {
          if (body.enterpriseId !== ownEnterprise)
            issues.push({ field: 'body.enterpriseId', code: 'own_enterprise_only' });
          if (body.authorityId !== null) issues.push({ field: 'body.authorityId', code: 'authority_not_allowed' });
        } else if (!ownerMatchesRole(body.role, body)) {
          issues.push({ field: 'body.role', code: 'owner_mismatch' });
        }
        if (body.enterpriseAdmin && body.enterpriseId === null) {
          issues.push({ field: 'body.enterpriseAdmin', code: 'enterprise_admin_needs_enterprise' });
        }
        if (issues.length > 0) throw invalidFields(issues);
        return runMutation(request, reply, async ({ tx, audit }) => {
          if (body.enterpriseId) {
            const enterprise = await getEnterpriseFor(tx, principal, body.enterpriseId).catch(() => {
              throw invalidFields([{ field: 'body.enterpriseId', code: 'unknown_reference' }]);
            });
            const roles = rolesForEnterpriseKinds(enterprise.kinds);
            // The zone administration keeps its freedom (ownerMatchesRole above); an enterprise's own
            // administrator hands out only the roles its kind of business has.
            if (ownEnterprise && !roles.includes(body.role)) {
              throw invalidFields([
                { field: 'body.role', code: 'role_not_for_enterprise', params: { roles: roles.join(', ') } },
              ]);
            }
          }
          if (body.authorityId && !(await getAuthority(tx, body.authorityId))) {
            throw invalidFields([{ field: 'body.authorityId', code: 'unknown_reference' }]);
          }
          const user = await createUser(tx, body).catch((error: unknown) => {
            if (isUniqueViolation(error))
              throw new DomainError('email_taken', 409, { issues: [{ field: 'body.email', code: 'invalid' }] });
            throw error;
          });
          await audit({ action: 'user.create', entityType: 'user', entityId: user.id, after: userView(user) });
          return { statusCode: 201, body: userView(user) };
        });
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: 'Deactivate or reactivate a user, or grant or drop its enterprise administration',
          params: z.object({ id: z.uuid() }),
          body: z
            .strictObject({ active: z.boolean().optional(), enterpriseAdmin: z.boolean().optional() })
            .refine((value) => value.active !== undefined || value.enterpriseAdmin !== undefined, {
              message: 'nothing to change',
            }),
          response: { 200: userSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const isZoneAdmin = principal.role === 'zone_admin';
        const ownEnterprise = isZoneAdmin ? null : administeredEnterprise(principal);
        if (!isZoneAdmin && !ownEnterprise) throw forbidden(USER_ADMINS);
        const changes = request.body;
        return runMutation(request, reply, async ({ tx, audit }) => {
          const before = await getUser(tx, request.params.id);
          // Another enterprise's users do not exist for an enterprise admin.
          if (!before || (ownEnterprise && before.enterpriseId !== ownEnterprise)) throw notFound('user');
          const issues: FieldIssue[] = [];
          // Nobody locks themselves out: the last administrator would leave the enterprise unmanaged.
          if (before.id === principal.userId && (changes.active === false || changes.enterpriseAdmin === false)) {
            issues.push({
              field: changes.active === false ? 'body.active' : 'body.enterpriseAdmin',
              code: 'cannot_change_self',
            });
          }
          if (changes.enterpriseAdmin === true && before.enterpriseId === null) {
            issues.push({ field: 'body.enterpriseAdmin', code: 'enterprise_admin_needs_enterprise' });
          }
          if (issues.length > 0) throw invalidFields(issues);
          const after = (await updateUser(tx, before.id, changes)) ?? before;
          await audit({
            action: 'user.update',
            entityType: 'user',
            entityId: before.id,
            before: { active: before.active, enterpriseAdmin: before.enterpriseAdmin },
            after: { active: after.active, enterpriseAdmin: after.enterpriseAdmin },
          });
          return { statusCode: 200, body: userView(after) };
        });
      },
    );

    app.get(
      '/api-keys',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: "API keys of the caller's tenant",
          response: { 200: z.object({ items: z.array(apiKeySchema) }) },
        },
      },
      async (request) => ({ items: (await listApiKeys(db, request.principal!)).map(apiKeyView) }),
    );

    app.get(
      '/api-keys/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: 'One API key (never its secret)',
          params: z.object({ id: z.uuid() }),
          response: { 200: apiKeySchema, 404: problemSchema },
        },
      },
      async (request) => {
        const key = await findApiKeyFor(db, request.principal!, request.params.id);
        if (!key) throw notFound('api_key');
        return apiKeyView(key);
      },
    );

    app.post(
      '/api-keys',
      {
        // The answer holds the only copy of the secret, so it is never stored for replay.
        config: { access: 'authenticated', idempotency: false },
        schema: {
          tags: ['accounts'],
          summary: 'Create an API key acting as me; the key is shown once',
          body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
          response: { 201: z.object({ apiKey: apiKeySchema, key: z.string() }) },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, principal, audit }) => {
          const owner = await getUser(tx, principal.userId);
          if (!owner) throw notFound('user');
          const { row, plaintext } = await createApiKey(tx, owner, request.body.name);
          await audit({ action: 'api_key.create', entityType: 'api_key', entityId: row.id, after: apiKeyView(row) });
          return { statusCode: 201, body: { apiKey: apiKeyView(row), key: plaintext } };
        }),
    );

    app.delete(
      '/api-keys/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['accounts'],
          summary: 'Revoke an API key',
          params: z.object({ id: z.uuid() }),
          response: { 200: apiKeySchema, 404: problemSchema },
        },
      },
      async (request, reply) =>
        runMutation(request, reply, async ({ tx, principal, audit }) => {
          const before = await findApiKeyFor(tx, principal, request.params.id);
          if (!before) throw notFound('api_key');
          await revokeApiKey(tx, before.id);
          const after = (await findApiKeyFor(tx, principal, before.id)) ?? before;
          await audit({
            action: 'api_key.revoke',
            entityType: 'api_key',
            entityId: before.id,
            before: apiKeyView(before),
            after: apiKeyView(after),
          });
          return { statusCode: 200, body: apiKeyView(after) };
        }),
    );
  };
}
