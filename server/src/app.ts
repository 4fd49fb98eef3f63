import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { accountsModule } from './modules/accounts/index.js';
import { createBondedModule } from './modules/bonded/index.js';
import { createCockpitModule } from './modules/cockpit/index.js';
import { createCreditModule } from './modules/credit/index.js';
import { createEcommerceModule } from './modules/ecommerce/index.js';
import { EventDispatcher, eventsModule, NatsPublisher } from './modules/events/index.js';
import { createLogisticsModule } from './modules/logistics/index.js';
import { referenceModule } from './modules/reference/index.js';
import { registryRoutes } from './modules/registry/index.js';
import { createTradeModule } from './modules/trade/index.js';
import { auditRoutes } from './platform/audit/routes.js';
import type { Database } from './platform/db/client.js';
import type { PublicDocumentSource } from './platform/documents/verification.js';
import { assertAccessDeclared, checkAccess } from './platform/http/access.js';
import { sendProblem, toDomainError } from './platform/http/errors.js';
import { idempotencyPreHandler, purgeExpiredIdempotencyRecords } from './platform/http/idempotency.js';
import { registerMetrics } from './platform/http/metrics.js';
import { DomainError } from './platform/http/problem.js';
import { DEFAULT_LOCALE, negotiateLocale } from './platform/i18n/index.js';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Tests pass false to keep logs quiet; pino options otherwise. */
  logger?: boolean | object;
  /** Test seam for webhook delivery. */
  fetchImpl?: typeof fetch;
  /** Poll interval of the event dispatcher; tests step it by hand instead. */
  startDispatcher?: boolean;
  /** Other modules' documents on the public verification page, after the bills of lading. */
  documentSources?: readonly PublicDocumentSource[];
}

/** Every route with its declared access, collected as routes register (for the guard test and docs). */
export interface RouteAccess {
  method: string;
  url: string;
  access: unknown;
}

export type App = FastifyInstance & { dispatcher: EventDispatcher; routeCatalog: readonly RouteAccess[] };

const API_VERSION = '0.1.0';
const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Builds the whole application: kernel (errors, auth, access, idempotency, metrics, docs)
 * and every module. Nothing listens yet; main.ts does that, tests use inject().
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Credentials must never reach the logs.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON bodies: text/plain is a "simple" cross-site request, which would let another
  // site post to us with the user's cookie (CSRF). Without its parser such requests get 415.
  app.removeContentTypeParser('text/plain');

  const nats = config.natsUrl ? new NatsPublisher(config.natsUrl, config.natsSubjectPrefix, app.log) : null;
  const dispatcher = new EventDispatcher({
    db: database.db,
    logger: app.log,
    nats,
    webhookTimeoutMs: config.webhookTimeoutMs,
    ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
  });
  app.decorate('platform', { db: database.db, afterCommit: () => dispatcher.kick() });
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('idempotency', null);

  const routeCatalog: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    assertAccessDeclared(route);
    for (const method of [route.method].flat()) {
      routeCatalog.push({ method, url: route.url, access: (route.config as { access?: unknown } | undefined)?.access });
    }
  });
  const metrics = registerMetrics(app, () => dispatcher.pendingCount());

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SCO Trade Hub API',
        version: API_VERSION,
        description:
          'One API for the logistics, trade, investment and exchange centres of the China–SCO demonstration zone. ' +
          'Errors are RFC 9457 problem documents; send Accept-Language (zh-CN, en, ru) for their wording. ' +
          'Systems authenticate with `Authorization: Bearer <API key>`; POST requests honour `Idempotency-Key`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'scohub_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const authenticate = accountsModule.authenticator(database.db, config);
  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
    request.principal = await authenticate(request);
    if (request.principal && !negotiateLocale(request.headers['accept-language'])) {
      request.locale = request.principal.locale;
    }
    checkAccess(request.routeOptions.config.access, request.principal);
  });
  app.addHook('preHandler', async (request, reply) => idempotencyPreHandler(database.db, request, reply));

  app.setErrorHandler((error, request, reply) => {
    const domainError = toDomainError(error, config.bodyLimitBytes);
    if (domainError.status >= 500) request.log.error({ err: error }, 'request failed');
    app.countProblem(domainError.code);
    return sendProblem(request, reply, domainError);
  });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/metrics');
    if (!isApi && request.method === 'GET' && hasWebClient(config.webDistDir)) {
      // Client-side routes (e.g. /logistics) are served the app shell; the client routes them.
      return reply.type('text/html').sendFile('index.html');
    }
    app.countProblem('route_not_found');
    return sendProblem(request, reply, new DomainError('route_not_found', 404));
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and dependencies',
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            demo: z.boolean().describe('The demo dataset is enabled (the sign-in page may show the demo logins)'),
            database: z.object({ kind: z.enum(['pglite', 'postgres']), status: z.enum(['up', 'down']) }),
            eventBus: z.object({
              outboxPending: z.number().int(),
              nats: z.enum(['disabled', 'connecting', 'connected', 'disconnected']),
            }),
          }),
        },
      },
    },
    async () => {
      const databaseUp = await database.ping().catch(() => false);
      const pending = databaseUp ? await dispatcher.pendingCount().catch(() => -1) : -1;
      const natsState = dispatcher.natsState;
      const healthy = databaseUp && natsState !== 'disconnected';
      return {
        status: healthy ? ('ok' as const) : ('degraded' as const),
        demo: config.loadDemo,
        database: { kind: database.kind, status: databaseUp ? ('up' as const) : ('down' as const) },
        eventBus: { outboxPending: pending, nats: natsState },
      };
    },
  );
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.metrics();
  });

  await app.register(accountsModule.routes(config), { prefix: '/api' });
  await app.register(registryRoutes, { prefix: '/api' });
  await app.register(referenceModule.routes, { prefix: '/api/reference' });
  await app.register(eventsModule.routes, { prefix: '/api' });
  const trade = createTradeModule(database.db, {
    publicUrl: config.publicUrl,
    onError: (error) => app.log.warn({ err: error.message }, 'rendering release notes failed'),
  });
  const logistics = createLogisticsModule(database.db, {
    publicUrl: config.publicUrl,
    log: app.log,
    documentSources: [trade.releaseNotes, ...(options.documentSources ?? [])],
  });
  for (const subscriber of trade.subscribers) dispatcher.subscribe(subscriber);
  for (const subscriber of logistics.subscribers) dispatcher.subscribe(subscriber);
  await app.register(logistics.routes, { prefix: '/api' });
  await app.register(trade.routes, { prefix: '/api' });
  const ecommerce = createEcommerceModule(database.db, {
    consumerIdKey: config.consumerIdKey,
    uploadLimitBytes: config.uploadLimitBytes,
  });
  await app.register(ecommerce.routes, { prefix: '/api' });
  const bonded = createBondedModule(database.db);
  await app.register(bonded.routes, { prefix: '/api' });
  // The zone cockpit: aggregates kept from the other modules' events, read by its routes.
  const cockpit = createCockpitModule(database.db);
  for (const subscriber of cockpit.subscribers) dispatcher.subscribe(subscriber);
  await app.register(cockpit.routes, { prefix: '/api' });
  // Public credit grades from the other modules' events; the trade centre's subscriber reads them back.
  const credit = createCreditModule(database.db);
  for (const subscriber of credit.subscribers) dispatcher.subscribe(subscriber);
  await app.register(credit.routes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });

  if (hasWebClient(config.webDistDir)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: 'index.html' });
  }

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Housekeeping: forget idempotency keys past their window. Hourly is plenty; the table is
  // keyed so stale rows cost space, never correctness.
  let housekeeping: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    if (options.startDispatcher === false) return;
    dispatcher.start();
    // Bills issued just before a restart (or by the demo seed) get their fingerprint now.
    logistics.documents.kick();
    trade.releaseNotes.kick();
    housekeeping = setInterval(() => {
      Promise.all([
        purgeExpiredIdempotencyRecords(database.db),
        logistics.extendTimetables(new Date()),
        bonded.housekeeping(new Date()),
        cockpit.housekeeping(new Date()),
      ])
        .then(() => logistics.planner.markDirty())
        .catch((error: unknown) => app.log.warn({ err: (error as Error).message }, 'housekeeping failed'));
    }, HOUSEKEEPING_INTERVAL_MS);
    housekeeping.unref();
  });
  app.addHook('onClose', async () => {
    if (housekeeping) clearInterval(housekeeping);
    await logistics.documents.idle();
    await trade.releaseNotes.idle();
    await dispatcher.stop();
    await nats?.close();
  });

  return Object.assign(app, { dispatcher, routeCatalog }) as unknown as App;
}

function hasWebClient(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}
