// Holidays by name ("Christmas Eve", "MLK Day", "Thanksgiving", "the holidays"), each at its next
// occurrence that is not over yet, and "the day after / the day before / the week of" a holiday.
// "before Christmas", "after the holidays", "between Christmas and New Year's" are the open-range
// and range refiners' work on these results.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded } from './words';
import { HOLIDAYS, nextOccurrence } from './holidays';
import { dayComponents, mondayOf, today } from '../reference';
import { TAG } from '../tags';

const ANCHORED = HOLIDAYS.map(([spelling, rule]) => [new RegExp(`^(?:${spelling})$`, 'i'), rule] as const);

// Compiled once: chrono asks for the pattern on every parse.
const HOLIDAY_PATTERN_RE = bounded(
  `(?:(?:the\\s+)?(day|week)\\s+(after|before|of)\\s+)?(${HOLIDAYS.map(([spelling]) => spelling).join('|')})`,
);

export const holidayParser: Parser = {
  pattern: () => HOLIDAY_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const name = (match[3] ?? '').replace(/\s+/g, ' ');
    const rule = ANCHORED.find(([re]) => re.test(name))?.[1];
    if (!rule) return null;
    const unit = (match[1] ?? '').toLowerCase();
    const relation = (match[2] ?? '').toLowerCase();
    let { from, to } = nextOccurrence(rule, today(context));
    if (unit === 'day' && relation !== 'of') {
      const day = relation === 'after' ? to.plus({ days: 1 }) : from.minus({ days: 1 });
      [from, to] = [day, day];
    } else if (unit === 'week' && relation === 'of') {
      from = mondayOf(from);
      to = from.plus({ days: 6 });
    } else if (unit) {
      return null; // "the week after Christmas": not ours to guess
    }
    const result = context.createParsingResult(match.index ?? 0, match[0], dayComponents(from), dayComponents(to));
    return result.addTag(TAG.period).addTag(TAG.holiday).addTag(TAG.named);
  },
};
