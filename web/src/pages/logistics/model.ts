import type { Itinerary, ItineraryLeg, LegMode, Location, Money } from '../../api/types';
import { compareDecimalStrings, formatDecimalString } from '../../lib/decimal';

/** One colour per mode, shared by the tags, the chart and the map lines. */
export const MODE_COLORS: Record<LegMode, string> = {
  rail: '#c0392b',
  sea: '#1f6fb4',
  road: '#b86e00',
  air: '#0e9aa7',
  drayage: '#7a8696',
};

export function formatMoney(money: Money, locale: string): string {
  return `${formatDecimalString(money.amount, locale)} ${money.currency}`;
}

/** A plain number for people (CO2, days, kilometres are measurements, not money: floats are fine). */
export function formatNumber(
  value: number,
  locale: string,
  fractionDigits = 0,
  minimumFractionDigits = fractionDigits,
): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** CO2 below a tonne in kilograms, above it in tonnes with two decimals. */
export function co2Parts(kg: number, locale: string): { value: string; unit: 'kg' | 't' } {
  return kg < 1000
    ? { value: formatNumber(kg, locale), unit: 'kg' }
    : { value: formatNumber(kg / 1000, locale, 2), unit: 't' };
}

export function transitDays(hours: number): number {
  return Math.round((hours / 24) * 10) / 10;
}

/** An instant in the reader's time zone and language, e.g. "23 нояб. 2026 г., 18:00". */
export function formatInstant(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export interface Highlights {
  fastest: number;
  cheapest: number;
  greenest: number;
}

/**
 * Which itinerary is fastest (shortest transit, then earliest arrival), cheapest (exact decimal
 * comparison, among those priced in the first itinerary's currency) and lowest in CO2.
 */
export function highlights(itineraries: readonly Itinerary[]): Highlights {
  const result: Highlights = { fastest: -1, cheapest: -1, greenest: -1 };
  const currency = itineraries[0]?.cost.currency;
  itineraries.forEach((item, index) => {
    const fastest = itineraries[result.fastest];
    if (
      !fastest ||
      item.transitHours < fastest.transitHours ||
      (item.transitHours === fastest.transitHours && item.arrival < fastest.arrival)
    )
      result.fastest = index;
    const cheapest = itineraries[result.cheapest];
    if (
      item.cost.currency === currency &&
      (!cheapest || compareDecimalStrings(item.cost.amount, cheapest.cost.amount) < 0)
    )
      result.cheapest = index;
    const greenest = itineraries[result.greenest];
    if (!greenest || item.co2Kg < greenest.co2Kg) result.greenest = index;
  });
  return result;
}

/** The modes of the itinerary's trips in travel order, each once (transfers are not a mode of carriage). */
export function tripModes(itinerary: Itinerary): LegMode[] {
  const modes: LegMode[] = [];
  for (const leg of itinerary.legs) {
    if (leg.kind === 'trip' && !modes.includes(leg.mode)) modes.push(leg.mode);
  }
  return modes;
}

export type TransferKind = 'border' | 'gauge' | 'local';

/**
 * A transfer between two countries is a border transshipment; where the track gauge changes too
 * (1435 ↔ 1520 mm) it is also a gauge change. Anything else is a local move between nearby terminals.
 */
export function transferKind(leg: ItineraryLeg, locations: ReadonlyMap<string, Location>): TransferKind {
  const from = locations.get(leg.from);
  const to = locations.get(leg.to);
  if (!from || !to || from.countryCode === to.countryCode) return 'local';
  if (from.gaugeMm !== null && to.gaugeMm !== null && from.gaugeMm !== to.gaugeMm) return 'gauge';
  return 'border';
}

/**
 * A timetable offset as the day of the run and the local time of day in the service's zone:
 * departure 14:00 + 1800 minutes is day 2, 20:00.
 */
export function offsetLabel(departureLocalTime: string, offsetMinutes: number): { day: number; time: string } {
  const [hours = '0', minutes = '0'] = departureLocalTime.split(':');
  const total = Number(hours) * 60 + Number(minutes) + offsetMinutes;
  const day = Math.floor(total / 1440) + 1;
  const ofDay = total % 1440;
  const time = `${String(Math.floor(ofDay / 60)).padStart(2, '0')}:${String(ofDay % 60).padStart(2, '0')}`;
  return { day, time };
}

/** ISO weekday numbers (1 = Monday) as short localised day names. 1 January 2024 was a Monday. */
export function weekdayNames(weekdays: readonly number[], locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return [...weekdays].sort((a, b) => a - b).map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}
