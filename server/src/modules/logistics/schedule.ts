/**
 * Turns weekly patterns in local time into UTC departure instants. Schedules are published in
 * the local time of the first call (a train "leaves Jiaozhou Mondays 18:00 Beijing time"); the
 * API speaks UTC instants. Uses Intl's time-zone data, so no dependency is needed.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of a zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC instant of a local wall-clock time. Two passes settle the offset around a DST change;
 * a wall time that does not exist (spring-forward gap) resolves to the later offset.
 */
export function zonedTimeToUtc(localDate: string, localTime: string, timeZone: string): Date {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = localTime.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wallAsUtc - zoneOffsetMinutes(timeZone, new Date(wallAsUtc)) * 60_000;
  guess = wallAsUtc - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The local calendar date (YYYY-MM-DD) and ISO weekday (1 = Monday) of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): { date: string; weekday: number } {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(timeZone, instant) * 60_000);
  const weekday = ((shifted.getUTCDay() + 6) % 7) + 1;
  return { date: shifted.toISOString().slice(0, 10), weekday };
}

export interface WeeklyPattern {
  weekdays: readonly number[];
  departureLocalTime: string;
  timezone: string;
}

/** Departure instants of a weekly pattern on the local dates from `from` for `days` days. */
export function departureInstants(pattern: WeeklyPattern, from: Date, days: number): Date[] {
  const instants: Date[] = [];
  const start = localDateOf(from, pattern.timezone);
  const startMs = Date.parse(`${start.date}T00:00:00Z`);
  for (let offset = 0; offset < days; offset += 1) {
    const date = new Date(startMs + offset * 86_400_000).toISOString().slice(0, 10);
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (!pattern.weekdays.includes(weekday)) continue;
    const instant = zonedTimeToUtc(date, pattern.departureLocalTime, pattern.timezone);
    if (instant.getTime() >= from.getTime()) instants.push(instant);
  }
  return instants;
}
