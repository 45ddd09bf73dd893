// Groups → windows in the practice's zone (wall-clock times, DST included).
import type { Atom, LocalDay, LocalTime } from './atoms';
import type { Group } from './groups';
import { buildGroups } from './groups';
import { clipIntervals, mergeIntervals, subtractIntervals, type Interval } from './windows';
import { zoneClock, type ZoneClock } from './zone-clock';
import type { DatePreference } from './types';

const DAY = 86_400_000;
const MAX_DAYS = 800; // bounds the day loop whatever a parser produced
const OPEN_RANGE_MIN_DAYS = 14;

export interface Frame {
  now: number; // instant
  end: number; // instant: now + horizon
  namedEnd: number; // instant: how far a named calendar date may reach (the caller's horizon, if given)
  zone: string;
  today: LocalDay; // wall-clock date of `now`
  lastDay: LocalDay; // wall-clock date of `end`
}

const wallDay = (d: LocalDay): number => Date.UTC(d.year, d.month - 1, d.day);
const wallTime = (t: LocalTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);

function validDay(d: LocalDay): boolean {
  const t = new Date(wallDay(d));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() + 1 === d.month && t.getUTCDate() === d.day;
}

/**
 * The last instant a group's windows may reach. A named calendar date ("January 20", "mid-January",
 * "MLK Day") keeps its whole window: the horizon is for open-ended phrases. An open range ("after
 * the holidays") that would keep less than two weeks inside the horizon runs one horizon from its
 * own first day.
 */
function groupLimit(group: Group, frame: Frame, clock: ZoneClock): number {
  if (!group.days || !validDay(group.days.from)) return frame.end;
  const first = clock.toInstant(wallDay(group.days.from));
  if (group.open) return first + OPEN_RANGE_MIN_DAYS * DAY > frame.end ? first + (frame.end - frame.now) : frame.end;
  return group.named ? Math.max(frame.end, frame.namedEnd) : frame.end;
}

/** How far past the horizon a group may need the zone clock (wall-clock ms, padded): few days, usually. */
function reach(group: Group, frame: Frame): number {
  if (!group.days || !validDay(group.days.from) || !validDay(group.days.to) || !(group.named || group.open)) return frame.end;
  const cap = group.open ? wallDay(group.days.from) + (frame.end - frame.now) : Math.max(frame.end, frame.namedEnd);
  return Math.min(wallDay(group.days.to) + 2 * DAY, cap);
}

function groupIntervals(group: Group, frame: Frame, clock: ZoneClock): Interval[] {
  const limit = groupLimit(group, frame, clock);
  return clipIntervals(dayIntervals(group, frame, clock, limit), -Infinity, limit);
}

function dayIntervals(group: Group, frame: Frame, clock: ZoneClock, limit: number): Interval[] {
  let from = wallDay(frame.today);
  let to = wallDay(frame.lastDay) + (limit - frame.end);
  let weekdays = group.weekdays;
  const span = group.days;
  if (span) {
    if (span.weekday !== undefined && (span.recurring || group.exclude || group.plural)) {
      weekdays = [span.weekday];
    } else {
      if (!validDay(span.from) || !validDay(span.to)) return [];
      [from, to] = [wallDay(span.from), wallDay(span.to)];
    }
  }
  const tod = group.timeOfDay ?? { from: 0, to: 1440 };
  const out: Interval[] = [];
  const stop = Math.min(to, wallDay(frame.lastDay) + (limit - frame.end) + DAY);
  // Days are stepped on the wall calendar; each window end is a wall-clock time in the zone,
  // so 09:00 stays 09:00 on either side of a DST change.
  for (let day = from, n = 0; day <= stop && n < MAX_DAYS; day += DAY, n += 1) {
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (weekdays && !weekdays.includes(isoWeekday)) continue;
    out.push({ start: clock.toInstant(day + tod.from * 60_000), end: clock.toInstant(day + tod.to * 60_000) });
  }
  if (span?.exact) {
    const [s, e] = [clock.toInstant(wallTime(span.exact.start)), clock.toInstant(wallTime(span.exact.end))];
    return out.map((i) => ({ start: Math.max(i.start, s), end: Math.min(i.end, e) })).filter((i) => i.end > i.start);
  }
  return out;
}

export function assemble(atoms: Atom[], frame: Frame): DatePreference {
  const asap = atoms.some((a) => a.flag === 'asap' && !a.exclude);
  const anytime = atoms.some((a) => a.flag === 'anytime' && !a.exclude);
  const groups = buildGroups(atoms);
  const earliest = Math.min(frame.now, ...groups.map((g) => (g.days && validDay(g.days.from) ? wallDay(g.days.from) - DAY : frame.now)));
  const far = groups.filter((g) => g.days && reach(g, frame) > frame.end)
    .map((g) => ({ from: Math.max(frame.end, wallDay(g.days?.from ?? frame.lastDay) - DAY), to: reach(g, frame) }));
  const latest = Math.max(frame.end, ...far.map((r) => r.to));
  const clock = zoneClock(frame.zone, Math.max(earliest, frame.now - MAX_DAYS * DAY), frame.end, far);
  const wanted = groups.filter((g) => !g.exclude);
  const unwanted = groups.filter((g) => g.exclude);
  let include = mergeIntervals(wanted.flatMap((g) => groupIntervals(g, frame, clock)));
  if (wanted.length === 0 && (asap || anytime || unwanted.length > 0)) include = [{ start: frame.now, end: frame.end }];
  const exclude = unwanted.flatMap((g) => groupIntervals(g, frame, clock));
  const windows = clipIntervals(subtractIntervals(include, exclude), frame.now, latest);
  // Past: the text named something, and all of it lies before now.
  const past = windows.length === 0 && wanted.length > 0 && include.length > 0 && include.every((i) => i.end <= frame.now);
  return { windows: windows.map((w) => ({ start: clock.toIso(w.start), end: clock.toIso(w.end) })), asap, past };
}
