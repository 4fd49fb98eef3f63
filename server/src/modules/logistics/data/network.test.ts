import { describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISES } from '../../../demo/enterprises.js';
import { LOCATIONS } from '../../reference/data/locations.js';
import { CO2_GRAMS_PER_TONNE_KM, DEMO_SERVICES, DEMO_TRANSFERS } from './network.js';

const locations = new Map(LOCATIONS.map((l) => [l.locode, l]));

describe('demo transport network', () => {
  it('calls only at known locations, with times that move forward', () => {
    // Proves every service is a valid timetable: known UN/LOCODEs, increasing offsets, tariffs on all but the last call.
    for (const service of DEMO_SERVICES) {
      expect(service.calls.length, service.code).toBeGreaterThanOrEqual(2);
      let clock = -1;
      service.calls.forEach((call, index) => {
        expect(locations.has(call.locode), `${service.code} ${call.locode}`).toBe(true);
        const last = index === service.calls.length - 1;
        if (index === 0) expect(call.arrivalOffsetMinutes).toBeNull();
        else {
          expect(call.arrivalOffsetMinutes).toBeGreaterThan(clock);
          clock = call.arrivalOffsetMinutes as number;
        }
        if (last) {
          expect(call.departureOffsetMinutes).toBeNull();
          expect(call.tariffFenPerUnitToNext).toBe(0);
        } else {
          expect(call.departureOffsetMinutes).toBeGreaterThanOrEqual(clock);
          clock = call.departureOffsetMinutes as number;
          expect(call.tariffFenPerUnitToNext).toBeGreaterThan(0);
          expect(call.distanceKmToNext).toBeGreaterThan(0);
        }
      });
      expect(service.weekdays.every((d) => d >= 1 && d <= 7)).toBe(true);
      expect(service.departureLocalTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(CO2_GRAMS_PER_TONNE_KM[service.emissionClass]).toBeGreaterThan(0);
      expect(DEMO_ENTERPRISES.some((e) => e.key === service.operatorKey)).toBe(true);
    }
    expect(new Set(DEMO_SERVICES.map((s) => s.code)).size).toBe(DEMO_SERVICES.length);
    expect(new Set(DEMO_SERVICES.map((s) => s.mode))).toEqual(new Set(['rail', 'sea', 'road', 'air']));
  });

  it('changes gauge only where the border pair really changes gauge', () => {
    // Proves each gauge-change transfer joins a 1435 mm station to a 1520 mm one across a border.
    const gaugeChanges = DEMO_TRANSFERS.filter((t) => t.kind === 'gauge_change');
    expect(gaugeChanges.length).toBeGreaterThanOrEqual(8);
    for (const transfer of gaugeChanges) {
      const from = locations.get(transfer.fromLocode);
      const to = locations.get(transfer.toLocode);
      expect(from?.kinds).toContain('border_crossing');
      expect(to?.kinds).toContain('border_crossing');
      expect(from?.countryCode).not.toBe(to?.countryCode);
      expect(new Set([from?.gaugeMm, to?.gaugeMm])).toEqual(new Set([1435, 1520]));
    }
    for (const transfer of DEMO_TRANSFERS) {
      expect(locations.has(transfer.fromLocode) && locations.has(transfer.toLocode)).toBe(true);
    }
  });
});
