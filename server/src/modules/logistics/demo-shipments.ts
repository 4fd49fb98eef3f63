import { asc, sql } from 'drizzle-orm';
import { iso6346CheckDigit } from '../../lib/identifiers/index.js';
import type { Db, Tx } from '../../platform/db/client.js';
import type { Principal } from '../../platform/http/context.js';
import { borderLocodes, locationSummaries } from '../reference/index.js';
import { generateDepartures, listServices } from './network.js';
import { NetworkPlanner } from './planning.js';
import { runSearch, type SearchBody } from './routes.js';
import { serviceCalls, services } from './schema.js';
import { billContent, insertShipment, issueBillOfLading, reserveLegs, type ShipmentParties } from './shipments.js';
import { type IncomingEvent, ingestEvents } from './tracking.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Demo journeys start up to this long ago, so some are delivered, some on the way, some at the border. */
const HISTORY_DAYS = 40;

type Story = 'booked' | 'moving' | 'border' | 'delivered' | 'delayed';

interface DemoShipment {
  owner: 'silkroad-logistics' | 'jiaozhou-trading';
  from: string;
  to: string;
  /** Days from now the search departs after (negative: already under way). */
  startDays: number;
  cargo: SearchBody['cargo'];
  pick: 'cheapest' | 'fastest' | 'greenest';
  story: Story;
  consignee: string;
  goods: { hsCode: string; description: string };
}

const CONSIGNEES: Record<string, { name: string; address: string; country: string }> = {
  RU: { name: 'OOO Vostok Trade Import', address: 'Leninsky prospekt 10, Moscow', country: 'RU' },
  KZ: { name: 'TOO Almaty Logistic Hub', address: 'Al-Farabi ave. 77, Almaty', country: 'KZ' },
  UZ: { name: 'Tashkent Agro Machinery LLC', address: 'Amir Temur st. 15, Tashkent', country: 'UZ' },
  KG: { name: 'Bishkek Textile Market LLC', address: 'Chui ave. 120, Bishkek', country: 'KG' },
  BY: { name: 'Minsk Auto Parts JSC', address: 'Nezavisimosti ave. 95, Minsk', country: 'BY' },
  DE: { name: 'Rhein-Ruhr Handels GmbH', address: 'Hafenstrasse 1, Duisburg', country: 'DE' },
  KR: { name: 'Busan Electronics Co.', address: 'Jungang-daero 100, Busan', country: 'KR' },
  JP: { name: 'Yokohama Machinery K.K.', address: 'Minato Mirai 2-3, Yokohama', country: 'JP' },
};

const GOODS = [
  { hsCode: '8418102000', description: 'Household refrigerators' },
  { hsCode: '8703800010', description: 'Battery electric passenger cars' },
  { hsCode: '8541430000', description: 'Photovoltaic modules' },
  { hsCode: '8429520000', description: 'Hydraulic excavators' },
  { hsCode: '6110200000', description: 'Cotton knitted sweaters' },
  { hsCode: '8708999990', description: 'Motor vehicle parts' },
];

/** A fixed, varied set: every corridor, every state a shipment can be in. Deterministic (no randomness). */
function demoShipments(): DemoShipment[] {
  const destinations: [string, string][] = [
    ['RUSLT', 'RU'],
    ['KZALA', 'KZ'],
    ['UZTAS', 'UZ'],
    ['KGFRU', 'KG'],
    ['BYMSQ', 'BY'],
    ['DEDUI', 'DE'],
  ];
  const stories: [Story, number][] = [
    ['delivered', -38],
    ['delivered', -30],
    ['moving', -12],
    ['border', -8],
    ['delayed', -9],
    ['moving', -4],
    ['booked', 3],
    ['booked', 9],
  ];
  const list: DemoShipment[] = [];
  let n = 0;
  for (const [to, country] of destinations) {
    for (const [story, startDays] of stories.slice(0, to === 'RUSLT' || to === 'KZALA' ? 8 : 4 + (n % 3))) {
      const goods = GOODS[n % GOODS.length]!;
      list.push({
        owner: n % 4 === 3 ? 'jiaozhou-trading' : 'silkroad-logistics',
        from: 'CNJZH',
        to,
        startDays: startDays - (n % 3),
        cargo: { containers: [{ sizeType: n % 5 === 4 ? '22G1' : '42G1', count: 1 + (n % 3) }] },
        pick: (['cheapest', 'fastest', 'greenest'] as const)[n % 3]!,
        story,
        consignee: country,
        goods,
      });
      n += 1;
    }
  }
  // Sea from Qingdao port.
  for (const [to, country, story, startDays] of [
    ['KRPUS', 'KR', 'delivered', -20],
    ['KRPUS', 'KR', 'moving', -2],
    ['JPYOK', 'JP', 'booked', 5],
  ] as const) {
    list.push({
      owner: 'silkroad-logistics',
      from: 'CNTAO',
      to,
      startDays,
      cargo: { containers: [{ sizeType: '42G1', count: 2 }] },
      pick: 'cheapest',
      story,
      consignee: country,
      goods: GOODS[n++ % GOODS.length]!,
    });
  }
  return list;
}

function containerNumber(serial: number): string {
  const body = `SCOU${String(serial).padStart(6, '0')}`;
  return body + String(iso6346CheckDigit(body));
}

/** ACT events of a journey up to `now`, with the story's twist (a late train, a stop at the border). */
function storyEvents(
  blNumber: string,
  legs: readonly { kind: string; fromLocode: string; toLocode: string; plannedDeparture: Date; plannedArrival: Date }[],
  story: Story,
  borders: ReadonlySet<string>,
  now: number,
): IncomingEvent[] {
  const events: IncomingEvent[] = [];
  const push = (
    code: string,
    type: IncomingEvent['eventType'],
    locode: string,
    at: number,
    classifier: 'ACT' | 'EST' = 'ACT',
  ) => {
    if (classifier === 'ACT' && at > now) return false;
    events.push({
      eventId: `demo-${blNumber}-${events.length}`,
      eventType: type,
      eventClassifierCode: classifier,
      code,
      eventDateTime: new Date(at).toISOString(),
      locode,
      blNumber,
    });
    return true;
  };
  if (story === 'booked') return events;
  const first = legs[0]!;
  push('GTIN', 'EQUIPMENT', first.fromLocode, first.plannedDeparture.getTime() - 8 * HOUR_MS);
  let delayMs = 0;
  for (const [index, leg] of legs.entries()) {
    const departure = leg.plannedDeparture.getTime() + delayMs + (leg.kind === 'transfer' ? delayMs : 0);
    if (
      !push(
        leg.kind === 'transfer' ? 'GTOT' : 'DEPA',
        leg.kind === 'transfer' ? 'EQUIPMENT' : 'TRANSPORT',
        leg.fromLocode,
        departure,
      )
    )
      break;
    // The delayed story loses 30 hours on its first leg: enough to miss the next scheduled connection.
    if (story === 'delayed' && index === 0) delayMs = 30 * HOUR_MS;
    const arrival = leg.plannedArrival.getTime() + delayMs + (index % 2 === 0 ? 2 * HOUR_MS : -HOUR_MS);
    const arrived = push(
      leg.kind === 'transfer' ? 'GTIN' : 'ARRI',
      leg.kind === 'transfer' ? 'EQUIPMENT' : 'TRANSPORT',
      leg.toLocode,
      arrival,
    );
    if (!arrived) {
      if (story === 'delayed') push('ARRI', 'TRANSPORT', leg.toLocode, arrival, 'EST');
      break;
    }
    if (borders.has(leg.toLocode)) {
      push('CRSS', 'BORDER', leg.toLocode, arrival + 4 * HOUR_MS);
      // The border story stops here: the boxes wait for the gauge change and the customs release.
      if (story === 'border') break;
      push('RELS', 'CUSTOMS', leg.toLocode, arrival + 6 * HOUR_MS);
    }
    if (story === 'delayed' && index === 0) break;
  }
  return events;
}

/**
 * A few dozen shipments so the pages are alive on first start: booked through the same functions
 * as the API (capacity reserved, bill issued) and moved along by the same event ingestion.
 */
export async function seedDemoShipments(
  tx: Tx,
  enterpriseIdByKey: ReadonlyMap<string, string>,
  reporter: Principal,
  publicUrl: string,
  now: Date,
): Promise<number> {
  // Past departures for journeys already under way (the timetable normally starts today).
  const history = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const counts = await tx
    .select({ serviceId: serviceCalls.serviceId, n: sql<number>`count(*)::int` })
    .from(serviceCalls)
    .groupBy(serviceCalls.serviceId);
  const callCount = new Map(counts.map((c) => [c.serviceId, c.n]));
  for (const service of await tx.select().from(services).orderBy(asc(services.code))) {
    await generateDepartures(tx, service, (callCount.get(service.id) ?? 1) - 1, history);
  }
  const planner = new NetworkPlanner(tx as unknown as Db, () => now);
  const borders = await borderLocodes(tx);
  const serviceById = new Map((await listServices(tx)).map((s) => [s.id, s]));
  let created = 0;
  let serial = 100_000;
  for (const demo of demoShipments()) {
    const enterpriseId = enterpriseIdByKey.get(demo.owner);
    if (!enterpriseId) throw new Error(`demo owner ${demo.owner} is missing`);
    const search: SearchBody = {
      from: demo.from,
      to: demo.to,
      departAfter: new Date(now.getTime() + demo.startDays * DAY_MS).toISOString(),
      cargo: demo.cargo,
    };
    const { itineraries } = await runSearch(tx, planner, search, 'en', now, { allowPast: true, clampToNow: false });
    if (itineraries.length === 0) continue;
    const sorted = [...itineraries].sort((a, b) =>
      demo.pick === 'cheapest'
        ? a.costFen - b.costFen
        : demo.pick === 'greenest'
          ? a.co2Grams - b.co2Grams
          : Date.parse(a.view.arrival) - Date.parse(b.view.arrival),
    );
    const quote = sorted[0]!;
    const bookedAt = new Date(Math.min(now.getTime(), quote.legs[0]!.plannedDeparture.getTime() - 3 * DAY_MS));
    const units = (demo.cargo.containers ?? []).reduce(
      (sum, c) => sum + c.count * (c.sizeType.startsWith('2') ? 1 : 2),
      0,
    );
    const reservation = await reserveLegs(tx, quote.legs, units, bookedAt);
    await planner.refreshCapacity(reservation.departureIds);
    const containers = (demo.cargo.containers ?? []).flatMap((c) =>
      Array.from({ length: c.count }, () => ({ number: containerNumber(serial++), sizeType: c.sizeType })),
    );
    const parties: ShipmentParties = {
      shipper: {
        name: 'Qingdao Silk Road Trading Co.',
        address: '88 Jiaozhou Bay Rd, Jiaozhou, Qingdao',
        country: 'CN',
      },
      consignee: CONSIGNEES[demo.consignee]!,
      notify: null,
    };
    const cargoLines = [{ ...demo.goods, packages: 20 * units, grossWeightKg: 7_500 * units }];
    const shipment = await insertShipment(
      tx,
      {
        enterpriseId,
        reference: `DEMO-${created + 1}`,
        origin: demo.from,
        destination: demo.to,
        capacityUnit: 'TEU',
        units,
        cargo: demo.cargo as Record<string, unknown>,
        parties,
        cargoLines,
        containers,
        legs: reservation.reserved,
        costFen: quote.costFen,
        co2Grams: quote.co2Grams,
      },
      bookedAt,
    );
    const places = await locationSummaries(
      tx,
      quote.legs.flatMap((l) => [l.fromLocode, l.toLocode]),
    );
    await issueBillOfLading(
      tx,
      shipment,
      billContent(shipment, parties, cargoLines, containers, quote.legs, {
        place: (locode) => places.get(locode)?.names.en ?? locode,
        service: (id) => serviceById.get(id),
      }),
      publicUrl,
      bookedAt,
    );
    const events = storyEvents(shipment.blNumber, reservation.reserved, demo.story, borders, now.getTime());
    if (events.length > 0) {
      const result = await ingestEvents(tx, reporter, events, { fieldPrefix: 'demo.', borderLocodes: borders, now });
      if (result.issues.length > 0) throw new Error(`demo events rejected: ${JSON.stringify(result.issues)}`);
    }
    created += 1;
  }
  return created;
}
