// The chrono instance, built once at module load (parsers compile their patterns per call).
// chrono keeps: ISO and slash dates (US order, 12/3 = Dec 3), month names ("Dec 3", "the 31st of
// November" → rejected as invalid), "3pm"/"2-4pm", "3 days ago", year suffixes, overlap removal.
// Ours replace the chrono parsers whose meaning differs from the spec (weekdays, "next week",
// parts of day, "tonight") and the refiners that would fold our windows into single instants.
import * as chrono from 'chrono-node';
import type { Parser, ParsingResult, Refiner } from 'chrono-node';
import { TAG } from './tags';
import { guardClockAfterDate } from './parsers/clock-after-date-guard';
import { anchoredOffsetParser } from './parsers/anchored-offset-parser';
import { dashDateParser } from './parsers/dash-date-parser';
import { flagParser } from './parsers/flag-parser';
import { holidayParser } from './parsers/holiday-parser';
import { monthPeriodParser } from './parsers/month-period-parser';
import { ordinalDayParser } from './parsers/ordinal-day-parser';
import { partsOfDayParser } from './parsers/parts-of-day-parser';
import { relativeDayParser } from './parsers/relative-day-parser';
import { relativeSpanParser } from './parsers/relative-span-parser';
import { timeQualifierParser } from './parsers/time-qualifier-parser';
import { weekPeriodParser } from './parsers/week-period-parser';
import { weekdayParser } from './parsers/weekday-parser';
import { weekdaySetParser } from './parsers/weekday-set-parser';
import { bareHourRefiner } from './refiners/bare-hour-refiner';
import { connectorRefiner } from './refiners/connector-refiner';
import { namedDateRefiner } from './refiners/named-date-refiner';
import { openRangeRefiner } from './refiners/open-range-refiner';
import { sharedModifierRefiner } from './refiners/shared-modifier-refiner';
import { pastRefiner } from './refiners/past-refiner';
import { pluralRefiner } from './refiners/plural-refiner';
import { rangeRefiner } from './refiners/range-refiner';
import { weekOfRefiner } from './refiners/week-of-refiner';
import { yearAheadRefiner } from './refiners/year-ahead-refiner';

// chrono does not export these classes from its entry point, so they are recognised by name.
const REPLACED_PARSERS = new Set([
  'ENWeekdayParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENRelativeDateFormatParser',
  'ENTimeUnitWithinFormatParser', 'ENEndOfCurrentMonthParser', 'ENTimeUnitCasualRelativeFormatParser',
]);
const REPLACED_REFINERS = new Set(['ENMergeDateTimeRefiner', 'ENMergeDateRangeRefiner', 'ENEndOfPeriodRefiner', 'ForwardDateRefiner']);

const kept = <T extends object>(items: T[], replaced: Set<string>): T[] => items.filter((item) => !replaced.has(item.constructor.name));

const base = chrono.casual.clone();

// Ours come first: on equal-length overlaps chrono keeps the earlier parser's result.
const ourParsers: Parser[] = [
  flagParser, holidayParser, anchoredOffsetParser, timeQualifierParser, partsOfDayParser, relativeSpanParser, weekPeriodParser,
  monthPeriodParser, dashDateParser, weekdaySetParser, relativeDayParser, weekdayParser, ordinalDayParser,
];
const ourRefiners: Refiner[] = [bareHourRefiner, sharedModifierRefiner, weekOfRefiner, rangeRefiner, openRangeRefiner, pluralRefiner, connectorRefiner, namedDateRefiner, yearAheadRefiner, pastRefiner];

// chrono's UnlikelyFormatFilter drops digit-only results, which would lose "9" in "wed 9";
// our qualifier results are exempt, every other result still goes through it.
function exemptOurClockTimes(inner: Refiner): Refiner {
  return {
    refine: (context, results) => {
      const ours = (r: ParsingResult): boolean => [...r.tags()].some((t) => t.startsWith(TAG.qualifier));
      const kept = inner.refine(context, results.filter((r) => !ours(r)));
      return [...kept, ...results.filter(ours)].sort((a, b) => a.index - b.index);
    },
  };
}

export const dateChrono = new chrono.Chrono({
  parsers: [
    ...ourParsers,
    ...kept(base.parsers, REPLACED_PARSERS).map((p) => (p.constructor.name === 'ENTimeExpressionParser' ? guardClockAfterDate(p) : p)),
  ],
  refiners: [
    ...kept(base.refiners, REPLACED_REFINERS).map((r) => (r.constructor.name === 'UnlikelyFormatFilter' ? exemptOurClockTimes(r) : r)),
    ...ourRefiners,
  ],
});
