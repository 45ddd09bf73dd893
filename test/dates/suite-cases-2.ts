// Suite phrases for the behaviours of issue 17 (table-driven, tuned on; the held-out-2 set is not).
// Default now: Tue 2026-11-24 10:00 America/New_York; horizon 30 days → Thu Dec 24 10:00.
import type { DateCase } from './cases';

const c = (text: string, inside: string[], outside: string[], extra: Partial<DateCase> = {}): DateCase =>
  ({ text, inside: inside.map(d), outside: outside.map(d), ...extra });
// "MM-DD HH:mm" → 2026; full points pass through.
function d(p: string): string {
  return /^\d{4}-/.test(p) ? p : `2026-${p.replace(' ', 'T')}`;
}

export const holidayCases: DateCase[] = [
  c('thanksgiving', ['11-26 12:00'], ['11-25 12:00', '11-27 12:00']),
  c('the day after thanksgiving', ['11-27 12:00'], ['11-26 12:00', '11-28 12:00']),
  c('christmas', ['12-25 12:00'], ['12-24 12:00', '12-26 12:00']),
  c('xmas eve morning', ['12-24 09:00'], ['12-24 14:00', '12-23 09:00']),
  c('the day before new years eve', ['12-30 12:00'], ['12-31 12:00', '12-29 12:00']),
  c('MLK day', ['2027-01-18T12:00'], ['2027-01-11T12:00']),
  c('memorial day', ['2027-05-31T12:00'], ['2027-05-24T12:00']),
  c('labour day', ['2027-09-06T12:00'], ['2027-09-13T12:00']),
  c('easter', ['2027-03-28T12:00'], ['2027-04-04T12:00']),
  c('good friday', ['2027-03-26T12:00'], ['2027-03-28T12:00']),
  c('halloween', ['2026-10-31T12:00'], ['2026-10-30T12:00'], { now: '2026-10-01T10:00' }),
  c('before thanksgiving', ['11-25 12:00'], ['11-26 12:00', '11-27 12:00']),
  c('after the holidays', ['2027-01-04T12:00'], ['12-31 12:00', '12-20 12:00']),
  c('between christmas and new year', ['12-28 12:00'], ['12-23 12:00', '2027-01-02T12:00']),
  c('the week of christmas', ['12-22 12:00', '12-26 12:00'], ['12-18 12:00', '12-28 12:00']),
];

export const horizonCases: DateCase[] = [
  // A named calendar date keeps its window; a caller's horizon still bounds it; relative ones stay clipped.
  c('january 25th', ['2027-01-25T12:00'], ['2027-01-24T12:00']),
  c('mid-february', ['2027-02-15T12:00'], ['2027-02-05T12:00']),
  c('2/3', ['2027-02-03T12:00'], ['2027-02-04T12:00']),
  { text: 'january 25th', horizonDays: 30, none: true },
  c('early next month', ['2027-01-01T12:00'], ['2027-01-05T12:00'], { now: '2026-12-03T10:00' }),
  // A year-less date more than a month back is next year's; after "since", the last one.
  c('august 10', ['2027-08-10T12:00'], ['2026-08-10T12:00']),
  // Far named dates across a DST change keep their wall clock (the zone clock covers their days).
  c('memorial day morning', ['2027-05-31T08:05', '2027-05-31T11:55'], ['2027-05-31T07:55', '2027-05-31T12:05']),
  c('easter morning', ['2027-03-28T08:05'], ['2027-03-28T07:55', '2027-03-28T12:05'], { tz: 'Europe/London' }),
  { text: 'since june', past: true, none: true },
  { text: 'ever since monday', past: true, none: true },
];

export const anchoredCases: DateCase[] = [
  c('a week from monday', ['12-07 12:00'], ['11-30 12:00', '12-06 12:00']),
  c('3 days from tomorrow', ['11-28 12:00'], ['11-27 12:00', '11-29 12:00']),
  c('the week of the 7th', ['12-07 12:00', '12-13 12:00'], ['12-06 12:00', '12-14 12:00']),
  c('the 10th or later', ['12-10 12:00', '12-20 12:00'], ['12-09 12:00']),
  c('not until the 3rd', ['12-03 12:00'], ['12-01 12:00']),
  c('by the end of the week', ['11-25 12:00', '11-28 12:00'], ['11-30 12:00']),
];

export const typedCases: DateCase[] = [
  c('thu 10-12', ['11-26 11:00'], ['11-26 12:30', '11-26 09:30']),
  c('tomorrow 9.45', ['11-25 09:45'], ['11-25 12:00']),
  c('12-18', ['12-18 12:00'], ['12-17 12:00', '12-19 12:00']),
  c('3-15', ['2027-03-15T12:00'], ['2027-03-14T12:00']),
  c('wed aft', ['11-25 14:00'], ['11-25 10:00']),
  c('thurs aftrnoon', ['11-26 14:00'], ['11-26 10:00']),
  c('tmrw mornin', ['11-25 09:00'], ['11-25 14:00']),
  c('fri evng', ['11-27 18:00'], ['11-27 12:00']),
  c('nxt wk fri', ['12-04 12:00'], ['11-27 12:00']),
  c('noonish thursday', ['11-26 12:00'], ['11-26 15:00']),
  c('next week, not friday, afternoons', ['12-01 14:00'], ['12-04 14:00', '12-01 10:00']),
  c('not wednesday. evenings only', ['11-24 18:00'], ['11-25 18:00', '11-24 13:00']),
  c("whatever's first works", ['11-24 12:00'], ['11-24 09:00'], { asap: true }),
  c('whichever is first', ['11-24 12:00'], ['11-24 09:00'], { asap: true }),
];

export const issue17Cases: DateCase[] = [...holidayCases, ...horizonCases, ...anchoredCases, ...typedCases];
