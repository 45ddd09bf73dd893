// Our parsers and refiners talk to the window assembly through chrono result tags (plain strings),
// so the meaning travels with chrono's own results and no side table is needed.
import type { ParsingResult } from 'chrono-node';

export const TAG = {
  timeOfDay: 'dates/tod:', // + "from-to" in minutes after local midnight (to may be 1440)
  qualifier: 'dates/q:', // + at | around | after | before | between (time qualifier parser)
  plural: 'dates/plural', // "mornings": that part of every day
  weekday: 'dates/weekday', // came from a weekday name
  bareWeekday: 'dates/bareWeekday', // weekday name with no this/next/last
  nextWeek: 'dates/nextWeek', // "next Tuesday": the modifier carries to "or Thursday"
  recurring: 'dates/recurring', // "Mondays", "every Monday"
  weekdaySet: 'dates/wdays:', // + ISO weekday digits, e.g. "12345" for weekdays
  period: 'dates/period', // a span of whole days (start..end inclusive)
  exact: 'dates/exact', // a span between two instants (start/end carry hour and minute)
  month: 'dates/month', // a whole calendar month
  asap: 'dates/asap',
  anytime: 'dates/anytime',
  exclude: 'dates/exclude',
  join: 'dates/join:', // + or | and | comma | none: the words before this result
  past: 'dates/past',
  named: 'dates/named', // a calendar name or numeric date: keeps its window beyond the horizon
  open: 'dates/open', // an open range ("after Monday"): one horizon from its first day
  holiday: 'dates/holiday', // came from a holiday name
} as const;

export function tagValue(result: ParsingResult, prefix: string): string | undefined {
  for (const tag of result.tags()) if (tag.startsWith(prefix)) return tag.slice(prefix.length);
  return undefined;
}

export function hasTag(result: ParsingResult, tag: string): boolean {
  return result.tags().has(tag);
}

export function timeOfDayTag(from: number, to: number): string {
  return `${TAG.timeOfDay}${Math.max(0, Math.round(from))}-${Math.min(1440, Math.round(to))}`;
}

export function readTimeOfDay(result: ParsingResult): { from: number; to: number } | undefined {
  const value = tagValue(result, TAG.timeOfDay);
  if (value === undefined) return undefined;
  const [from, to] = value.split('-').map(Number);
  return Number.isFinite(from) && Number.isFinite(to) && to > from ? { from, to } : undefined;
}
