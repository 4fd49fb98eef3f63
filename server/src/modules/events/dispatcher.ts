import { and, count, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import type { NatsPublisher, NatsState } from './nats.js';
import { type EventEnvelope, matchesPattern } from './outbox.js';
import { eventDeliveries, outboxEvents, webhooks } from './schema.js';
import { signWebhook } from './signing.js';

/** An in-process receiver. Its handler must tolerate seeing the same event id twice. */
export interface Subscriber {
  /** Stable name: deliveries are recorded against it, so renaming it re-delivers nothing. */
  name: string;
  pattern: string;
  handle(event: EventEnvelope): Promise<void>;
}

interface Logger {
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export interface DispatcherOptions {
  db: Db;
  logger: Logger;
  nats: NatsPublisher | null;
  webhookTimeoutMs: number;
  pollIntervalMs?: number;
  /** How long a claimed delivery stays invisible to other workers; a crash frees it after this. */
  leaseMs?: number;
  /** Test seam: lets a test kill the worker between claiming and recording a delivery. */
  fetchImpl?: typeof fetch;
}

const FANOUT_BATCH_MAX = 200;
const DELIVERY_BATCH_MAX = 50;
const ATTEMPTS_MAX = 15;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 15 * 60 * 1_000;
const ERROR_TEXT_MAX = 500;

interface ClaimedDelivery {
  id: number;
  target: string;
  webhook_id: string | null;
  attempts: number;
  event_id: string;
  type: string;
  module: string;
  enterprise_id: string | null;
  occurred_at: string | Date;
  payload: Record<string, unknown>;
}

/** A failure that retrying cannot fix (the webhook was deactivated): the delivery is closed at once. */
class PermanentDeliveryError extends Error {}

/** Exponential back-off with full jitter, capped, so a dead receiver costs little. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 20));
  return Math.max(BACKOFF_BASE_MS, Math.floor(ceiling * random()));
}

/**
 * Moves events from the outbox to their receivers, at least once each.
 *
 * Step 1 (fan-out) turns each new event into one delivery row per matching target, in one
 * transaction with marking the event dispatched. Step 2 claims due deliveries with a lease,
 * performs them outside any transaction, and records the outcome. A process that dies between
 * claim and record leaves a lease that expires, and the delivery is tried again: hence
 * at-least-once, and the event id in every message for de-duplication.
 */
export class EventDispatcher {
  private readonly subscribers = new Map<string, Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: DispatcherOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  subscribe(subscriber: Subscriber): void {
    if (this.subscribers.has(subscriber.name)) throw new Error(`subscriber ${subscriber.name} registered twice`);
    this.subscribers.set(subscriber.name, subscriber);
  }

  get natsState(): NatsState {
    return this.options.nats ? this.options.nats.state : 'disabled';
  }

  start(): void {
    if (this.timer) return;
    void this.options.nats?.start();
    this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Asks for a pass soon; called after a commit that wrote events, and by the timer. */
  kick(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.runOnce()
      .then((pass) => {
        // A full fan-out batch means more events are waiting: go again at once instead of
        // waiting for the timer, so a burst (a tracking feed) drains at its own pace.
        if (pass.fannedOut >= FANOUT_BATCH_MAX) this.rerun = true;
      })
      .catch((error: unknown) =>
        this.options.logger.warn({ err: (error as Error).message }, 'event dispatch pass failed'),
      )
      .finally(() => {
        this.running = null;
        if (this.rerun) {
          this.rerun = false;
          this.kick();
        }
      });
  }

  /** One full pass; tests call it directly to step the dispatcher deterministically. */
  async runOnce(): Promise<{ fannedOut: number; attempted: number; delivered: number }> {
    const fannedOut = await this.fanOut();
    let attempted = 0;
    let delivered = 0;
    for (;;) {
      const batch = await this.claimDue();
      if (batch.length === 0) break;
      attempted += batch.length;
      const outcomes = await Promise.all(batch.map((delivery) => this.deliver(delivery)));
      // Successes are recorded in one statement per batch; failures were recorded one by one
      // because each carries its own error and back-off.
      const succeeded = batch.filter((_, index) => outcomes[index]).map((delivery) => Number(delivery.id));
      if (succeeded.length > 0) {
        await this.options.db.execute(sql`
          UPDATE event_deliveries SET status = 'delivered', delivered_at = now(), lease_until = NULL, last_error = NULL
          WHERE id IN (${sql.join(succeeded, sql`, `)})`);
      }
      delivered += succeeded.length;
      if (batch.length < DELIVERY_BATCH_MAX) break;
    }
    return { fannedOut, attempted, delivered };
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.options.db
      .select({ n: count() })
      .from(eventDeliveries)
      .where(eq(eventDeliveries.status, 'pending'));
    const [undispatched] = await this.options.db
      .select({ n: count() })
      .from(outboxEvents)
      .where(sql`${outboxEvents.dispatchedAt} IS NULL`);
    return (row?.n ?? 0) + (undispatched?.n ?? 0);
  }

  private async fanOut(): Promise<number> {
    const { db } = this.options;
    return db.transaction(async (tx) => {
      const rows = await queryRows<{ id: number | string; type: string; enterprise_id: string | null }>(
        tx,
        sql`
        SELECT id, type, enterprise_id FROM outbox_events
        WHERE dispatched_at IS NULL ORDER BY id LIMIT ${FANOUT_BATCH_MAX}
        FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const hooks = await tx
        .select({
          id: webhooks.id,
          enterpriseId: webhooks.enterpriseId,
          authorityId: webhooks.authorityId,
          eventTypes: webhooks.eventTypes,
        })
        .from(webhooks)
        .where(and(eq(webhooks.active, true)));
      const deliveries: { outboxId: number; target: string; webhookId: string | null }[] = [];
      for (const row of rows) {
        const outboxId = Number(row.id);
        for (const subscriber of this.subscribers.values()) {
          if (matchesPattern(subscriber.pattern, row.type)) {
            deliveries.push({ outboxId, target: `subscriber:${subscriber.name}`, webhookId: null });
          }
        }
        for (const hook of hooks) {
          // Tenants only ever receive their own events; authorities receive the zone's.
          const visible =
            hook.authorityId !== null || (hook.enterpriseId !== null && hook.enterpriseId === row.enterprise_id);
          if (visible && hook.eventTypes.some((pattern) => matchesPattern(pattern, row.type))) {
            deliveries.push({ outboxId, target: `webhook:${hook.id}`, webhookId: hook.id });
          }
        }
        if (this.options.nats) deliveries.push({ outboxId, target: 'nats', webhookId: null });
      }
      if (deliveries.length > 0) await tx.insert(eventDeliveries).values(deliveries).onConflictDoNothing();
      const ids = rows.map((row) => Number(row.id));
      await tx.execute(sql`UPDATE outbox_events SET dispatched_at = now() WHERE id IN (${sql.join(ids, sql`, `)})`);
      return rows.length;
    });
  }

  private async claimDue(): Promise<ClaimedDelivery[]> {
    const rows = await queryRows<ClaimedDelivery>(
      this.options.db,
      sql`
      WITH due AS (
        SELECT id FROM event_deliveries
        WHERE status = 'pending' AND next_attempt_at <= now()
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY id LIMIT ${DELIVERY_BATCH_MAX}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE event_deliveries d
      SET lease_until = now() + make_interval(secs => ${this.leaseMs / 1000}), attempts = d.attempts + 1
      FROM due, outbox_events e
      WHERE d.id = due.id AND e.id = d.outbox_id
      RETURNING d.id, d.target, d.webhook_id, d.attempts, e.event_id, e.type, e.module, e.enterprise_id,
        e.occurred_at, e.payload`,
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  private envelope(delivery: ClaimedDelivery): EventEnvelope {
    return {
      id: delivery.event_id,
      type: delivery.type,
      module: delivery.module,
      enterpriseId: delivery.enterprise_id,
      occurredAt: new Date(delivery.occurred_at).toISOString(),
      payload: delivery.payload,
    };
  }

  private async deliver(delivery: ClaimedDelivery): Promise<boolean> {
    const event = this.envelope(delivery);
    let statusCode: number | null = null;
    try {
      if (delivery.target === 'nats') {
        if (!this.options.nats) throw new Error('NATS is not configured');
        await this.options.nats.publish(event.type, event.id, JSON.stringify(event));
      } else if (delivery.target.startsWith('subscriber:')) {
        const subscriber = this.subscribers.get(delivery.target.slice('subscriber:'.length));
        if (!subscriber) throw new Error(`no subscriber ${delivery.target}`);
        await subscriber.handle(event);
      } else if (delivery.webhook_id) {
        statusCode = await this.postWebhook(delivery.webhook_id, event);
      }
      if (statusCode !== null) {
        await this.options.db.execute(
          sql`UPDATE event_deliveries SET last_status_code = ${statusCode} WHERE id = ${delivery.id}`,
        );
      }
      return true;
    } catch (error) {
      const failure = error as Error & { statusCode?: number };
      const message = (failure.message || String(error)).slice(0, ERROR_TEXT_MAX);
      const dead = delivery.attempts >= ATTEMPTS_MAX || error instanceof PermanentDeliveryError;
      const delayMs = backoffMs(delivery.attempts);
      await this.options.db.execute(sql`
        UPDATE event_deliveries SET status = ${dead ? 'dead' : 'pending'}, lease_until = NULL,
          last_error = ${message}, last_status_code = ${failure.statusCode ?? null},
          next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
        WHERE id = ${delivery.id}`);
      if (dead)
        this.options.logger.error({ deliveryId: delivery.id, target: delivery.target }, 'event delivery gave up');
      return false;
    }
  }

  private async postWebhook(webhookId: string, event: EventEnvelope): Promise<number> {
    const [hook] = await this.options.db
      .select({ url: webhooks.url, secret: webhooks.secret, active: webhooks.active })
      .from(webhooks)
      .where(eq(webhooks.id, webhookId));
    if (!hook?.active) throw new PermanentDeliveryError('webhook is no longer active');
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await this.fetchImpl(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'scohub-webhooks/1',
        'x-scohub-event-id': event.id,
        'x-scohub-event-type': event.type,
        'x-scohub-signature': signWebhook(hook.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(this.options.webhookTimeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel().catch(() => {});
    if (response.status < 200 || response.status >= 300) {
      throw Object.assign(new Error(`webhook answered ${response.status}`), { statusCode: response.status });
    }
    return response.status;
  }
}
