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
