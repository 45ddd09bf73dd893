// The practice's wall clock at `now`, as chrono's reference carries it (instant + fixed offset).
// Luxon in UTC then does pure calendar arithmetic on those fields, independent of the host zone.
import { DateTime } from 'luxon';
import type { ParsingContext } from 'chrono-node';

export function wallClock(context: ParsingContext): DateTime {
  const offsetMinutes = context.reference.getTimezoneOffset();
  return DateTime.fromMillis(context.refDate.getTime() + offsetMinutes * 60_000, { zone: 'utc' });
}

// One parse asks for today (and its Monday) from many parsers and refiners; luxon is the main cost
// of a parse, so each is computed once per chrono context (both are immutable).
const todayOf = new WeakMap<ParsingContext, DateTime>();
const mondayOfDay = new WeakMap<DateTime, DateTime>();

export function today(context: ParsingContext): DateTime {
  let day = todayOf.get(context);
  if (!day) {
    day = wallClock(context).startOf('day');
    todayOf.set(context, day);
  }
  return day;
}

/** chrono components for a calendar day (chrono weekdays count Sunday as 0). */
export function dayComponents(day: DateTime): { year: number; month: number; day: number; weekday: number } {
  return { year: day.year, month: day.month, day: day.day, weekday: day.weekday % 7 };
}

/** Monday of the week containing `day` (weeks start Monday). */
export function mondayOf(day: DateTime): DateTime {
  let monday = mondayOfDay.get(day);
  if (!monday) {
    monday = day.minus({ days: day.weekday - 1 }).startOf('day');
    mondayOfDay.set(day, monday);
  }
  return monday;
}
