import { describe, expect, it } from 'vitest';
import type { Itinerary, ItineraryLeg, Location } from '../../api/types';
import { highlights, offsetLabel, transferKind, tripModes, weekdayNames } from './model';

function itinerary(transitHours: number, amount: string, co2Kg: number, modes: ItineraryLeg['mode'][] = ['rail']) {
  return {
    legs: modes.map((mode) => ({ kind: mode === 'drayage' ? 'transfer' : 'trip', mode }) as ItineraryLeg),
    departure: '2026-01-01T00:00:00Z',
    arrival: new Date(Date.parse('2026-01-01T00:00:00Z') + transitHours * 3_600_000).toISOString(),
    transitHours,
    cost: { amount, currency: 'CNY' },
    co2Kg,
    transfers: 0,
  } satisfies Itinerary;
}

describe('itinerary highlights', () => {
  it('picks fastest, cheapest (exact decimals) and lowest CO2', () => {
    const list = [
      itinerary(323, '203600.00', 5491.2),
      itinerary(379, '176400.00', 8606.4),
      itinerary(700, '99999.99', 900),
    ];
    expect(highlights(list)).toEqual({ fastest: 0, cheapest: 2, greenest: 2 });
    expect(highlights([])).toEqual({ fastest: -1, cheapest: -1, greenest: -1 });
  });

  it('lists trip modes once, in order, without transfers', () => {
    expect(tripModes(itinerary(1, '1', 1, ['road', 'drayage', 'rail', 'rail', 'sea']))).toEqual([
      'road',
      'rail',
      'sea',
    ]);
  });
});

describe('timetable helpers', () => {
  it('turns offsets into day and local time', () => {
    expect(offsetLabel('14:00', 0)).toEqual({ day: 1, time: '14:00' });
    expect(offsetLabel('14:00', 1800)).toEqual({ day: 2, time: '20:00' });
    expect(offsetLabel('23:30', 45)).toEqual({ day: 2, time: '00:15' });
  });

  it('names weekdays in the UI language', () => {
    expect(weekdayNames([5, 1], 'en')).toEqual(['Mon', 'Fri']);
    expect(weekdayNames([1], 'zh-CN')).toEqual(['周一']);
  });

  it('tells a gauge-change border transshipment from a local move', () => {
    const place = (locode: string, countryCode: string, gaugeMm: number | null) =>
      [locode, { locode, countryCode, gaugeMm } as Location] as const;
    const locations = new Map([place('CNALK', 'CN', 1435), place('KZDSK', 'KZ', 1520), place('CNJZH', 'CN', 1435)]);
    const leg = (from: string, to: string) => ({ from, to }) as ItineraryLeg;
    expect(transferKind(leg('CNALK', 'KZDSK'), locations)).toBe('gauge');
    expect(transferKind(leg('CNJZH', 'CNALK'), locations)).toBe('local');
  });
});
