import type { EmissionClass, Me, Role, TransportMode, TransportService } from '../../api/types';

/** Who sees the operations view: operators see their own services, the authorities every one. */
export const OPERATIONS_ROLES: readonly Role[] = ['forwarder', 'customs_officer', 'zone_admin'];

/** Only carriers and forwarders publish services (for their own enterprise). */
export function mayPublish(me: Me): boolean {
  return me.user.role === 'forwarder' && me.user.enterpriseId !== null;
}

/** The operator manages its own services; the zone administration may manage any. */
export function mayManage(me: Me, service: Pick<TransportService, 'operatorEnterpriseId'>): boolean {
  if (me.user.role === 'zone_admin') return true;
  return me.user.role === 'forwarder' && me.user.enterpriseId === service.operatorEnterpriseId;
}

/** The services whose departures the user sees on the operations view. */
export function operatedBy(me: Me, services: readonly TransportService[]): TransportService[] {
  if (me.user.authorityId !== null) return [...services];
  return services.filter((service) => service.operatorEnterpriseId === me.user.enterpriseId);
}

export type UtilisationLevel = 'normal' | 'busy' | 'full';

/** Below 70 % sold is normal, below 95 % busy, from 95 % on (practically) full. */
export function utilisationLevel(utilisation: number): UtilisationLevel {
  if (utilisation >= 0.95) return 'full';
  if (utilisation >= 0.7) return 'busy';
  return 'normal';
}

export const UTILISATION_COLORS: Record<UtilisationLevel, string> = {
  normal: '#52c41a',
  busy: '#fa8c16',
  full: '#f5222d',
};

export function utilisationColor(utilisation: number): string {
  return UTILISATION_COLORS[utilisationLevel(utilisation)];
}

/** Whole percent for people; anything sold at all shows at least 1 %. */
export function utilisationPercent(utilisation: number): number {
  if (utilisation <= 0) return 0;
  return Math.max(1, Math.min(100, Math.round(utilisation * 100)));
}

/** Emission classes that fit each mode; the first is the default. */
export const EMISSION_CLASSES_BY_MODE: Record<TransportMode, readonly EmissionClass[]> = {
  rail: ['rail_electric', 'rail_diesel'],
  sea: ['sea_deep', 'sea_feeder'],
  road: ['road'],
  air: ['air'],
};

/** Air capacity is sold by the kilogram, everything else by the TEU (the server insists). */
export function capacityUnitFor(mode: TransportMode): 'TEU' | 'KG' {
  return mode === 'air' ? 'KG' : 'TEU';
}

/** A timetable offset entered as days and hours, in minutes; null when neither is given. */
export function offsetMinutes(days: number | null | undefined, hours: number | null | undefined): number | null {
  if ((days === null || days === undefined) && (hours === null || hours === undefined)) return null;
  return Math.round((days ?? 0) * 1440 + (hours ?? 0) * 60);
}

/** Minutes back into whole days and hours (with the remainder of hours as a fraction). */
export function splitOffset(minutes: number): { days: number; hours: number } {
  const days = Math.floor(minutes / 1440);
  return { days, hours: (minutes - days * 1440) / 60 };
}

/** Time zones offered for a timetable; the zone's own first, then every zone the browser knows. */
export const PREFERRED_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Bishkek',
  'Asia/Dushanbe',
  'Asia/Ulaanbaatar',
  'Europe/Moscow',
  'Asia/Vladivostok',
  'Europe/Minsk',
  'Europe/Warsaw',
  'Asia/Seoul',
  'Asia/Tokyo',
] as const;

export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const preferred: readonly string[] = PREFERRED_TIME_ZONES;
  return [...preferred, ...all.filter((zone) => !preferred.includes(zone))];
}
