// One chrono result → one atom of meaning: which days, which time of day, or a flag.
import type { ParsingComponents, ParsingResult } from 'chrono-node';
import { hasTag, readTimeOfDay, TAG, tagValue } from './tags';

export interface LocalDay { year: number; month: number; day: number }
export interface LocalTime extends LocalDay { hour: number; minute: number }
export type Join = 'or' | 'and' | 'comma' | 'none';

export interface DaySpan {
  from: LocalDay;
  to: LocalDay; // inclusive
  exact?: { start: LocalTime; end: LocalTime }; // "within the next 5 days": instants, not whole days
  weekday?: number; // ISO weekday when the span came from a lone weekday name
  recurring?: boolean; // "Mondays": every such weekday up to the horizon
  weekdayRange?: boolean; // "Monday to Wednesday": may slide by weeks to fit "next week"
}

export interface Atom {
  days?: DaySpan;
  weekdays?: number[]; // filter: "weekdays", "weekends"
  timeOfDay?: { from: number; to: number }; // minutes after local midnight
  plural: boolean;
  flag?: 'asap' | 'anytime';
  exclude: boolean;
  past: boolean;
  named?: boolean; // a calendar name ("January 20", "MLK Day"): keeps its window past the horizon
  open?: boolean; // an open range ("after the holidays")
  join: Join;
}

function localDay(c: ParsingComponents): LocalDay {
  return { year: c.get('year') ?? 0, month: c.get('month') ?? 1, day: c.get('day') ?? 1 };
}

function localTime(c: ParsingComponents): LocalTime {
  return { ...localDay(c), hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toAtom(result: ParsingResult): Atom | undefined {
  const join = (tagValue(result, TAG.join) ?? 'none') as Join;
  const base = { plural: hasTag(result, TAG.plural), exclude: hasTag(result, TAG.exclude), past: hasTag(result, TAG.past), join };
  if (hasTag(result, TAG.asap)) return { ...base, flag: 'asap' };
  if (hasTag(result, TAG.anytime)) return { ...base, flag: 'anytime' };
  const set = tagValue(result, TAG.weekdaySet);
  if (set !== undefined) return { ...base, weekdays: [...set].map(Number) };

  const atom: Atom = { ...base, timeOfDay: readTimeOfDay(result), named: hasTag(result, TAG.named) && !hasTag(result, TAG.open), open: hasTag(result, TAG.open) };
  const start = result.start;
  if (hasTag(result, TAG.exact) && result.end) {
    atom.days = { from: localDay(start), to: localDay(result.end), exact: { start: localTime(start), end: localTime(result.end) } };
  } else if (start.isCertain('day') || hasTag(result, TAG.period)) {
    atom.days = { from: localDay(start), to: localDay(result.end ?? start) };
    if (hasTag(result, TAG.weekday) && result.end) atom.days.weekdayRange = true;
    if (hasTag(result, TAG.weekday) && !result.end) {
      atom.days.weekday = ((start.get('weekday') ?? 0) + 6) % 7 + 1;
      atom.days.recurring = hasTag(result, TAG.recurring);
      if (!hasTag(result, TAG.bareWeekday) && !atom.days.recurring) atom.days.weekday = undefined;
    }
    // Dates chrono read with a clock time and no window of ours (an ISO instant): T ± 60 min.
    if (!atom.timeOfDay && start.isCertain('hour') && !hasTag(result, TAG.period)) {
      const t = (start.get('hour') ?? 0) * 60 + (start.get('minute') ?? 0);
      atom.timeOfDay = { from: Math.max(0, t - 60), to: Math.min(1440, t + 60) };
    }
  } else if (start.isCertain('month')) {
    // "December", "in March": the whole month.
    const from = localDay(start);
    atom.days = { from: { ...from, day: 1 }, to: { ...from, day: lastDayOfMonth(from.year, from.month) } };
  }
  return atom.days || atom.timeOfDay ? atom : undefined;
}
