// "in 3 days", "in two weeks", "a week from today" (that whole day) and "within the next 5 days",
// "over the next 2 weeks" (now to that instant). chrono reads the first as an instant and
// "within the next 5 days" as the single day "next 5 days".
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded, NUMBER_PATTERN, numberOf } from './words';
import { dayComponents, today, wallClock } from '../reference';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const RELATIVESPAN_PATTERN_RE = bounded(
      `(?:(within|in|over|during|sometime\\s+in|anytime\\s+in|any\\s+time\\s+in)\\s+)?(?:the\\s+)?(next|coming|following|nxt)\\s+${NUMBER_PATTERN}(?:\\s+of)?\\s+(days?|weeks?)` +
        `|within\\s+(?:the\\s+next\\s+)?${NUMBER_PATTERN}\\s+(days?|weeks?)` +
        `|in\\s+${NUMBER_PATTERN}\\s+(days?|weeks?)(?:\\s+time)?` +
        `|${NUMBER_PATTERN}\\s+(days?|weeks?)\\s+from\\s+(?:now|today)`,
    );

export const relativeSpanParser: Parser = {
  pattern: () => RELATIVESPAN_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const span = match[3] !== undefined ? { n: match[3], unit: match[4], exact: true }
      : match[5] !== undefined ? { n: match[5], unit: match[6], exact: true }
        : match[7] !== undefined ? { n: match[7], unit: match[8], exact: false }
          : { n: match[9], unit: match[10], exact: false };
    const n = numberOf(span.n ?? '');
    if (n === undefined || n > 400) return null;
    const days = (span.unit ?? '').toLowerCase().startsWith('w') ? n * 7 : n;
    const index = match.index ?? 0;
    if (span.exact) {
      const now = wallClock(context);
      const end = now.plus({ days });
      const at = (t: typeof now): { year: number; month: number; day: number; hour: number; minute: number } =>
        ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute });
      return context.createParsingResult(index, match[0], at(now), at(end)).addTag(TAG.exact);
    }
    return context.createParsingResult(index, match[0], dayComponents(today(context).plus({ days }))).addTag(TAG.period);
  },
};
