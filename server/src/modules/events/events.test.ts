import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../platform/db/client.js';
import { openTestDatabase } from '../../test/harness.js';
import { natsAvailable, TEST_NATS_URL, ToggleProxy } from '../../test/services.js';
import { backoffMs, EventDispatcher } from './dispatcher.js';
import { NatsPublisher } from './nats.js';
import { type EventEnvelope, emitEvent, matchesPattern } from './outbox.js';
import { eventDeliveries, outboxEvents, webhooks } from './schema.js';
import { signWebhook, verifyWebhookSignature } from './signing.js';

const quiet = { info() {}, warn() {}, error() {} };
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());
afterEach(async () => {
  // Each test starts from an empty outbox so counts are exact.
  await database.db.delete(eventDeliveries);
  await database.db.delete(outboxEvents);
  await database.db.delete(webhooks);
});

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback that records what arrives and can be told to fail. */
async function startReceiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      response.statusCode = status();
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    ids: () => received.map((r) => (JSON.parse(r.body) as EventEnvelope).id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function addWebhook(url: string, owner: { enterpriseId?: string; authorityId?: string }, eventTypes = ['*']) {
  const id = randomUUID();
  const secret = `whsec_${randomBytes(8).toString('hex')}`;
  await database.db.insert(webhooks).values({
    id,
    enterpriseId: owner.enterpriseId ?? null,
    authorityId: owner.authorityId ?? null,
    createdBy: randomUUID(),
    url,
    secret,
    eventTypes,
  });
  return { id, secret };
}

async function emitMany(count: number, enterpriseId: string | null) {
  const ids: string[] = [];
  await database.db.transaction(async (tx) => {
    for (let index = 0; index < count; index += 1) {
      ids.push(await emitEvent(tx, { module: 'test', event: 'thing_happened', enterpriseId, payload: { index } }));
    }
  });
  return ids;
}

async function deliveryStates() {
  return queryRows<{ status: string; n: number }>(
    database.db,
    sql`SELECT status, count(*)::int AS n FROM event_deliveries GROUP BY status ORDER BY status`,
  );
}

/** Steps the dispatcher until nothing is pending, pulling retries forward instead of sleeping. */
async function drain(dispatcher: EventDispatcher, rounds = 50) {
  for (let round = 0; round < rounds; round += 1) {
    await dispatcher.runOnce();
    if ((await dispatcher.pendingCount()) === 0) return;
    await database.db.execute(sql`UPDATE event_deliveries SET next_attempt_at = now() WHERE status = 'pending'`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`still pending after ${rounds} rounds: ${JSON.stringify(await deliveryStates())}`);
}

describe('outbox', () => {
  it('keeps an event only when its transaction commits', async () => {
    // Proves the outbox guarantee: rollback ⇒ no event, commit ⇒ exactly the event written.
    await database.db
      .transaction(async (tx) => {
        await emitEvent(tx, { module: 'test', event: 'rolled_back', enterpriseId: null, payload: {} });
        throw new Error('abort');
      })
      .catch(() => {});
    const [id] = await emitMany(1, null);
    const rows = await database.db.select().from(outboxEvents);
    expect(rows.map((r) => [r.eventId, r.type])).toEqual([[id, 'test.thing_happened']]);
  });

  it('refuses badly named events and oversized payloads', async () => {
    // Proves event names stay valid NATS subject tokens and payloads stay bounded.
    await expect(
      emitEvent(database.db, { module: 'Test', event: 'x', enterpriseId: null, payload: {} }),
    ).rejects.toThrow(/snake_case/);
    await expect(
      emitEvent(database.db, {
        module: 'test',
        event: 'big',
        enterpriseId: null,
        payload: { blob: 'x'.repeat(70_000) },
      }),
    ).rejects.toThrow(/exceeds/);
  });

  it('matches subscription patterns', () => {
    // Proves the three pattern forms: everything, a module, one event type.
    expect(matchesPattern('*', 'logistics.booked')).toBe(true);
    expect(matchesPattern('logistics.*', 'logistics.booked')).toBe(true);
    expect(matchesPattern('logistics.*', 'logisticsx.booked')).toBe(false);
    expect(matchesPattern('logistics.booked', 'logistics.booked')).toBe(true);
    expect(matchesPattern('logistics.booked', 'logistics.cancelled')).toBe(false);
  });

  it('backs off exponentially within bounds', () => {
    // Proves retry delays grow with attempts and stay between 1 s and 15 min.
    expect(backoffMs(1, () => 1)).toBe(2_000);
    expect(backoffMs(5, () => 1)).toBe(32_000);
    expect(backoffMs(30, () => 1)).toBe(15 * 60 * 1000);
    expect(backoffMs(3, () => 0)).toBe(1_000);
  });
});

describe('in-process subscribers', () => {
  it('deliver at least once and retry a failing handler', async () => {
    // Proves a subscriber that throws is retried until it succeeds, and sees every event.
    const dispatcher = new EventDispatcher({ db: database.db, logger: quiet, nats: null, webhookTimeoutMs: 1000 });
    const seen: string[] = [];
    let failuresLeft = 2;
    dispatcher.subscribe({
      name: 'flaky',
      pattern: 'test.*',
      async handle(event) {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('temporary');
        }
        seen.push(event.id);
      },
    });
    const ids = await emitMany(3, null);
    await drain(dispatcher);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(await deliveryStates()).toEqual([{ status: 'delivered', n: 3 }]);
  });
});

describe('webhooks', () => {
  it('sign the body and reach only the tenant the event belongs to', async () => {
    // Proves HMAC signatures verify and tenant B's webhook never receives tenant A's events.
    const receiver = await startReceiver();
    const tenantA = randomUUID();
    const tenantB = randomUUID();
    const hookA = await addWebhook(receiver.url, { enterpriseId: tenantA });
    await addWebhook(`${receiver.url}?b`, { enterpriseId: tenantB });
    const hookAuthority = await addWebhook(`${receiver.url}?authority`, { authorityId: randomUUID() }, ['test.*']);
    const dispatcher = new EventDispatcher({ db: database.db, logger: quiet, nats: null, webhookTimeoutMs: 2000 });
    const [eventId] = await emitMany(1, tenantA);
    await drain(dispatcher);
    await receiver.close();
    expect(receiver.received.map((r) => r.url).sort()).toEqual(['/hook', '/hook?authority']);
    const forA = receiver.received.find((r) => r.url === '/hook') as Received;
    const forAuthority = receiver.received.find((r) => r.url === '/hook?authority') as Received;
    const now = Math.floor(Date.now() / 1000);
    expect(forA.headers['x-scohub-event-id']).toBe(eventId);
    const signatureA = String(forA.headers['x-scohub-signature']);
    expect(verifyWebhookSignature(hookA.secret, signatureA, forA.body, now)).toBe(true);
    expect(verifyWebhookSignature(hookAuthority.secret, signatureA, forA.body, now)).toBe(false);
    expect(
      verifyWebhookSignature(
        hookAuthority.secret,
        String(forAuthority.headers['x-scohub-signature']),
        forAuthority.body,
        now,
      ),
    ).toBe(true);
    expect(verifyWebhookSignature(hookA.secret, signatureA, `${forA.body} `, now)).toBe(false);
    expect(verifyWebhookSignature(hookA.secret, signWebhook(hookA.secret, now - 3600, forA.body), forA.body, now)).toBe(
      false,
    );
    expect(JSON.parse(forA.body)).toMatchObject({
      id: eventId,
      type: 'test.thing_happened',
      enterpriseId: tenantA,
      payload: { index: 0 },
    });
  });

  it('retry a failing receiver with back-off and log every attempt', async () => {
    // Proves a 500 answer leaves the delivery pending with the status recorded, then succeeds.
    let answer = 500;
    const receiver = await startReceiver(() => answer);
    const tenant = randomUUID();
    const hook = await addWebhook(receiver.url, { enterpriseId: tenant });
    const dispatcher = new EventDispatcher({ db: database.db, logger: quiet, nats: null, webhookTimeoutMs: 2000 });
    await emitMany(1, tenant);
    await dispatcher.runOnce();
    const [failed] = await database.db.select().from(eventDeliveries).where(eq(eventDeliveries.webhookId, hook.id));
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 500);
    answer = 204;
    await drain(dispatcher);
    const [done] = await database.db.select().from(eventDeliveries).where(eq(eventDeliveries.webhookId, hook.id));
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
    await receiver.close();
  });
});

const natsUp = await natsAvailable();

describe.skipIf(!natsUp)('NATS JetStream and crashes', () => {
  const prefixes: string[] = [];
  afterAll(async () => {
    const connection = await connect({ servers: TEST_NATS_URL });
    const manager = await jetstreamManager(connection);
    for (const prefix of prefixes) {
      await manager.streams.delete(`${prefix.toUpperCase()}_EVENTS`).catch(() => {});
    }
    await connection.close();
  });

  async function streamIds(prefix: string): Promise<string[]> {
    const connection = await connect({ servers: TEST_NATS_URL });
    const manager = await jetstreamManager(connection);
    const stream = `${prefix.toUpperCase()}_EVENTS`;
    const info = await manager.streams.info(stream);
    const ids: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const message = await manager.streams.getMessage(stream, { seq });
      if (message) ids.push((message.json() as EventEnvelope).id);
    }
    await connection.close();
    return ids;
  }

  it('loses nothing when the dispatcher dies between sending and recording', async () => {
    // Proves at-least-once delivery across a crash: every event reaches the webhook (duplicates
    // allowed, de-duplicable by id) and lands in JetStream exactly once thanks to the message id.
    const prefix = `scohubtest_${randomBytes(4).toString('hex')}`;
    prefixes.push(prefix);
    const receiver = await startReceiver();
    const tenant = randomUUID();
    await addWebhook(receiver.url, { enterpriseId: tenant });
    const ids = await emitMany(40, tenant);

    // First worker: sends for real, but "dies" (never records) after every second send.
    let sends = 0;
    const dieSometimes = async () => {
      sends += 1;
      if (sends % 2 === 0) await new Promise(() => {});
    };
    class DyingPublisher extends NatsPublisher {
      override async publish(type: string, eventId: string, body: string) {
        await super.publish(type, eventId, body);
        await dieSometimes();
      }
    }
    const dyingNats = new DyingPublisher(TEST_NATS_URL, prefix, quiet);
    await dyingNats.start();
    const dying = new EventDispatcher({
      db: database.db,
      logger: quiet,
      nats: dyingNats,
      webhookTimeoutMs: 2000,
      leaseMs: 500,
      fetchImpl: async (input, init) => {
        const response = await fetch(input, init);
        await dieSometimes();
        return response;
      },
    });
    void dying.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const midway = await deliveryStates();
    expect(midway.find((s) => s.status === 'pending')?.n ?? 0).toBeGreaterThan(0);

    // The replacement process: its own publisher, the same database; expired leases are retried.
    const nats = new NatsPublisher(TEST_NATS_URL, prefix, quiet);
    await nats.start();
    const survivor = new EventDispatcher({
      db: database.db,
      logger: quiet,
      nats,
      webhookTimeoutMs: 2000,
      leaseMs: 500,
    });
    await drain(survivor);
    await dyingNats.close();
    await nats.close();
    await receiver.close();

    expect(await deliveryStates()).toEqual([{ status: 'delivered', n: 80 }]);
    const webhookIds = receiver.ids();
    expect(new Set(webhookIds)).toEqual(new Set(ids));
    expect(webhookIds.length).toBeGreaterThan(ids.length);
    const inStream = await streamIds(prefix);
    expect(inStream.length).toBe(ids.length);
    expect(new Set(inStream)).toEqual(new Set(ids));
  });

  it('keeps events in the outbox while NATS is down and sends them when it returns', async () => {
    // Proves a NATS outage delays delivery but loses nothing; health shows the state.
    const prefix = `scohubtest_${randomBytes(4).toString('hex')}`;
    prefixes.push(prefix);
    const target = new URL(TEST_NATS_URL);
    const proxy = new ToggleProxy(await ToggleProxy.freePort(), { host: target.hostname, port: Number(target.port) });
    const nats = new NatsPublisher(`nats://127.0.0.1:${proxy.port}`, prefix, quiet);
    await nats.start();
    expect(nats.state).toBe('disconnected');
    const dispatcher = new EventDispatcher({ db: database.db, logger: quiet, nats, webhookTimeoutMs: 1000 });
    const ids = await emitMany(5, null);
    await dispatcher.runOnce();
    expect(await deliveryStates()).toEqual([{ status: 'pending', n: 5 }]);
    expect(await dispatcher.pendingCount()).toBe(5);

    await proxy.up();
    for (let waited = 0; nats.state !== 'connected' && waited < 15_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(nats.state).toBe('connected');
    await drain(dispatcher);
    expect(await deliveryStates()).toEqual([{ status: 'delivered', n: 5 }]);
    expect(new Set(await streamIds(prefix))).toEqual(new Set(ids));
    await nats.close();
    await proxy.down();
  });
});
