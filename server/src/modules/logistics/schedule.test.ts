import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departureInstants, localDateOf, zonedTimeToUtc } from './schedule.js';

describe('schedules in local time', () => {
  it('converts Beijing, Almaty and Moscow wall times to UTC', () => {
    // Proves fixed-offset zones: 18:00 in Beijing is 10:00 UTC, 08:00 in Moscow is 05:00 UTC.
    expect(zonedTimeToUtc('2026-12-07', '18:00', 'Asia/Shanghai').toISOString()).toBe('2026-12-07T10:00:00.000Z');
    expect(zonedTimeToUtc('2026-12-07', '08:00', 'Europe/Moscow').toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(zonedTimeToUtc('2026-12-07', '08:00', 'Asia/Almaty').toISOString()).toBe('2026-12-07T03:00:00.000Z');
  });

  it('follows daylight saving time in Warsaw', () => {
    // Proves DST: 07:00 in Warsaw is 06:00 UTC in winter and 05:00 UTC in summer.
    expect(zonedTimeToUtc('2026-01-12', '07:00', 'Europe/Warsaw').toISOString()).toBe('2026-01-12T06:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-13', '07:00', 'Europe/Warsaw').toISOString()).toBe('2026-07-13T05:00:00.000Z');
  });

  it('round-trips any wall time outside DST gaps', () => {
    // Proves zonedTimeToUtc and localDateOf agree for random dates, times and zones.
    const zones = ['Asia/Shanghai', 'Asia/Almaty', 'Europe/Moscow', 'Europe/Warsaw', 'Europe/Berlin', 'Asia/Tokyo'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (dayOffset, hour, minute, zone) => {
          // 02:00–02:59 can fall in a spring-forward gap in European zones; those wall times do not exist.
          fc.pre(hour !== 2);
          const date = new Date(Date.UTC(2025, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedTimeToUtc(date, time, zone);
          expect(localDateOf(instant, zone).date).toBe(date);
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(instant);
          expect(local).toBe(time);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('expands a weekly pattern into dated departures', () => {
    // Proves Monday/Wednesday/Friday 18:00 Beijing over two weeks gives six departures on those days.
    const from = new Date('2026-12-07T00:00:00Z'); // a Monday
    const instants = departureInstants(
      { weekdays: [1, 3, 5], departureLocalTime: '18:00', timezone: 'Asia/Shanghai' },
      from,
      14,
    );
    expect(instants.map((d) => d.toISOString())).toEqual([
      '2026-12-07T10:00:00.000Z',
      '2026-12-09T10:00:00.000Z',
      '2026-12-11T10:00:00.000Z',
      '2026-12-14T10:00:00.000Z',
      '2026-12-16T10:00:00.000Z',
      '2026-12-18T10:00:00.000Z',
    ]);
    const later = departureInstants(
      { weekdays: [1], departureLocalTime: '18:00', timezone: 'Asia/Shanghai' },
      new Date('2026-12-07T11:00:00Z'),
      7,
    );
    expect(later).toEqual([]);
  });
});
