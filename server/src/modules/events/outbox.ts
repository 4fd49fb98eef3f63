import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/client.js';
import { outboxEvents } from './schema.js';

/** What receivers get: in-process subscribers, webhook bodies and NATS messages alike. */
export interface EventEnvelope {
  /** Unique per event; receivers de-duplicate on it because delivery is at-least-once. */
  id: string;
  /** `<module>.<event>`, e.g. `accounts.user_created`. */
  type: string;
  module: string;
  enterpriseId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface NewEvent {
  module: string;
  /** snake_case event name inside the module, e.g. `user_created`. */
  event: string;
  enterpriseId: string | null;
  payload: Record<string, unknown>;
}

const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
const PAYLOAD_BYTES_MAX = 64 * 1024;
const OUTBOX_INSERT_ROWS_MAX = 5_000;

/**
 * Writes an event into the outbox. Call it with the transaction that makes the state change:
 * that is the whole guarantee (commit ⇒ event exists; rollback ⇒ it never did).
 */
export async function emitEvent(tx: Queryable, event: NewEvent): Promise<string> {
  const [eventId] = await emitEvents(tx, [event]);
  return eventId!;
}

/** Many events in one INSERT (a tracking batch emits hundreds); same rules as emitEvent. */
export async function emitEvents(tx: Queryable, events: readonly NewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => {
    if (!NAME_PATTERN.test(event.module) || !NAME_PATTERN.test(event.event)) {
      throw new Error(`event names must be snake_case: ${event.module}.${event.event}`);
    }
    const size = Buffer.byteLength(JSON.stringify(event.payload));
    if (size > PAYLOAD_BYTES_MAX) throw new Error(`event payload of ${size} bytes exceeds ${PAYLOAD_BYTES_MAX}`);
    return {
      eventId: randomUUID(),
      module: event.module,
      type: `${event.module}.${event.event}`,
      enterpriseId: event.enterpriseId,
      payload: event.payload,
    };
  });
  // Bounded statements: PostgreSQL allows 65,535 parameters and each row takes five.
  for (let index = 0; index < rows.length; index += OUTBOX_INSERT_ROWS_MAX) {
    await tx.insert(outboxEvents).values(rows.slice(index, index + OUTBOX_INSERT_ROWS_MAX));
  }
  return rows.map((r) => r.eventId);
}

/** `*` matches everything, `logistics.*` a whole module, anything else one event type exactly. */
export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}
