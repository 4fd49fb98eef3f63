import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBlNumber } from '../../lib/identifiers/index.js';
import { queryRows } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { reconcileCapacity } from './shipments.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ demoShipments: true });
});
afterAll(async () => t?.close());

describe('demo shipments', () => {
  it('cover every state a forwarder sees, with valid bills and reconciled capacity', async () => {
    const rows = await queryRows<{ status: string; at_risk: boolean; bl_number: string }>(
      t.database.db,
      sql`select status, at_risk, bl_number from logistics_shipments`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(24);
    const states = new Set(rows.map((r) => r.status));
    for (const state of ['booked', 'in_transit', 'at_border', 'delivered']) expect(states).toContain(state);
    expect(rows.some((r) => r.at_risk)).toBe(true);
    for (const row of rows) expect(validateBlNumber(row.bl_number)).toEqual({ ok: true });
    expect(await reconcileCapacity(t.database.db)).toEqual([]);
  });

  it('shows a shipment under way with its timeline to its owner', async () => {
    const cookie = await t.login('forwarder@demo');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/logistics/shipments?status=in_transit',
      headers: { cookie },
    });
    const [first] = list.json().items;
    expect(first).toBeTruthy();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/logistics/shipments/${first.id}`, headers: { cookie } })
    ).json();
    expect(detail.legs.some((l: { actualDeparture: string | null }) => l.actualDeparture !== null)).toBe(true);
    expect(detail.position).not.toBeNull();
    const events = (
      await t.app.inject({ method: 'GET', url: `/api/logistics/shipments/${first.id}/events`, headers: { cookie } })
    ).json();
    expect(events.items.length).toBeGreaterThan(1);
  });
});
