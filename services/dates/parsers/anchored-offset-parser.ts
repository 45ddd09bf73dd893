// "a week from Friday", "two weeks from Monday", "3 days from tomorrow": a whole day counted from
// an anchor day (a weekday name is its next occurrence after today, as alone).
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded, NUMBER_PATTERN, numberOf, WEEKDAY_PATTERN, weekdayOf } from './words';
import { dayComponents, today } from '../reference';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const ANCHORED_OFFSET_RE = bounded(`${NUMBER_PATTERN}\\s+(days?|weeks?|wks?)\\s+(?:from|after)\\s+(?:(today|now|tomorrow|tmrw|tmr)|(?:this\\s+|next\\s+)?${WEEKDAY_PATTERN})`);

export const anchoredOffsetParser: Parser = {
  pattern: () => ANCHORED_OFFSET_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const count = numberOf(match[1] ?? '');
    if (count === undefined || count > 52) return null;
    const base = today(context);
    let anchor = base;
    if (match[3] !== undefined) {
      if (/^(?:tomorrow|tmrw|tmr)$/i.test(match[3])) anchor = base.plus({ days: 1 });
    } else {
      const weekday = weekdayOf(match[4] ?? '');
      if (weekday === undefined) return null;
      anchor = base.plus({ days: ((weekday - base.weekday + 6) % 7) + 1 });
    }
    const day = anchor.plus(/^d/i.test(match[2] ?? '') ? { days: count } : { weeks: count });
    return context.createParsingResult(match.index ?? 0, match[0], dayComponents(day)).addTag(TAG.period);
  },
};
