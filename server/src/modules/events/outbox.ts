import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';

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
    const json = JSON.stringify(event.payload);
    const size = Buffer.byteLength(json);
    if (size > PAYLOAD_BYTES_MAX) throw new Error(`event payload of ${size} bytes exceeds ${PAYLOAD_BYTES_MAX}`);
    return {
      eventId: randomUUID(),
      module: event.module,
      type: `${event.module}.${event.event}`,
      enterpriseId: event.enterpriseId,
      json,
    };
  });
  // One parameter per column (arrays), not one per value: Drizzle's multi-row INSERT builder spent
  // ~2 ms of CPU on 100 events (a bonded batch of 100 lists committed in 12.4 ms instead of 14.7).
  for (let index = 0; index < rows.length; index += OUTBOX_INSERT_ROWS_MAX) {
    const chunk = rows.slice(index, index + OUTBOX_INSERT_ROWS_MAX);
    const column = <T>(pick: (row: (typeof chunk)[number]) => T) => sql.param(chunk.map(pick));
    await tx.execute(
      sql`INSERT INTO outbox_events (event_id, module, type, enterprise_id, payload)
          SELECT e, m, t, p, j::jsonb
          FROM unnest(${column((r) => r.eventId)}::uuid[], ${column((r) => r.module)}::text[], ${column((r) => r.type)}::text[],
                      ${column((r) => r.enterpriseId)}::uuid[], ${column((r) => r.json)}::text[]) AS u(e, m, t, p, j)`,
    );
  }
  return rows.map((r) => r.eventId);
}

/** `*` matches everything, `logistics.*` a whole module, anything else one event type exactly. */
export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}
