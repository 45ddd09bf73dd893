// "the 3rd", "on the 15th": the next such day of a month (this month if still ahead, else the
// next month that has it). "the 3rd of December" stays with chrono's month-name parsers (longer).
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded } from './words';
import { dayComponents, today } from '../reference';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const ORDINAL_DAY_RE = bounded('(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)');

export const ordinalDayParser: Parser = {
  pattern: () => ORDINAL_DAY_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const dayOfMonth = Number(match[1]);
    if (!(dayOfMonth >= 1 && dayOfMonth <= 31)) return null;
    const base = today(context);
    for (let months = 0; months < 3; months += 1) {
      const month = base.startOf('month').plus({ months });
      if (dayOfMonth > (month.daysInMonth ?? 0)) continue;
      const day = month.set({ day: dayOfMonth });
      if (day < base) continue;
      return context.createParsingResult(match.index ?? 0, match[0], dayComponents(day)).addTag(TAG.period);
    }
    return null;
  },
};
