// US federal and common holidays as calendar rules: a fixed day, or the nth (or last) weekday of a
// month, or Easter-based. Pure calendar arithmetic on luxon dates in UTC (wall-clock fields only).
import { DateTime } from 'luxon';

export interface Holiday { from: DateTime; to: DateTime }

type Rule = (year: number) => Holiday;

const day = (year: number, month: number, d: number): DateTime => DateTime.utc(year, month, d);
const single = (date: DateTime): Holiday => ({ from: date, to: date });
const fixed = (month: number, d: number, offset = 0): Rule => (year) => single(day(year, month, d).plus({ days: offset }));

/** nth ISO weekday of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n < 0) {
    const last = day(year, month, 1).endOf('month').startOf('day');
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = day(year, month, 1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
}
const nth = (month: number, weekday: number, n: number, offset = 0): Rule => (year) => single(nthWeekday(year, month, weekday, n).plus({ days: offset }));

/** Western Easter Sunday (Meeus/Jones/Butcher). */
function easter(year: number): DateTime {
  const [a, b, c] = [year % 19, Math.floor(year / 100), year % 100];
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return day(year, Math.floor(n / 31), (n % 31) + 1);
}
const easterBased = (offset: number): Rule => (year) => single(easter(year).plus({ days: offset }));

// Spellings (regex source, no groups) → rule. Order matters: longer names first ("christmas eve").
export const HOLIDAYS: [string, Rule][] = [
  ["(?:christmas|xmas|x-mas)\\s+eve", fixed(12, 24)],
  ["(?:christmas|xmas|x-mas)(?:\\s+day)?", fixed(12, 25)],
  ["new\\s+year'?s?'?\\s+eve|nye", fixed(12, 31)],
  ["new\\s+year'?s?'?(?:\\s+day)?", fixed(1, 1)],
  ['black\\s+friday', nth(11, 4, 4, 1)],
  ['thanksgiving(?:\\s+day)?', nth(11, 4, 4)],
  ['memorial\\s+day', nth(5, 1, -1)],
  ['labou?r\\s+day', nth(9, 1, 1)],
  ["(?:mlk|martin\\s+luther\\s+king(?:\\s+jr\\.?)?)(?:'?s)?(?:\\s+day)?", nth(1, 1, 3)],
  ["presidents?'?s?'?\\s+day|washington'?s\\s+birthday", nth(2, 1, 3)],
  ["independence\\s+day|(?:the\\s+)?fourth\\s+of\\s+july|4th\\s+of\\s+july", fixed(7, 4)],
  ['juneteenth', fixed(6, 19)],
  ["veterans'?\\s+day", fixed(11, 11)],
  ["columbus\\s+day|indigenous\\s+peoples'?\\s+day", nth(10, 1, 2)],
  ["(?:st\\.?|saint)\\s+valentine'?s(?:\\s+day)?|valentine'?s?(?:\\s+day)?", fixed(2, 14)],
  ["(?:st\\.?|saint)\\s+patrick'?s(?:\\s+day)?|st\\.?\\s+patty'?s(?:\\s+day)?", fixed(3, 17)],
  ['halloween', fixed(10, 31)],
  ["mother'?s\\s+day", nth(5, 7, 2)],
  ["father'?s\\s+day", nth(6, 7, 3)],
  ['good\\s+friday', easterBased(-2)],
  ['easter(?:\\s+sunday)?', easterBased(0)],
  // "the holidays" in December: Christmas Eve to New Year's Day.
  ['(?:the\\s+)?(?:holidays|holiday\\s+season|festive\\s+season)', (year) => ({ from: day(year, 12, 24), to: day(year + 1, 1, 1) })],
];

/** The occurrence of a holiday that is not over yet on `today` (this year's, else next year's). */
export function nextOccurrence(rule: Rule, today: DateTime): Holiday {
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const holiday = rule(year);
    if (holiday.to >= today) return holiday;
  }
  return rule(today.year + 1);
}
