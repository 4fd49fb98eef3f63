/**
 * Gate passes (核放单): the physical passage of one vehicle through the zone gate, carrying the goods
 * of one or more verification lists (customs.md §5: a vehicle may carry several lists, and a list
 * may span several vehicles). The list posts the quantities; the gate pass records that the goods
 * actually crossed, so an inbound pass carries only lists that bring goods in, an outbound one only
 * lists that take them out.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { validateContainerNumber } from '../../lib/identifiers/index.js';
import { type Queryable, queryRows, type Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { DomainError, type FieldIssue, invalidFields, notFound } from '../../platform/http/problem.js';
import type { ListKind } from './schema.js';

const PAGE_MAX = 500;

/** Which way the goods of each kind of list cross the gate; kinds that do not cross have none. */
const DIRECTION: Partial<Record<ListKind, 'in' | 'out'>> = {
  first_line_entry: 'in',
  second_line_entry: 'in',
  transfer_in: 'in',
  first_line_exit: 'out',
  second_line_exit: 'out',
  transfer_out: 'out',
};

export interface GatePassInput {
  direction: 'in' | 'out';
  vehiclePlate: string;
  containers: string[];
  listIds: string[];
}

export interface GatePassView {
  id: string;
  number: string;
  direction: 'in' | 'out';
  vehiclePlate: string;
  containers: string[];
  status: 'issued' | 'passed';
  passedAt: string | null;
  lists: { id: string; number: string; kind: string }[];
  createdAt: string;
}

export async function issueGatePass(tx: Tx, principal: Principal, input: GatePassInput): Promise<GatePassView> {
  const issues: FieldIssue[] = [];
  input.containers.forEach((container, index) => {
    if (!validateContainerNumber(container).ok) issues.push({ field: `body.containers.${index}`, code: 'check_digit' });
  });
  const found = await queryRows<{ id: string; number: string; kind: ListKind; status: string; enterprise_id: string }>(
    tx,
    sql`SELECT id, number, kind, status, enterprise_id FROM bonded_lists WHERE id = ANY(${sql.param(input.listIds)}::uuid[])`,
  );
  const byId = new Map(found.map((l) => [l.id, l]));
  input.listIds.forEach((id, index) => {
    const list = byId.get(id);
    if (!list || list.enterprise_id !== principal.enterpriseId)
      issues.push({ field: `body.listIds.${index}`, code: 'unknown_reference' });
    else if (list.status !== 'posted') issues.push({ field: `body.listIds.${index}`, code: 'not_posted' });
    else if (DIRECTION[list.kind] !== input.direction)
      issues.push({ field: `body.listIds.${index}`, code: 'direction_mismatch' });
  });
  if (issues.length > 0) throw invalidFields(issues);
  const id = randomUUID();
  const [serial] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int + 1 AS n FROM bonded_gate_passes`);
  const number = `HF${new Date().getUTCFullYear()}${String(serial!.n).padStart(8, '0')}-${id.slice(0, 4).toUpperCase()}`;
  await tx.execute(
    sql`INSERT INTO bonded_gate_passes (id, number, enterprise_id, direction, vehicle_plate, containers, status)
        VALUES (${id}, ${number}, ${principal.enterpriseId}, ${input.direction}, ${input.vehiclePlate},
                ${JSON.stringify(input.containers)}::jsonb, 'issued')`,
  );
  await tx.execute(
    sql`INSERT INTO bonded_gate_pass_lists (gate_pass_id, list_id)
        SELECT ${id}, unnest(${sql.param([...new Set(input.listIds)])}::uuid[])`,
  );
  return (await gatePassesWhere(tx, sql`g.id = ${id}`))[0]!;
}

async function gatePassesWhere(db: Queryable, where: ReturnType<typeof sql>): Promise<GatePassView[]> {
  const rows = await queryRows<{
    id: string;
    number: string;
    direction: 'in' | 'out';
    vehicle_plate: string;
    containers: string[];
    status: 'issued' | 'passed';
    passed_at: Date | string | null;
    created_at: Date | string;
    lists: { id: string; number: string; kind: string }[] | null;
  }>(
    db,
    sql`SELECT g.id, g.number, g.direction, g.vehicle_plate, g.containers, g.status, g.passed_at, g.created_at,
               (SELECT json_agg(json_build_object('id', l.id, 'number', l.number, 'kind', l.kind) ORDER BY l.number)
                FROM bonded_gate_pass_lists gl JOIN bonded_lists l ON l.id = gl.list_id WHERE gl.gate_pass_id = g.id) AS lists
        FROM bonded_gate_passes g WHERE ${where} ORDER BY g.created_at DESC LIMIT ${PAGE_MAX}`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    direction: r.direction,
    vehiclePlate: r.vehicle_plate,
    containers: r.containers,
    status: r.status,
    passedAt: r.passed_at ? new Date(r.passed_at).toISOString() : null,
    lists: r.lists ?? [],
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function listGatePasses(db: Queryable, principal: Principal): Promise<GatePassView[]> {
  return gatePassesWhere(
    db,
    principal.authorityId !== null ? sql`true` : sql`g.enterprise_id = ${principal.enterpriseId ?? randomUUID()}`,
  );
}

/** Customs records that the vehicle crossed the gate; a pass crosses once. */
export async function passGate(tx: Tx, id: string, now: Date): Promise<GatePassView> {
  const [row] = await queryRows<{ status: string }>(
    tx,
    sql`SELECT status FROM bonded_gate_passes WHERE id = ${id} FOR UPDATE`,
  );
  if (!row) throw notFound('gate_pass');
  if (row.status !== 'issued') throw new DomainError('gate_pass_state', 409);
  await tx.execute(
    sql`UPDATE bonded_gate_passes SET status = 'passed', passed_at = ${now.toISOString()} WHERE id = ${id}`,
  );
  return (await gatePassesWhere(tx, sql`g.id = ${id}`))[0]!;
}

export async function gatePassEnterprise(db: Queryable, id: string): Promise<string | null> {
  const [row] = await queryRows<{ enterprise_id: string }>(
    db,
    sql`SELECT enterprise_id FROM bonded_gate_passes WHERE id = ${id}`,
  );
  return row?.enterprise_id ?? null;
}
