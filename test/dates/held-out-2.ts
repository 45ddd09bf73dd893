// Second held-out set (issue 17), written from the spec and from how patients type by chat and SMS
// BEFORE any tuning for it, and never tuned on: `npm run dates:heldout` scores it separately.
// Default now: Thu 2026-12-03 10:00 America/New_York (horizon 30 days → Sat Jan 2 10:00).
// Points are "MM-DD HH:mm": months 11–12 are 2026, the others 2027 (the turn of the year);
// full "YYYY-MM-DDTHH:mm" points pass through.
import type { DateCase } from './cases';

export const HELD_OUT_2_NOW = '2026-12-03T10:00';

function point(p: string): string {
  if (/^\d{4}-/.test(p)) return p;
  const year = Number(p.slice(0, 2)) >= 11 ? 2026 : 2027;
  return `${year}-${p.replace(' ', 'T')}`;
}
const h = (text: string, inside: string[], outside: string[], extra: Partial<DateCase> = {}): DateCase =>
  ({ now: HELD_OUT_2_NOW, ...extra, text, inside: inside.map(point), outside: outside.map(point) });
const noWindows = (text: string, extra: Partial<DateCase> = {}): DateCase => ({ now: HELD_OUT_2_NOW, ...extra, text, none: true });
const asap = (text: string): DateCase => h(text, ['12-03 12:00', '12-20 12:00'], ['12-03 09:00'], { asap: true });

const BEFORE_THANKSGIVING = '2026-11-10T10:00';
const DST_WEEK = '2027-03-10T10:00'; // Wed; US clocks go forward Sun Mar 14
const YEAR_END = '2026-12-30T10:00'; // Wed

export const heldOut2: DateCase[] = [
  // holidays
  h('christmas eve', ['12-24 12:00'], ['12-23 12:00', '12-25 12:00']),
  h('xmas eve afternoon', ['12-24 14:00'], ['12-24 10:00', '12-23 14:00']),
  h('the day after christmas', ['12-26 12:00'], ['12-25 12:00', '12-27 12:00']),
  h('new years eve', ['12-31 12:00'], ['12-30 12:00', '01-01 12:00']),
  h("new year's eve morning", ['12-31 09:00'], ['12-31 14:00', '12-30 09:00']),
  h('new years day', ['01-01 12:00'], ['12-31 12:00', '01-02 12:00']),
  h("after new year's", ['01-05 12:00'], ['12-30 12:00', '12-15 12:00']),
  h('after the holidays', ['01-05 12:00'], ['12-24 12:00', '12-28 12:00']),
  h('before christmas', ['12-10 12:00', '12-23 12:00'], ['12-25 12:00', '12-28 12:00']),
  h('sometime before new years', ['12-15 12:00', '12-30 12:00'], ['01-02 12:00']),
  h('between christmas and new years', ['12-28 12:00', '12-30 12:00'], ['12-22 12:00', '01-04 12:00']),
  h('the week of christmas', ['12-22 12:00'], ['12-18 12:00', '12-28 12:00']),
  h('mlk day', ['01-18 12:00'], ['01-11 12:00', '01-19 12:00']),
  h('martin luther king day morning', ['01-18 09:00'], ['01-18 14:00']),
  h("presidents' day", ['02-15 12:00'], ['02-16 12:00', '02-08 12:00']),
  h('valentines day', ['02-14 12:00'], ['02-13 12:00']),
  h('memorial day', ['05-31 12:00'], ['05-24 12:00', '06-01 12:00']),
  h('the day after memorial day', ['06-01 12:00'], ['05-31 12:00']),
  h('july 4th', ['07-04 12:00'], ['07-05 12:00']),
  h('labor day', ['09-06 12:00'], ['09-07 12:00', '09-01 12:00']),
  h('juneteenth', ['06-19 12:00'], ['06-18 12:00']),
  h('thanksgiving', ['11-26 12:00'], ['11-27 12:00'], { now: BEFORE_THANKSGIVING }),
  h('day after thanksgiving', ['11-27 12:00'], ['11-26 12:00', '11-28 12:00'], { now: BEFORE_THANKSGIVING }),
  h('black friday', ['11-27 12:00'], ['11-26 12:00'], { now: BEFORE_THANKSGIVING }),
  h('after thanksgiving', ['11-30 12:00'], ['11-20 12:00', '11-26 12:00'], { now: BEFORE_THANKSGIVING }),
  h('veterans day', ['11-11 12:00'], ['11-12 12:00'], { now: '2026-11-02T10:00' }),
  // named dates beyond 30 days keep their window
  h('early january', ['01-05 12:00'], ['01-15 12:00', '12-30 12:00']),
  h('mid-january', ['01-15 12:00'], ['01-05 12:00', '01-25 12:00']),
  h('mid jan', ['01-14 12:00'], ['01-02 12:00', '01-26 12:00']),
  h('late january', ['01-25 12:00'], ['01-15 12:00']),
  h('january 20th', ['01-20 12:00'], ['01-19 12:00', '01-21 12:00']),
  h('the first week of february', ['02-03 12:00'], ['02-10 12:00']),
  h('feb 3 at 10', ['02-03 10:00'], ['02-03 14:00', '02-04 10:00']),
  h('sometime in january', ['01-20 12:00'], ['12-20 12:00']),
  h('1/12', ['01-12 12:00'], ['01-13 12:00', '01-11 12:00']),
  h('march', ['03-15 12:00'], ['02-15 12:00', '12-15 12:00']),
  h('early next month', ['01-05 12:00'], ['12-28 12:00', '01-20 12:00']),
  // relative and anchored
  h('a week from friday', ['12-11 12:00'], ['12-04 12:00', '12-10 12:00']),
  h('a week from today', ['12-10 12:00'], ['12-09 12:00', '12-11 12:00']),
  h('two weeks from monday', ['12-21 12:00'], ['12-07 12:00', '12-14 12:00']),
  h('the week of the 14th', ['12-14 12:00', '12-18 12:00'], ['12-11 12:00', '12-21 12:00']),
  h('week of jan 11', ['01-13 12:00'], ['01-08 12:00', '01-18 12:00']),
  h('the 15th or later', ['12-15 12:00', '12-22 12:00'], ['12-14 12:00', '12-08 12:00']),
  h('anytime after the 20th', ['12-21 12:00', '12-28 12:00'], ['12-18 12:00']),
  h('end of the month', ['12-28 12:00'], ['12-15 12:00']),
  h('in two weeks', ['12-17 12:00'], ['12-16 12:00', '12-18 12:00']),
  h('in 10 days', ['12-13 12:00'], ['12-12 12:00', '12-14 12:00']),
  h('the following week', ['12-09 12:00'], ['12-04 12:00', '12-14 12:00']),
  h('the week after next', ['12-16 12:00'], ['12-10 12:00', '12-22 12:00']),
  h('by the end of next week', ['12-04 12:00', '12-10 12:00'], ['12-15 12:00']),
  h('sometime before the 18th', ['12-10 12:00'], ['12-19 12:00']),
  h('not until the 14th', ['12-15 12:00'], ['12-10 12:00']),
  h('the 10th or the 11th', ['12-10 12:00', '12-11 12:00'], ['12-12 12:00', '12-09 12:00']),
  h('on the 9th', ['12-09 12:00'], ['12-10 12:00']),
  h('any time monday through wednesday', ['12-07 12:00', '12-09 12:00'], ['12-10 12:00', '12-04 12:00']),
  // times
  h('tomorrow at 8.30', ['12-04 08:30'], ['12-04 10:30', '12-04 20:30']),
  h('mon 9-11', ['12-07 09:30', '12-07 10:30'], ['12-07 11:30', '12-07 08:30']),
  h('friday 8:30 or 9', ['12-04 08:30', '12-04 09:00'], ['12-04 14:00']),
  h('tues 2-4', ['12-08 15:00'], ['12-08 13:00', '12-08 03:00']),
  h('10.15 tomorrow', ['12-04 10:15'], ['12-04 14:00']),
  h('monday 7:45am', ['12-07 07:45'], ['12-07 11:00']),
  h('around 4ish on friday', ['12-04 16:00'], ['12-04 12:00']),
  h('any time after 5:30 on weekdays', ['12-07 18:00'], ['12-07 15:00', '12-05 18:00']),
  h('before 9 am tomorrow', ['12-04 08:00'], ['12-04 10:00']),
  h('noonish monday', ['12-07 12:00'], ['12-07 15:00']),
  h('thurs 3 or 4pm', ['12-10 15:00', '12-10 16:00'], ['12-10 10:00']),
  h('after work on tuesday', ['12-08 18:00'], ['12-08 13:00']),
  // numeric dates
  h('12-22', ['12-22 12:00'], ['12-21 12:00', '12-23 12:00']),
  h('12-22 at 3', ['12-22 15:00'], ['12-22 10:00']),
  h('1/4', ['01-04 12:00'], ['01-05 12:00']),
  h('12/31 am', ['12-31 09:00'], ['12-31 14:00']),
  // short forms and typos
  h('fri aft', ['12-04 14:00'], ['12-04 10:00']),
  h('tmrw aftenoon', ['12-04 14:00'], ['12-04 09:00']),
  h('aftrnoon on monday', ['12-07 14:00'], ['12-07 09:00']),
  h('nxt wk', ['12-09 12:00'], ['12-04 12:00', '12-14 12:00']),
  h('mornin tmrw', ['12-04 09:00'], ['12-04 14:00']),
  h('wednsday evening', ['12-09 18:00'], ['12-09 12:00']),
  h('sat mornin', ['12-05 09:00'], ['12-05 14:00']),
  h('tues or thurs next wk', ['12-08 12:00', '12-10 12:00'], ['12-09 12:00']),
  h('thu eve', ['12-10 18:00'], ['12-10 10:00']),
  h('mon morn', ['12-07 09:00'], ['12-07 14:00']),
  h('tmr 4pm', ['12-04 16:00'], ['12-04 10:00']),
  h('nxt tues am', ['12-08 09:00'], ['12-08 14:00', '12-01 09:00']),
  // exclusions and plural parts of day
  h('next week, not monday, mornings', ['12-08 09:00', '12-10 09:00'], ['12-07 09:00', '12-08 14:00']),
  h('no, not monday. mornings only', ['12-04 09:00', '12-08 09:00'], ['12-07 09:00', '12-04 14:00']),
  h('afternoons except fridays', ['12-07 14:00'], ['12-04 14:00', '12-07 09:00']),
  h('any weekday but wednesday, afternoons', ['12-07 14:00'], ['12-09 14:00', '12-05 14:00', '12-07 09:00']),
  h('evenings next week except thursday', ['12-08 18:00'], ['12-10 18:00', '12-08 12:00']),
  h('mornings, not tuesdays', ['12-07 09:00'], ['12-08 09:00']),
  h('anything but mondays', ['12-08 12:00'], ['12-07 12:00', '12-14 12:00']),
  h("next week but i can't do friday", ['12-07 12:00'], ['12-11 12:00']),
  // asap in other words
  asap("whatever's first is fine"),
  asap("soonest you've got"),
  asap('the earliest possible'),
  asap('first opening'),
  asap('as soon as you can fit me in'),
  asap('next available'),
  // past: a symptom's history
  noWindows('since may', { past: true }),
  noWindows('it started last tuesday', { past: true }),
  noWindows('a couple days ago', { past: true }),
  noWindows('since yesterday', { past: true }),
  // other time zones
  h('friday morning', ['12-04 09:00'], ['12-04 13:00'], { tz: 'America/Chicago' }),
  h('tomorrow at 4', ['12-04 16:00'], ['12-04 14:00'], { tz: 'America/Denver' }),
  h('monday afternoon', ['12-07 14:00'], ['12-07 10:00'], { tz: 'Pacific/Honolulu' }),
  h('next week', ['12-07 09:00', '12-13 20:00'], ['12-06 12:00', '12-14 09:00'], { tz: 'Australia/Sydney' }),
  h('tonight', ['12-03 18:00'], ['12-03 14:00', '12-04 18:00'], { tz: 'Europe/London' }),
  h('tomorrow', ['12-04 09:00'], ['12-05 09:00'], { tz: 'America/Los_Angeles', now: '2026-12-03T22:30' }),
  h('christmas eve', ['12-24 12:00'], ['12-25 12:00'], { tz: 'America/Phoenix' }),
  // a DST week
  h('monday at 9', ['03-15 09:00'], ['03-15 10:30'], { now: DST_WEEK }),
  h('sunday morning', ['03-14 09:00'], ['03-14 13:00'], { now: DST_WEEK }),
  h('next week mornings', ['03-15 09:00', '03-18 09:00'], ['03-15 13:00'], { now: DST_WEEK }),
  h('monday 9am', ['2026-10-26T09:00'], ['2026-10-26T10:30'], { tz: 'Europe/London', now: '2026-10-22T10:00' }),
  h('tuesday after 5', ['11-03 17:30'], ['11-03 15:00'], { now: '2026-10-29T10:00' }),
  // the turn of the year
  h('next week', ['01-05 12:00'], ['12-31 12:00', '01-11 12:00'], { now: '2026-12-28T10:00' }),
  h('monday', ['01-04 12:00'], ['12-28 12:00', '01-05 12:00'], { now: YEAR_END }),
  h('the 5th', ['01-05 12:00'], ['01-06 12:00'], { now: YEAR_END }),
  h('tomorrow afternoon', ['12-31 14:00'], ['12-31 10:00'], { now: YEAR_END }),
  h('first week of january', ['01-05 12:00'], ['01-12 12:00'], { now: YEAR_END }),
  h('friday the 8th', ['01-08 12:00'], ['01-01 12:00'], { now: YEAR_END }),
  h('day after tomorrow', ['01-02 12:00'], ['01-01 12:00'], { now: '2026-12-31T16:00' }),
  // everyday phrasing
  h('weekends', ['12-05 12:00', '12-06 12:00'], ['12-07 12:00']),
  h('on my lunch break thursday', ['12-10 12:30'], ['12-10 09:00']),
];
