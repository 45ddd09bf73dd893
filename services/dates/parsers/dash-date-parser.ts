// "12-22", "1-15": month-day written with a dash (US order, as 12/22). Only when the second number
// cannot be a clock hour (13–31), so "2-4" stays a time range; the closest such day, as chrono does
// for "12/22". Phone numbers and longer digit runs are not dates.
import type { Parser, ParsingContext } from 'chrono-node';
import { dayComponents, today } from '../reference';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const DASH_DATE_RE = /(?<![\w/.-])(1[0-2]|0?[1-9])-(1[3-9]|2\d|3[01])(?![\w/.-]|:)/i;

export const dashDateParser: Parser = {
  pattern: () => DASH_DATE_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const [month, dayOfMonth] = [Number(match[1]), Number(match[2])];
    const base = today(context);
    const candidates = [base.year - 1, base.year, base.year + 1]
      .map((year) => base.set({ year, month: 1, day: 1 }).set({ month }))
      .filter((first) => dayOfMonth <= (first.daysInMonth ?? 0))
      .map((first) => first.set({ day: dayOfMonth }));
    if (candidates.length === 0) return null;
    const closest = candidates.reduce((a, b) => (Math.abs(b.diff(base).milliseconds) < Math.abs(a.diff(base).milliseconds) ? b : a));
    return context.createParsingResult(match.index ?? 0, match[0], dayComponents(closest)).addTag(TAG.period).addTag(TAG.named);
  },
};
