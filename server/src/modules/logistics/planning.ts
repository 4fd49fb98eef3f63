import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { TONNES_PER_TEU } from './data/network.js';
import { co2GramsPerUnit, loadNetwork } from './network.js';
import {
  type Cargo,
  type Itinerary,
  type NoItineraryReason,
  RoutePlanner,
  type Timetable,
  TimetableBuilder,
} from './planner/index.js';
import { departures } from './schema.js';

/** Minimum time to change vehicle at a terminal, and its handling (one lift) per TEU. */
const MIN_CONNECTION_MINUTES = 180;
const LIFT_FEN_PER_TEU = 30_000;
/** Drayage and transshipment moves are trucks: the reference's road factor (g CO2e per t-km). */
const DRAYAGE_GRAMS_PER_TONNE_KM = 90;
/** A built network is refreshed at least this often, because "now" moves past departures. */
const REBUILD_AFTER_MS = 60 * 60 * 1000;

export type CapacityUnit = 'TEU' | 'KG';

export interface TripRef {
  departureId: string;
  serviceId: string;
  /** Index of the trip's first call within the service's calls (always 0 here: trips start at call 0). */
  firstCallSeq: number;
}

interface Network {
  timetable: Timetable;
  planner: RoutePlanner;
  trips: TripRef[];
  tripByDeparture: Map<string, number>;
  builtAt: number;
}

/**
 * The planner's in-memory networks (one for containers in TEU, one for air cargo in kg), built
 * from the database and rebuilt lazily when a logistics event says the network changed. The
 * database stays the truth; these are caches that can be thrown away at any time.
 */
export class NetworkPlanner {
  private networks = new Map<CapacityUnit, Network>();
  private building: Promise<void> | null = null;
  private dirty = true;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Called when services, departures or capacity change; the next query rebuilds. */
  markDirty(): void {
    this.dirty = true;
  }

  private async ensureBuilt(): Promise<void> {
    const stale = [...this.networks.values()].some((n) => this.now().getTime() - n.builtAt > REBUILD_AFTER_MS);
    if (!this.dirty && !stale && this.networks.size > 0) return;
    if (!this.building) {
      this.dirty = false;
      this.building = this.build().finally(() => {
        this.building = null;
      });
    }
    await this.building;
  }

  private async build(): Promise<void> {
    const now = this.now();
    const data = await loadNetwork(this.db, now);
    const callsByService = new Map<string, typeof data.calls>();
    for (const call of data.calls) {
      const list = callsByService.get(call.serviceId) ?? [];
      list.push(call);
      callsByService.set(call.serviceId, list);
    }
    const serviceById = new Map(data.services.map((s) => [s.id, s]));
    const built = new Map<CapacityUnit, Network>();
    for (const unit of ['TEU', 'KG'] as const) {
      const builder = new TimetableBuilder();
      const stopIndex = new Map<string, number>();
      const stop = (locode: string): number => {
        let index = stopIndex.get(locode);
        if (index === undefined) {
          index = builder.addStop({
            id: locode,
            minConnectionMinutes: MIN_CONNECTION_MINUTES,
            transshipmentCostFen: unit === 'TEU' ? LIFT_FEN_PER_TEU : 0,
          });
          stopIndex.set(locode, index);
        }
        return index;
      };
      const trips: TripRef[] = [];
      for (const departure of data.departures) {
        const service = serviceById.get(departure.serviceId);
        const calls = callsByService.get(departure.serviceId);
        if (!service || !calls || service.capacityUnit !== unit || calls.length < 2) continue;
        if (departure.capacityRemaining.length !== calls.length - 1) continue;
        const startMinute = Math.floor(departure.departsAt.getTime() / 60_000);
        const segments = calls.slice(0, -1);
        const tripIndex = builder.addTrip({
          serviceId: service.id,
          mode: service.mode,
          stops: calls.map((c) => stop(c.locode)),
          arrivalMinutes: calls.map((c) => startMinute + (c.arrivalOffsetMinutes ?? c.departureOffsetMinutes ?? 0)),
          departureMinutes: calls.map((c) => startMinute + (c.departureOffsetMinutes ?? c.arrivalOffsetMinutes ?? 0)),
          segmentCostFen: segments.map((c) => c.tariffFenPerUnitToNext),
          segmentCo2Grams: segments.map((c) => co2GramsPerUnit(service.emissionClass, c.distanceKmToNext, unit)),
          segmentCapacityUnits: departure.capacityRemaining,
          reefer: service.reefer,
          dangerousGoodsClasses: service.dangerousGoodsClasses,
        });
        trips[tripIndex] = { departureId: departure.id, serviceId: service.id, firstCallSeq: 0 };
      }
      if (unit === 'TEU') {
        for (const transfer of data.transfers) {
          builder.addTransfer({
            fromStop: stop(transfer.fromLocode),
            toStop: stop(transfer.toLocode),
            durationMinutes: transfer.durationMinutes,
            costFen: transfer.costFenPerTeu,
            co2Grams: Math.round(DRAYAGE_GRAMS_PER_TONNE_KM * transfer.distanceKm * TONNES_PER_TEU),
          });
        }
      }
      const timetable = builder.build();
      const tripByDeparture = new Map(trips.map((trip, index) => [trip.departureId, index]));
      built.set(unit, {
        timetable,
        planner: new RoutePlanner(timetable),
        trips,
        tripByDeparture,
        builtAt: now.getTime(),
      });
    }
    this.networks = built;
  }

  /**
   * Bookings and cancellations change only remaining capacity: patch it in place from the database
   * instead of rebuilding the whole network. A build in flight may have read older values, so then
   * the network is simply marked dirty and rebuilt on the next query.
   */
  async refreshCapacity(departureIds: readonly string[]): Promise<void> {
    if (departureIds.length === 0 || this.networks.size === 0) return;
    if (this.building) {
      this.markDirty();
      return;
    }
    const rows = await this.db
      .select({ id: departures.id, capacityRemaining: departures.capacityRemaining })
      .from(departures)
      .where(inArray(departures.id, [...departureIds]));
    if (this.building) {
      this.markDirty();
      return;
    }
    for (const network of this.networks.values()) {
      for (const row of rows) {
        const tripIndex = network.tripByDeparture.get(row.id);
        if (tripIndex === undefined) continue;
        row.capacityRemaining.forEach((units, segment) => {
          network.timetable.setSegmentCapacity(tripIndex, segment, Math.max(0, units));
        });
      }
    }
  }

  /** Pareto-optimal itineraries; the stop ids in the legs are UN/LOCODEs. */
  async search(input: { unit: CapacityUnit; from: string; to: string; departAfter: Date; cargo: Cargo }): Promise<{
    itineraries: Itinerary[];
    reason: NoItineraryReason | null;
    truncated: boolean;
    trips: readonly TripRef[];
  }> {
    await this.ensureBuilt();
    const network = this.networks.get(input.unit);
    if (!network) throw new Error(`no ${input.unit} network`);
    const origin = network.timetable.stopIndex(input.from);
    const destination = network.timetable.stopIndex(input.to);
    if (origin === undefined || destination === undefined) {
      return { itineraries: [], reason: 'no_connection', truncated: false, trips: network.trips };
    }
    const result = network.planner.planPareto({
      originStop: origin,
      destinationStop: destination,
      departAfterMinute: Math.ceil(input.departAfter.getTime() / 60_000),
      cargo: input.cargo,
    });
    return {
      itineraries: result.itineraries,
      reason: result.reason,
      truncated: result.truncated,
      trips: network.trips,
    };
  }
}
