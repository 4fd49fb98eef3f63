// Shared by the logistics API tests: plan, pick, book and inspect over the real HTTP surface.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../platform/db/client.js';
import type { TestApp } from '../../test/harness.js';

export const PARTIES = {
  shipper: { name: 'Qingdao Silk Road Trading Co.', address: '88 Jiaozhou Bay Rd, Jiaozhou', country: 'CN' },
  consignee: { name: 'OOO Vostok Import', address: 'Leninsky pr. 10, Moscow', country: 'RU' },
};
export const CARGO_LINES = [
  { hsCode: '8418102000', description: 'Household refrigerators', packages: 120, grossWeightKg: 9800 },
];

export interface LegView {
  departureId: string | null;
  from: string;
  to: string;
  mode: string;
}
export interface ItineraryView {
  legs: LegView[];
  cost: { amount: string };
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

export async function plan(t: TestApp, cookie: string, search: Record<string, unknown>): Promise<ItineraryView[]> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/logistics/routes/search',
    headers: { cookie },
    payload: search,
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as { itineraries: ItineraryView[] }).itineraries;
}

export function cheapestRail(itineraries: ItineraryView[]): ItineraryView {
  const rail = itineraries.filter((i) => i.legs.every((l) => l.mode === 'rail' || l.mode === 'drayage'));
  rail.sort((a, b) => Number(a.cost.amount) - Number(b.cost.amount));
  const chosen = rail[0];
  if (!chosen) throw new Error('no rail itinerary');
  return chosen;
}

export function book(
  t: TestApp,
  cookie: string,
  search: Record<string, unknown>,
  itinerary: ItineraryView,
  extra: Record<string, unknown> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/logistics/shipments',
    headers: { cookie },
    payload: {
      search,
      legs: itinerary.legs.map((l) => ({ departureId: l.departureId, from: l.from, to: l.to })),
      parties: PARTIES,
      cargoLines: CARGO_LINES,
      ...extra,
    },
  });
}

export async function remaining(t: TestApp, departureId: string): Promise<number[]> {
  const [row] = await queryRows<{ capacity_remaining: number[] }>(
    t.database.db,
    sql`select capacity_remaining from logistics_departures where id = ${departureId}`,
  );
  return row!.capacity_remaining;
}

export async function count(t: TestApp, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return row!.n;
}
