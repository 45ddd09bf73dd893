// chrono's time parser reads "Dec 15 in the afternoon" as "15 in the afternoon" (3pm) and, being
// longer, that wins over the date "Dec 15". This wrapper keeps chrono's parser but refuses a clock
// time whose number is a day of a month name or the tail of a longer number.
import type { Parser, ParsingContext } from 'chrono-node';
import { MONTH_PATTERN } from './words';

const DATE_BEFORE = new RegExp(`(?:${MONTH_PATTERN}\\.?\\s*|\\d|[/-])$`, 'i');

export function guardClockAfterDate(inner: Parser): Parser {
  return {
    pattern: (context: ParsingContext) => inner.pattern(context),
    extract: (context: ParsingContext, match: RegExpMatchArray) => {
      const firstDigit = match[0].search(/\d/);
      if (firstDigit >= 0 && DATE_BEFORE.test(context.text.slice(0, (match.index ?? 0) + firstDigit))) return null;
      return inner.extract(context, match);
    },
  };
}
