// Dates of birth: found before anything else reads dates, and consumed (with their cue words),
// so a birth date never becomes a preferred date. A full date counts as a birth date when a cue
// says so ("born", "dob", "birthday"), when the bot asked for it, or when it lies more than a
// year back (nobody books an appointment in the past).
import { DateTime } from 'luxon';
import { monthNumber } from './calendar-words';
import type { MessageText } from './message-text';

const CUE = /\b(?:(?:i\s+was\s+)?born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|b-?day)\b(?:\s*(?:is|was|=|:|-|on|in|the))*\s*/g;
/** What may separate a cue from its date. */
const CUE_GAP = /^[\s:,=-]*(?:(?:is|was|on|in|the|of)\s*)*$/;
/** A cue after the date: "3/4/1990 is my birthday". */
const CUE_AFTER = /^[\s,]*(?:(?:is|was|that's|thats)\s+)?(?:my\s+)?(?:birthday|dob|d\.o\.b|date\s+of\s+birth|birth\s*date)\b/;

const ORD = '(?:st|nd|rd|th)?';
const MONTH_WORD = '([a-z]{3,10})\\.?';
interface Pattern {
  regex: RegExp;
  /** year, month, day from the match; undefined when the words are not a date */
  read: (match: RegExpMatchArray) => { year: string; month: number; day: number; dayFirstToo?: boolean } | undefined;
}
const PATTERNS: Pattern[] = [
  // 1990-03-04, 1990/3/4
  { regex: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m) => ({ year: m[1], month: Number(m[2]), day: Number(m[3]) }) },
  // 3/4/1990, 03-04-90, 3.4.1990 (US order; day first only when US order cannot be)
  { regex: /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\b/g, read: (m) => ({ year: m[4], month: Number(m[1]), day: Number(m[3]), dayFirstToo: true }) },
  // March 4 1990, March 4th, 1990, mar 4 '90
  {
    regex: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})${ORD}\\s*,?\\s*(\\d{4}|'\\d{2})\\b`, 'g'),
    read: (m) => monthOf(m[1], m[3], m[2]),
  },
  // 4 March 1990, 4th of March, 1990
  {
    regex: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH_WORD}\\s*,?\\s*(\\d{4}|'\\d{2})\\b`, 'g'),
    read: (m) => monthOf(m[2], m[3], m[1]),
  },
];
/** Only after a cue or when asked: 03041990. */
const COMPACT = /\b(\d{2})(\d{2})(\d{4})\b/g;

function monthOf(word: string, year: string, day: string): { year: string; month: number; day: number } | undefined {
  const month = monthNumber(word);
  return month === undefined ? undefined : { year: year.replace("'", ''), month, day: Number(day) };
}

interface Candidate {
  start: number;
  end: number;
  date?: DateTime;
  cued: boolean;
}

function resolveYear(year: string, now: DateTime): number {
  if (year.length === 4) return Number(year);
  const twoDigits = Number(year);
  // Two-digit years: 00–(current year) are this century, the rest the last one.
  return twoDigits <= now.year % 100 ? 2000 + twoDigits : 1900 + twoDigits;
}

function toDate(year: number, month: number, day: number, dayFirstToo: boolean): DateTime | undefined {
  const usOrder = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  if (usOrder.isValid) return usOrder;
  if (!dayFirstToo) return undefined;
  const dayFirst = DateTime.fromObject({ year, month: day, day: month }, { zone: 'utc' });
  return dayFirst.isValid ? dayFirst : undefined;
}

function cueEnds(text: string): { start: number; end: number }[] {
  return [...text.matchAll(CUE)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** "born in 1990 on march 4th", "born on the 4th of march in 1990": cue, then year and day in any order. */
function splitAfterCue(text: string, cue: { start: number; end: number }): { year: string; month: number; day: number; end: number } | undefined {
  const clause = text.slice(cue.end, cue.end + 40);
  const stop = clause.search(/[.;!?]|\band\b/);
  const part = stop >= 0 ? clause.slice(0, stop) : clause;
  const year = /\b(?:in\s+)?((?:19|20)\d{2})\b/.exec(part);
  const monthDay = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})${ORD}\\b|\\b(\\d{1,2})${ORD}\\s+of\\s+${MONTH_WORD}`).exec(part);
  if (!year || !monthDay) return undefined;
  const month = monthNumber(monthDay[1] ?? monthDay[4]);
  if (month === undefined) return undefined;
  const end = Math.max(year.index + year[0].length, monthDay.index + monthDay[0].length);
  return { year: year[1], month, day: Number(monthDay[2] ?? monthDay[3]), end: cue.end + end };
}

export function extractDateOfBirth(message: MessageText, now: Date, timeZone: string, expectingBirthDate: boolean): string | undefined {
  const text = message.remaining;
  const localNow = DateTime.fromJSDate(now, { zone: timeZone });
  const today = localNow.isValid ? localNow : DateTime.fromJSDate(now, { zone: 'utc' });
  const cues = cueEnds(text);
  const cuedAt = (start: number, end: number): { start: number } | undefined => {
    const before = cues.find((cue) => cue.end <= start && CUE_GAP.test(text.slice(cue.end, start)));
    if (before) return before;
    return CUE_AFTER.test(text.slice(end, end + 40)) ? { start } : undefined;
  };

  const candidates: Candidate[] = [];
  const taken = (start: number, end: number): boolean => candidates.some((c) => start < c.end && c.start < end);
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (taken(start, end)) continue;
      const read = pattern.read(match);
      if (!read) continue;
      const cue = cuedAt(start, end);
      candidates.push({
        start: cue ? Math.min(cue.start, start) : start,
        end,
        date: toDate(resolveYear(read.year, today), read.month, read.day, read.dayFirstToo === true),
        cued: cue !== undefined,
      });
    }
  }
  for (const cue of cues) {
    if (candidates.some((c) => c.start <= cue.end && cue.start < c.end)) continue;
    const split = splitAfterCue(text, cue);
    if (split && !taken(cue.start, split.end)) {
      candidates.push({ start: cue.start, end: split.end, date: toDate(Number(split.year), split.month, split.day, false), cued: true });
    }
  }
  if (expectingBirthDate || cues.length > 0) {
    for (const match of text.matchAll(COMPACT)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const cue = cuedAt(start, end);
      if (taken(start, end) || (!cue && !expectingBirthDate)) continue;
      candidates.push({
        start: cue ? Math.min(cue.start, start) : start,
        end,
        date: toDate(Number(match[3]), Number(match[1]), Number(match[2]), true),
        cued: cue !== undefined,
      });
    }
  }

  const oldest = today.minus({ years: 120 }).toISODate() ?? '';
  const todayIso = today.toISODate() ?? '';
  const aYearAgo = today.minus({ years: 1 }).toISODate() ?? '';
  let found: string | undefined;
  for (const candidate of candidates.sort((a, b) => a.start - b.start)) {
    const iso = candidate.date?.toISODate() ?? undefined;
    const farBack = iso !== undefined && iso <= aYearAgo;
    if (!candidate.cued && !expectingBirthDate && !farBack && iso !== undefined) continue; // a preferred date
    // Everything a birth date could be is consumed, valid or not: it must not become a preferred date.
    message.consume(candidate.start, candidate.end);
    if (iso !== undefined && found === undefined && iso <= todayIso && iso >= oldest) found = iso;
  }
  // A cue without a full date ("born March 4", "my birthday is in march") must not leave
  // date words behind either: its clause goes too.
  for (const cue of cues) {
    if (candidates.some((c) => c.start <= cue.start && cue.start < c.end)) continue;
    const clause = text.slice(cue.end, cue.end + 30);
    const stop = clause.search(/[,.;!?]|\band\b|\bbut\b/);
    message.consume(cue.start, cue.end + (stop >= 0 ? stop : clause.length));
  }
  return found;
}
