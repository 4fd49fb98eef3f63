/**
 * A shipment's progress (per-leg actual and estimated times, status, ETA, risk, position) as a pure
 * function of its planned legs and the set of tracking events attached to it. Because the answer
 * depends on the set and not on the order events arrived in, out-of-order and repeated delivery
 * cannot corrupt it: ingestion just recomputes. No I/O here.
 */

export type ShipmentStatus = 'booked' | 'in_transit' | 'at_border' | 'delivered' | 'cancelled';
export type TrackingEventType = 'EQUIPMENT' | 'TRANSPORT' | 'BORDER' | 'CUSTOMS';
export type EventClassifier = 'ACT' | 'EST' | 'PLN';

/** DCSA equipment and transport event codes, plus the platform's border and customs milestones. */
export const EVENT_CODES: Record<TrackingEventType, readonly string[]> = {
  EQUIPMENT: ['GTIN', 'LOAD', 'DISC', 'GTOT'],
  TRANSPORT: ['DEPA', 'ARRI'],
  BORDER: ['CRSS', 'HOLD'],
  CUSTOMS: ['RELS', 'HOLD', 'INSP'],
};

export interface PlannedLeg {
  seq: number;
  kind: 'trip' | 'transfer';
  fromLocode: string;
  toLocode: string;
  serviceCode: string | null;
  plannedDepartureMs: number;
  plannedArrivalMs: number;
}

export interface TrackingFact {
  eventId: string;
  eventType: TrackingEventType;
  classifier: EventClassifier;
  code: string;
  eventAtMs: number;
  locode: string;
  serviceCode: string | null;
  receivedAtMs: number;
}

export interface LegProgress {
  seq: number;
  estimatedDepartureMs: number;
  estimatedArrivalMs: number;
  actualDepartureMs: number | null;
  actualArrivalMs: number | null;
}

export interface ShipmentRisk {
  code: 'connection_missed' | 'held';
  locode: string;
  legSeq: number;
}

export interface ShipmentProgress {
  status: Exclude<ShipmentStatus, 'cancelled'>;
  legs: LegProgress[];
  /** Estimated arrival at the destination; null when a missed connection makes it unknown. */
  etaMs: number | null;
  risk: ShipmentRisk | null;
  position: { locode: string; atMs: number } | null;
}

export interface ProgressOptions {
  /** Minimum time between arriving on one vehicle and leaving on the next scheduled one. */
  minConnectionMinutes: number;
  /** Border stations: arriving at one, or a BORDER event, puts the shipment "at the border". */
  borderLocodes: ReadonlySet<string>;
}

const DEPARTURE_CODES = new Set(['DEPA']);
const ARRIVAL_CODES = new Set(['ARRI']);
/** Drayage has no transport call: a truck leaving/entering a terminal gate is its departure/arrival. */
const TRANSFER_DEPARTURE_CODES = new Set(['DEPA', 'GTOT']);
const TRANSFER_ARRIVAL_CODES = new Set(['ARRI', 'GTIN']);

/** Later eventAt wins; among equal times the later received, then the larger id, so the order is total. */
function newer(a: TrackingFact, b: TrackingFact): boolean {
  if (a.eventAtMs !== b.eventAtMs) return a.eventAtMs > b.eventAtMs;
  if (a.receivedAtMs !== b.receivedAtMs) return a.receivedAtMs > b.receivedAtMs;
  return a.eventId > b.eventId;
}

/** For estimates the latest *sent* one counts: a carrier revising an ETA earlier must win. */
function newerEstimate(a: TrackingFact, b: TrackingFact): boolean {
  if (a.receivedAtMs !== b.receivedAtMs) return a.receivedAtMs > b.receivedAtMs;
  return a.eventId > b.eventId;
}

/**
 * Which leg an event at `locode` belongs to: the leg starting (departure side) or ending (arrival
 * side) there, preferring the event's service, then the planned time nearest the event.
 */
function matchLeg(legs: readonly PlannedLeg[], fact: TrackingFact, side: 'from' | 'to'): PlannedLeg | null {
  let best: PlannedLeg | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const leg of legs) {
    if ((side === 'from' ? leg.fromLocode : leg.toLocode) !== fact.locode) continue;
    const planned = side === 'from' ? leg.plannedDepartureMs : leg.plannedArrivalMs;
    const serviceMismatch =
      fact.serviceCode !== null && leg.serviceCode !== null && fact.serviceCode !== leg.serviceCode;
    const score = Math.abs(planned - fact.eventAtMs) + (serviceMismatch ? 1e15 : 0);
    if (score < bestScore) {
      best = leg;
      bestScore = score;
    }
  }
  return best;
}

export function deriveProgress(
  legs: readonly PlannedLeg[],
  facts: readonly TrackingFact[],
  options: ProgressOptions,
): ShipmentProgress {
  if (legs.length === 0) throw new Error('a shipment has at least one leg');
  const actualDeparture = new Map<number, number>();
  const actualArrival = new Map<number, number>();
  const estimatedDeparture = new Map<number, TrackingFact>();
  const estimatedArrival = new Map<number, TrackingFact>();
  let latestActual: TrackingFact | null = null;
  // Customs acts on the goods where they stand: a release at the origin does not put them in transit.
  let latestMovement: TrackingFact | null = null;
  let hold: TrackingFact | null = null;
  let release: TrackingFact | null = null;

  for (const fact of facts) {
    if (fact.classifier === 'PLN') continue;
    if (fact.classifier === 'ACT') {
      if (latestActual === null || newer(fact, latestActual)) latestActual = fact;
      if (fact.eventType !== 'CUSTOMS' && (latestMovement === null || newer(fact, latestMovement)))
        latestMovement = fact;
      if (fact.code === 'HOLD' && (hold === null || newer(fact, hold))) hold = fact;
      if (fact.code === 'RELS' && (release === null || newer(fact, release))) release = fact;
    }
    const departureLeg = matchLeg(legs, fact, 'from');
    if (departureLeg) {
      const codes = departureLeg.kind === 'transfer' ? TRANSFER_DEPARTURE_CODES : DEPARTURE_CODES;
      if (codes.has(fact.code)) {
        if (fact.classifier === 'ACT') {
          const seen = actualDeparture.get(departureLeg.seq);
          if (seen === undefined || fact.eventAtMs < seen) actualDeparture.set(departureLeg.seq, fact.eventAtMs);
        } else {
          const seen = estimatedDeparture.get(departureLeg.seq);
          if (seen === undefined || newerEstimate(fact, seen)) estimatedDeparture.set(departureLeg.seq, fact);
        }
      }
    }
    const arrivalLeg = matchLeg(legs, fact, 'to');
    if (arrivalLeg) {
      const codes = arrivalLeg.kind === 'transfer' ? TRANSFER_ARRIVAL_CODES : ARRIVAL_CODES;
      if (codes.has(fact.code)) {
        if (fact.classifier === 'ACT') {
          const seen = actualArrival.get(arrivalLeg.seq);
          if (seen === undefined || fact.eventAtMs < seen) actualArrival.set(arrivalLeg.seq, fact.eventAtMs);
        } else {
          const seen = estimatedArrival.get(arrivalLeg.seq);
          if (seen === undefined || newerEstimate(fact, seen)) estimatedArrival.set(arrivalLeg.seq, fact);
        }
      }
    }
  }

  // Walk the legs in order, carrying the estimated arrival forward. A scheduled vehicle does not
  // wait: if the cargo cannot be there a connection time before it leaves, the connection is lost.
  const connectionMs = options.minConnectionMinutes * 60_000;
  const progress: LegProgress[] = [];
  let previousArrivalMs: number | null = null;
  let risk: ShipmentRisk | null = null;
  for (const leg of legs) {
    const actualDep = actualDeparture.get(leg.seq) ?? null;
    const actualArr = actualArrival.get(leg.seq) ?? null;
    let departureMs = actualDep ?? estimatedDeparture.get(leg.seq)?.eventAtMs ?? leg.plannedDepartureMs;
    if (actualDep === null && previousArrivalMs !== null) {
      if (leg.kind === 'transfer') {
        departureMs = Math.max(departureMs, previousArrivalMs);
      } else if (previousArrivalMs + connectionMs > departureMs && risk === null) {
        risk = { code: 'connection_missed', locode: leg.fromLocode, legSeq: leg.seq };
      }
    }
    const durationMs = leg.plannedArrivalMs - leg.plannedDepartureMs;
    const arrivalMs = actualArr ?? estimatedArrival.get(leg.seq)?.eventAtMs ?? departureMs + durationMs;
    progress.push({
      seq: leg.seq,
      estimatedDepartureMs: departureMs,
      estimatedArrivalMs: arrivalMs,
      actualDepartureMs: actualDep,
      actualArrivalMs: actualArr,
    });
    previousArrivalMs = arrivalMs;
  }

  const last = legs[legs.length - 1]!;
  const delivered = actualArrival.has(last.seq);
  const heldNow = hold !== null && (release === null || newer(hold, release));
  if (heldNow && risk === null && !delivered) risk = { code: 'held', locode: hold!.locode, legSeq: 0 };

  let status: ShipmentProgress['status'] = 'booked';
  if (delivered) status = 'delivered';
  else if (latestActual !== null && (latestMovement !== null || heldNow)) {
    const atBorderStation =
      options.borderLocodes.has(latestActual.locode) && latestActual.code !== 'DEPA' && latestActual.code !== 'GTOT';
    status = latestActual.eventType === 'BORDER' || atBorderStation || heldNow ? 'at_border' : 'in_transit';
  }

  return {
    status,
    legs: progress,
    etaMs: risk?.code === 'connection_missed' ? null : previousArrivalMs,
    risk: delivered ? null : risk,
    position: latestActual ? { locode: latestActual.locode, atMs: latestActual.eventAtMs } : null,
  };
}
