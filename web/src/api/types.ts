/** Shapes of the server's JSON, mirrored from GET /api/openapi.json. */

export type Role = 'trader' | 'forwarder' | 'customs_officer' | 'bank_officer' | 'zone_admin';
export const ROLES: readonly Role[] = ['trader', 'forwarder', 'customs_officer', 'bank_officer', 'zone_admin'];
/** Roles that belong to an authority rather than to an enterprise (the server enforces the same rule). */
export const AUTHORITY_ROLES: readonly Role[] = ['customs_officer', 'zone_admin'];

export type Locale = 'zh-CN' | 'en' | 'ru';

export interface LocalisedNames {
  'zh-CN': string;
  en: string;
  ru: string;
}

export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem document; title, detail and messages are already in the requested language. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  enterpriseId: string | null;
  authorityId: string | null;
  active: boolean;
  /** Administers its own enterprise's users (Administration › Users); absent from older servers. */
  enterpriseAdmin?: boolean;
}

export interface Enterprise {
  id: string;
  uscc: string;
  customsCode: string | null;
  names: LocalisedNames;
  countryCode: string;
  city: string | null;
  kinds: string[];
  status: 'active' | 'suspended';
}

export interface Authority {
  id: string;
  code: string;
  names: LocalisedNames;
}

export interface Me {
  user: User;
  via: 'session' | 'api_key';
  enterprise: Enterprise | null;
  authority: Authority | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  enterpriseId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookDelivery {
  id: number;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

export interface PlatformEvent {
  id: string;
  type: string;
  enterpriseId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
  seq: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorRole: string | null;
  enterpriseId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export type ScoStatus = 'member' | 'observer' | 'dialogue_partner';
export const SCO_STATUSES: readonly ScoStatus[] = ['member', 'observer', 'dialogue_partner'];

export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
  names: LocalisedNames;
  scoStatus: ScoStatus | null;
  scoSince: string | null;
}

export interface Currency {
  code: string;
  numeric: string;
  minorUnits: number;
  name: string;
  names: LocalisedNames;
}

export interface ExchangeRate {
  currency: string;
  validOn: string;
  /** Exact decimal string; shown as is, never turned into a float. */
  cnyPerUnit: string;
  source: string;
}

export type LocationKind =
  | 'sea_port'
  | 'rail_terminal'
  | 'border_crossing'
  | 'airport'
  | 'inland_depot'
  | 'bonded_zone'
  | 'road_terminal';
export const LOCATION_KINDS: readonly LocationKind[] = [
  'sea_port',
  'rail_terminal',
  'border_crossing',
  'airport',
  'inland_depot',
  'bonded_zone',
  'road_terminal',
];

export interface Location {
  locode: string;
  locodeConfirmed: boolean;
  name: string;
  names: LocalisedNames;
  countryCode: string;
  lat: number;
  lon: number;
  kinds: LocationKind[];
  gaugeMm: number | null;
  gaugeFarSideMm: number | null;
  borderWith: string | null;
  note: string | null;
}

export interface Items<T> {
  items: T[];
}

// --- logistics ------------------------------------------------------------------------------

export type TransportMode = 'rail' | 'sea' | 'road' | 'air';
export const TRANSPORT_MODES: readonly TransportMode[] = ['rail', 'sea', 'road', 'air'];
/** Modes of an itinerary leg: the services' modes, plus drayage for transfers between nearby nodes. */
export type LegMode = TransportMode | 'drayage';

/** An exact amount: `amount` is a decimal string, never a float. */
export interface Money {
  amount: string;
  currency: string;
}

export interface TransportService {
  id: string;
  code: string;
  mode: TransportMode;
  /** In the Accept-Language of the request. */
  name: string;
  names: LocalisedNames;
  operatorEnterpriseId: string;
  /** IANA zone of the first call; the timetable's local times are in it. */
  timezone: string;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  departureLocalTime: string;
  capacityUnits: number;
  capacityUnit: 'TEU' | 'KG';
  reefer: boolean;
  dangerousGoodsClasses: string[];
  active: boolean;
}

export interface ServiceCall {
  seq: number;
  locode: string;
  /** Minutes after the departure from the first call; null at the first call. */
  arrivalOffsetMinutes: number | null;
  /** Minutes after the departure from the first call; null at the last call. */
  departureOffsetMinutes: number | null;
  tariffToNext: Money;
  distanceKmToNext: number;
}

export interface TransportServiceDetail extends TransportService {
  calls: ServiceCall[];
}

export const CONTAINER_SIZE_TYPES = ['22G1', '22R1', '22U1', '42G1', '42R1', '42U1', '45G1', '45R1', 'L5G1'] as const;
export type ContainerSizeType = (typeof CONTAINER_SIZE_TYPES)[number];

export interface RouteSearchRequest {
  from: string;
  to: string;
  departAfter: string;
  cargo: {
    containers?: { sizeType: ContainerSizeType; count: number }[];
    weightKg?: number;
    volumeM3?: number;
    dangerousGoods?: { unNumber: string; class: string };
  };
}

export interface ItineraryLeg {
  kind: 'trip' | 'transfer';
  mode: LegMode;
  service: { id: string; code: string; name: string } | null;
  departureId: string | null;
  from: string;
  to: string;
  departure: string;
  arrival: string;
  cost: Money;
  co2Kg: number;
}

export interface Itinerary {
  legs: ItineraryLeg[];
  departure: string;
  arrival: string;
  transitHours: number;
  cost: Money;
  co2Kg: number;
  transfers: number;
}

export interface RouteSearchResult {
  itineraries: Itinerary[];
  truncated: boolean;
  /** Why nothing was found (already in the request's language); null when there are itineraries. */
  reason: { code: string; message: string } | null;
}

// --- shipments (bookings under one through bill of lading) ---------------------------------

export type ShipmentStatus = 'booked' | 'in_transit' | 'at_border' | 'delivered' | 'cancelled';
export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'booked',
  'in_transit',
  'at_border',
  'delivered',
  'cancelled',
];

/** A party on the bill of lading; names and addresses are Latin script (the bill is printed in English). */
export interface ShipmentParty {
  name: string;
  address: string;
  /** ISO 3166 alpha-2. */
  country: string;
  uscc?: string;
}

export interface CargoLine {
  hsCode: string;
  description: string;
  packages: number;
  grossWeightKg: number;
}

export interface ShipmentContainer {
  number: string;
  sizeType: string;
}

export interface BookingRequest {
  /** Exactly the body that was sent to /api/logistics/routes/search. */
  search: RouteSearchRequest;
  legs: { departureId: string | null; from: string; to: string }[];
  parties: { shipper: ShipmentParty; consignee: ShipmentParty; notify?: ShipmentParty };
  cargoLines: CargoLine[];
  containers?: { number: string; sizeType: ContainerSizeType }[];
  reference?: string;
}

export interface AmendShipmentRequest {
  version: number;
  parties?: BookingRequest['parties'];
  cargoLines?: CargoLine[];
  containers?: { number: string; sizeType: ContainerSizeType }[];
  reference?: string | null;
}

/** A place as the shipment API names it, in the request's language. */
export interface ShipmentPlace {
  locode: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export type ShipmentLegStatus = 'planned' | 'departed' | 'arrived';

export interface ShipmentLeg {
  seq: number;
  kind: 'trip' | 'transfer';
  mode: LegMode;
  service: { id: string; code: string; name: string } | null;
  departureId: string | null;
  from: ShipmentPlace;
  to: ShipmentPlace;
  plannedDeparture: string;
  plannedArrival: string;
  estimatedDeparture: string | null;
  estimatedArrival: string | null;
  actualDeparture: string | null;
  actualArrival: string | null;
  status: ShipmentLegStatus;
  cost: Money;
  co2Kg: number;
}

export type DocumentStatus = 'issued' | 'superseded' | 'cancelled';

export interface ShipmentDocument {
  id: string;
  kind: 'bill_of_lading';
  number: string;
  version: number;
  status: DocumentStatus;
  /** SHA-256 of the PDF; null in the moment between issue and first rendering. */
  sha256: string | null;
  /** Path of the public verification page, e.g. /verify/<token>. */
  verifyUrl: string;
  pdfUrl: string;
  issuedAt: string;
}

export interface ShipmentSummary {
  id: string;
  blNumber: string;
  reference: string | null;
  status: ShipmentStatus;
  atRisk: boolean;
  origin: ShipmentPlace;
  destination: ShipmentPlace;
  plannedDeparture: string;
  plannedArrival: string;
  eta: string | null;
  delayHours: number | null;
  cost: Money;
  co2Kg: number;
  capacityUnit: 'TEU' | 'KG';
  units: number;
  createdAt: string;
}

export interface Shipment extends ShipmentSummary {
  /** Why the shipment is at risk (message already in the request's language), and where. */
  risk: { code: string; message: string; locode: string } | null;
  position: (ShipmentPlace & { at: string }) | null;
  cargo: RouteSearchRequest['cargo'];
  parties: { shipper: ShipmentParty; consignee: ShipmentParty; notify: ShipmentParty | null };
  cargoLines: CargoLine[];
  containers: ShipmentContainer[];
  legs: ShipmentLeg[];
  documents: ShipmentDocument[];
  version: number;
}

export interface ShipmentPage {
  items: ShipmentSummary[];
  nextBefore: string | null;
}

export type TrackingEventType = 'EQUIPMENT' | 'TRANSPORT' | 'BORDER' | 'CUSTOMS';
export type EventClassifier = 'ACT' | 'EST' | 'PLN';

/** One entry of a shipment's timeline (a DCSA-shaped tracking event). */
export interface ShipmentEvent {
  eventId: string;
  eventType: TrackingEventType | string;
  classifier: EventClassifier;
  code: string;
  eventAt: string;
  locode: string;
  containerNumber: string | null;
  serviceCode: string | null;
  remark: string | null;
  receivedAt: string;
}

export interface ShipmentAlternatives {
  from: string;
  departAfter: string;
  itineraries: Itinerary[];
  reason: { code: string; message: string } | null;
}

/** What anyone holding the paper may see about a document, without signing in. */
/** The public view of a bill of lading (the address in its QR code). */
export interface BillOfLadingVerification {
  kind: 'bill_of_lading';
  number: string;
  version: number;
  status: DocumentStatus;
  shipmentStatus: string;
  sha256: string | null;
  issuedAt: string;
  shipper: string;
  consignee: string;
  origin: string;
  destination: string;
  containers: string[];
  packages: number;
  grossWeightKg: number;
}

/** The public view of a customs release note issued by the trade centre: no prices per item. */
export interface ReleaseNoteVerification {
  kind: 'customs_release_note';
  number: string;
  status: 'issued' | 'cancelled';
  sha256: string | null;
  issuedAt: string;
  /** The 18-digit customs declaration number. */
  declarationNumber: string;
  direction: 'import' | 'export';
  declarant: string;
  /** The overseas consignor (import) or consignee (export). */
  foreignParty: string;
  tradeCountry: string;
  blNumber: string | null;
  itemCount: number;
  /** Decimal string in CNY; null when not assessed. */
  customsValueCny: string | null;
}

/** What the public verification page shows: a bill of lading, or a document another centre issued. */
export type DocumentVerification = BillOfLadingVerification | ReleaseNoteVerification;

export interface PdfCheck {
  match: boolean;
  sha256: string;
  document: DocumentVerification | null;
}

// --- logistics operations (carriers, forwarders and the authorities) -----------------------

/** Slots sold and left on one segment (call to next call) of a departure. */
export interface DepartureSegment {
  from: string;
  to: string;
  remaining: number;
  sold: number;
}

/** A dated departure of a service with what has been sold on it. */
export interface DepartureUtilisation {
  id: string;
  serviceId: string;
  serviceCode: string;
  departsAt: string;
  status: 'scheduled' | 'cancelled';
  capacityUnits: number;
  capacityUnit: 'TEU' | 'KG';
  segments: DepartureSegment[];
  /** Units sold on the busiest segment. */
  soldMaxUnits: number;
  /** soldMaxUnits / capacityUnits, 0…1. */
  utilisation: number;
  shipments: number;
}

/** A tracking event on one of the operator's services, with the shipments it was attached to. */
export interface OperatorFeedEvent extends ShipmentEvent {
  shipmentIds: string[];
}

/** The emission classes the server knows (g CO2e per tonne-km in docs/logistics.md). */
export const EMISSION_CLASSES = ['rail_electric', 'rail_diesel', 'sea_deep', 'sea_feeder', 'road', 'air'] as const;
export type EmissionClass = (typeof EMISSION_CLASSES)[number];

export interface NewServiceCall {
  locode: string;
  arrivalOffsetMinutes: number | null;
  departureOffsetMinutes: number | null;
  /** Yuan per TEU (per kg for air) to the next call, as a decimal string. */
  tariffToNext: string;
  distanceKmToNext: number;
}

/** Body of POST /api/logistics/services (note: names are keyed zh/en/ru here). */
export interface NewTransportService {
  code: string;
  mode: TransportMode;
  emissionClass: EmissionClass;
  names: { zh: string; en: string; ru: string };
  timezone: string;
  weekdays: number[];
  departureLocalTime: string;
  capacityUnits: number;
  capacityUnit: 'TEU' | 'KG';
  reefer: boolean;
  dangerousGoodsClasses: string[];
  calls: NewServiceCall[];
}

export interface PublishedService {
  id: string;
  code: string;
  /** How many dated departures were generated. */
  departures: number;
}

export interface ServiceAmendment {
  active?: boolean;
  capacityUnits?: number;
  names?: { zh: string; en: string; ru: string };
}
