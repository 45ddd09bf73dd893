// Date preferences: what "next Tuesday afternoon" means as booking windows.
// Contract and meanings: shared/spec/date-preferences.md. How it works: README.md.
//
// Where the spec is silent (what a front desk would do), consistently:
// - A whole day ("tomorrow", "Monday", "next week") is 00:00–24:00 local, clipped to now; the slot
//   search applies opening hours, so we do not guess them here.
// - "in N days/weeks" is that whole day; "within the next N days" runs from now to exactly N days on.
// - A bare weekday in an exclusion ("next week but not Wednesday", "any day but Friday") means every
//   such weekday; "Monday mornings" (plural part of day) means every Monday morning.
// - "Monday or Friday afternoon" gives the afternoon to both; "tomorrow morning or afternoon" gives
//   tomorrow to both; "afternoon after 3" narrows to 15:00–17:00.
// - Only exclusions ("any day but Friday") or only flags ("asap", "whenever") mean now to horizon.
// - A month named without a year is the closest one (so "Nov 20" on Nov 24 is past), unless that
//   is more than a month back ("July 4th" in December is next July); after "since" it is the last one.
// - The default 30-day horizon bounds open-ended phrases ("mornings", "asap", "next month"); a named
//   calendar date ("January 20", "mid-January", "MLK Day") keeps its window up to a year out. A
//   horizon the caller passes bounds everything.
// - Text longer than MAX_TEXT is not a date answer: it finds nothing (and stays fast).
import { ParsingResult } from 'chrono-node';
import { DateTime } from 'luxon';
import { assemble } from './assemble';
import { toAtom, type Atom } from './atoms';
import { dateChrono } from './date-chrono';
import type { DatePreference, DatePreferenceOptions } from './types';

export type { DatePreference, DatePreferenceOptions } from './types';

const DEFAULT_HORIZON_DAYS = 30;
/** Without a caller's horizon, a named calendar date ("January 20", "MLK Day") reaches a year out. */
const NAMED_DATE_DAYS = 366;
const MAX_TEXT = 500;

function nothing(): DatePreference {
  return { windows: [], asap: false, past: false };
}

export function parseDatePreference(text: string, opts: DatePreferenceOptions): DatePreference {
  try {
    if (typeof text !== 'string' || text.length > MAX_TEXT || !(opts.now instanceof Date)) return nothing();
    const now = DateTime.fromJSDate(opts.now, { zone: opts.timeZone });
    if (!now.isValid) return nothing();
    const horizonDays = opts.horizonDays !== undefined && Number.isFinite(opts.horizonDays) && opts.horizonDays > 0
      ? Math.min(opts.horizonDays, 366) : DEFAULT_HORIZON_DAYS;
    const end = now.plus({ days: horizonDays });
    const namedEnd = opts.horizonDays === undefined ? now.plus({ days: NAMED_DATE_DAYS }) : end;
    const results = dateChrono.parse(text, { instant: opts.now, timezone: now.offset });
    // parse() is typed with the read-only ParsedResult; our refiners produced ParsingResults.
    const atoms = results.filter((r): r is ParsingResult => r instanceof ParsingResult).map(toAtom).filter((a): a is Atom => a !== undefined);
    if (atoms.length === 0) return nothing();
    const day = (t: DateTime): { year: number; month: number; day: number } => ({ year: t.year, month: t.month, day: t.day });
    return assemble(atoms, { now: now.toMillis(), end: end.toMillis(), namedEnd: namedEnd.toMillis(), zone: opts.timeZone, today: day(now), lastDay: day(end) });
  } catch {
    // The contract says never throw: a message we cannot read is "no date found".
    return nothing();
  }
}
