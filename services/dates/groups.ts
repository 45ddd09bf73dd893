// Atoms → groups: each group is "these days × this time of day", wanted or excluded.
// "next Tuesday afternoon" is one group; "Monday or Friday" two; "Tuesday and Thursday mornings"
// two, where Tuesday borrows the mornings (and "tomorrow morning or afternoon" borrows the day).
import type { Atom, DaySpan, Join, LocalDay } from './atoms';

export interface Group {
  days?: DaySpan;
  weekdays?: number[];
  timeOfDay?: { from: number; to: number };
  plural: boolean;
  exclude: boolean;
  past: boolean;
  named?: boolean; // the days came from a calendar name: the horizon does not cut them
  open?: boolean; // "after X": runs one horizon from its first day
  joinBefore: Join;
}

function intersect(a: { from: number; to: number }, b: { from: number; to: number }): { from: number; to: number } | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return to > from ? { from, to } : undefined;
}

const key = (d: LocalDay): number => d.year * 10_000 + d.month * 100 + d.day;
function shift(d: LocalDay, days: number): LocalDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** "between Monday and Wednesday next week", "Dec 3 next week": both spans at once. */
function intersectSpans(a: DaySpan, b: DaySpan): DaySpan | undefined {
  if (a.exact || b.exact) return undefined;
  for (let weeks = 0; weeks < 6; weeks += 1) {
    const [x, y] = a.weekdayRange ? [{ from: shift(a.from, 7 * weeks), to: shift(a.to, 7 * weeks) }, b]
      : b.weekdayRange ? [a, { from: shift(b.from, 7 * weeks), to: shift(b.to, 7 * weeks) }] : [a, b];
    const from = key(x.from) >= key(y.from) ? x.from : y.from;
    const to = key(x.to) <= key(y.to) ? x.to : y.to;
    if (key(from) <= key(to)) return { from, to };
    if (!a.weekdayRange && !b.weekdayRange) return undefined;
  }
  return undefined;
}

/** Folds an atom into the group; false when it belongs to a new group. */
function absorb(group: Group, atom: Atom): boolean {
  if (atom.exclude !== group.exclude || atom.join === 'or' || atom.join === 'and') return false;
  if (atom.timeOfDay && group.timeOfDay) {
    // "afternoon after 3" narrows; "morning at 3" is two wishes.
    const both = intersect(group.timeOfDay, atom.timeOfDay);
    if (!both || atom.join !== 'none') return false;
    group.timeOfDay = both;
    atom = { ...atom, timeOfDay: undefined };
  }
  if (atom.weekdays && group.weekdays) return false;
  if (atom.days && group.days) {
    const [lone, other] = group.days.weekday !== undefined && !group.days.recurring ? [group.days, atom.days]
      : atom.days.weekday !== undefined && !atom.days.recurring ? [atom.days, group.days] : [undefined, undefined];
    if (atom.join !== 'none') return false;
    if (!lone || !other) {
      const both = intersectSpans(group.days, atom.days);
      if (!both) return false;
      group.days = both;
      group.named = group.named || atom.named;
      group.past = group.past && atom.past;
      atom = { ...atom, days: undefined };
      return absorb(group, atom);
    }
    // "Monday next week" → a Monday filter on next week; "Friday Dec 4" → the date.
    if (other.from.year * 400 + other.from.month * 32 + other.from.day !== other.to.year * 400 + other.to.month * 32 + other.to.day) {
      if (group.weekdays) return false;
      group.weekdays = [lone.weekday ?? 1];
    }
    group.days = other;
    group.named = group.named || atom.named;
    group.past = group.past && atom.past;
    atom = { ...atom, days: undefined };
  }
  if (atom.days) {
    group.days = atom.days;
    group.named = atom.named;
    group.open = atom.open;
  }
  if (atom.weekdays) group.weekdays = atom.weekdays;
  if (atom.timeOfDay) group.timeOfDay = atom.timeOfDay;
  group.plural = group.plural || atom.plural;
  group.past = group.past || atom.past;
  return true;
}

export function buildGroups(atoms: Atom[]): Group[] {
  const groups: Group[] = [];
  for (const atom of atoms) {
    if (atom.flag) continue;
    const current = groups[groups.length - 1];
    if (current && absorb(current, atom)) continue;
    const group: Group = { plural: false, exclude: atom.exclude, past: false, joinBefore: atom.join };
    absorb(group, { ...atom, join: 'none' });
    groups.push(group);
  }
  const kept = narrowAcrossExclusion(groups);
  distribute(kept);
  return kept;
}

/**
 * "next week, not Monday, mornings": a wanted part of day right after an exclusion narrows the
 * wanted days said before it (which had no time of day), instead of standing for every day.
 */
function narrowAcrossExclusion(groups: Group[]): Group[] {
  return groups.filter((group, i) => {
    if (group.exclude || group.days || group.weekdays || !group.timeOfDay || i === 0 || !groups[i - 1].exclude) return true;
    const target = groups.slice(0, i).reverse().find((g) => !g.exclude);
    if (!target || target.timeOfDay) return true;
    target.timeOfDay = group.timeOfDay;
    target.plural = target.plural || group.plural;
    return false;
  });
}

/** Alternatives share what only one of them said: "Monday or Tuesday morning", "tomorrow morning or afternoon". */
function distribute(groups: Group[]): void {
  groups.forEach((group, i) => {
    const peers = (step: number): Group[] => {
      const out: Group[] = [];
      for (let j = i + step; j >= 0 && j < groups.length && groups[j].exclude === group.exclude; j += step) out.push(groups[j]);
      return out;
    };
    if (group.days && !group.timeOfDay && !group.weekdays) {
      const donor = peers(1).find((g) => g.timeOfDay && g.days);
      if (donor && peers(1).indexOf(donor) === peers(1).findIndex((g) => g.timeOfDay)) group.timeOfDay = donor.timeOfDay;
    }
    if (!group.days && (group.timeOfDay || group.weekdays) && group.joinBefore !== 'none') {
      const donor = peers(-1).find((g) => g.days) ?? peers(1).find((g) => g.days);
      if (donor) {
        group.days = donor.days;
        group.weekdays = group.weekdays ?? donor.weekdays;
      }
    } else if (!group.days && group.timeOfDay && group.joinBefore === 'none' && i > 0 && groups[i - 1].exclude === group.exclude) {
      // "Tuesday morning at 3": a second time on the same day.
      group.days = groups[i - 1].days;
      group.weekdays = group.weekdays ?? groups[i - 1].weekdays;
    }
  });
}
