/**
 * Public read functions over shipments and departures for the zone cockpit (issue 6): the facts of one
 * shipment its aggregates are built from, the trains run by corridor and direction, and a full
 * recomputation of the shipment figures with GROUP BY for tests and the benchmark. Months are in zone
 * time (UTC+8).
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../platform/db/client.js';
import { borderLocodes } from '../reference/index.js';

export type ShipmentDirection = 'outbound' | 'inbound' | 'transit';

export interface ShipmentFacts {
  id: string;
  /** Month of the planned departure, zone time. */
  month: string;
  /** The mode of the longest trip leg (the main carriage); drayage only if there is no trip. */
  mode: string;
  direction: ShipmentDirection;
  /** TEU booked (0 for air cargo booked in kilograms). */
  teu: number;
  cancelled: boolean;
}

/** Outbound leaves China, inbound arrives there; anything else passes through the network. */
export function shipmentDirection(originLocode: string, destinationLocode: string): ShipmentDirection {
  if (originLocode.startsWith('CN') && !destinationLocode.startsWith('CN')) return 'outbound';
  if (destinationLocode.startsWith('CN') && !originLocode.startsWith('CN')) return 'inbound';
  return 'transit';
}

const MAIN_MODE = sql`coalesce((SELECT l.mode FROM logistics_shipment_legs l WHERE l.shipment_id = s.id
    ORDER BY (l.kind = 'trip') DESC, (l.planned_arrival - l.planned_departure) DESC, l.seq LIMIT 1), 'unknown')`;
const MONTH = sql`to_char(s.planned_departure AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const DIRECTION = sql`CASE WHEN s.origin_locode LIKE 'CN%' AND s.destination_locode NOT LIKE 'CN%' THEN 'outbound'
    WHEN s.destination_locode LIKE 'CN%' AND s.origin_locode NOT LIKE 'CN%' THEN 'inbound' ELSE 'transit' END`;

/** The current facts of a shipment, or null for an unknown id. */
export async function shipmentFacts(db: Queryable, id: string): Promise<ShipmentFacts | null> {
  const [row] = await queryRows<{
    id: string;
    month: string;
    mode: string;
    direction: ShipmentDirection;
    teu: number;
    status: string;
  }>(
    db,
    sql`SELECT s.id, ${MONTH} AS month, ${MAIN_MODE} AS mode, ${DIRECTION} AS direction,
          CASE WHEN s.capacity_unit = 'TEU' THEN s.units ELSE 0 END AS teu, s.status
        FROM logistics_shipments s WHERE s.id = ${id}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    month: row.month,
    mode: row.mode,
    direction: row.direction,
    teu: row.teu,
    cancelled: row.status === 'cancelled',
  };
}

export interface ShipmentFigure {
  month: string;
  mode: string;
  direction: string;
  shipments: number;
  teu: number;
}

/** Shipments (not cancelled) and TEU by month × main mode × direction, from scratch (slow by design). */
export async function recomputeShipmentFigures(db: Queryable): Promise<ShipmentFigure[]> {
  const rows = await queryRows<{ month: string; mode: string; direction: string; n: number; teu: number }>(
    db,
    sql`SELECT ${MONTH} AS month, ${MAIN_MODE} AS mode, ${DIRECTION} AS direction, count(*)::int AS n,
          sum(CASE WHEN s.capacity_unit = 'TEU' THEN s.units ELSE 0 END)::int AS teu
        FROM logistics_shipments s WHERE s.status <> 'cancelled'
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  return rows.map((r) => ({ month: r.month, mode: r.mode, direction: r.direction, shipments: r.n, teu: r.teu }));
}

export interface TrainFigure {
  month: string;
  /**
   * Where the train path leaves (outbound) or enters (inbound) China: the UN/LOCODE of its Chinese border
   * station (e.g. CNALK Alashankou, CNHGS Khorgos) or of its foreign terminal when it runs through.
   */
  corridor: string;
  direction: 'outbound' | 'inbound';
  trains: number;
}

/**
 * Rail departures that have left (departure time before `now`, not cancelled) in the months
 * [fromMonth, toMonth], by corridor and direction. A China–Europe / Central-Asia block train runs on the
 * Chinese network to the border and continues on a foreign-gauge service: only the Chinese side is counted,
 * so a train is counted once. Departures are the timetable (services × days, a few thousand rows a year),
 * read through their departure-time index, so no aggregate is kept for them.
 */
export async function trainsRun(db: Queryable, fromMonth: string, toMonth: string, now: Date): Promise<TrainFigure[]> {
  const borders = sql.param([...(await borderLocodes(db))]);
  const rows = await queryRows<{ month: string; corridor: string; direction: 'outbound' | 'inbound'; n: number }>(
    db,
    sql`WITH ends AS (
          SELECT s.id,
            (SELECT c.locode FROM logistics_service_calls c WHERE c.service_id = s.id ORDER BY c.seq LIMIT 1) AS first_call,
            (SELECT c.locode FROM logistics_service_calls c WHERE c.service_id = s.id ORDER BY c.seq DESC LIMIT 1) AS last_call
          FROM logistics_services s WHERE s.mode = 'rail'),
        paths AS (
          SELECT id,
            CASE WHEN first_call LIKE 'CN%' AND first_call <> ALL(${borders}::text[])
                      AND (last_call NOT LIKE 'CN%' OR last_call = ANY(${borders}::text[])) THEN 'outbound'
                 WHEN last_call LIKE 'CN%' AND last_call <> ALL(${borders}::text[])
                      AND (first_call NOT LIKE 'CN%' OR first_call = ANY(${borders}::text[])) THEN 'inbound' END AS direction,
            first_call, last_call
          FROM ends)
        SELECT to_char(d.departs_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
          CASE WHEN p.direction = 'outbound' THEN p.last_call ELSE p.first_call END AS corridor,
          p.direction, count(*)::int AS n
        FROM logistics_departures d JOIN paths p ON p.id = d.service_id
        WHERE p.direction IS NOT NULL AND d.status = 'scheduled' AND d.departs_at < ${now.toISOString()}
          AND d.departs_at >= (${`${fromMonth}-01`}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND d.departs_at < ((${`${toMonth}-01`}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  );
  return rows.map((r) => ({ month: r.month, corridor: r.corridor, direction: r.direction, trains: r.n }));
}
