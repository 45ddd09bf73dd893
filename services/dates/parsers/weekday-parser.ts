// Weekday names with the spec's meanings (chrono's own ENWeekdayParser picks the nearest day instead):
// alone → next occurrence after today; "next" → in next calendar week (weeks start Monday);
// "last" → the most recent one (past); plural / "every" → recurring.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded, WEEKDAY_PATTERN, weekdayOf } from './words';
import { dayComponents, mondayOf, today } from '../reference';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const WEEKDAY_PATTERN_RE = bounded(
      `(?:(this|next|nxt|nex|coming|last|past|previous|prev|every|each|any|on)\\s+)?(?:the\\s+)?${WEEKDAY_PATTERN}\\.?(s)?(\\s+after\\s+next)?`,
    );

export const weekdayParser: Parser = {
  pattern: () => WEEKDAY_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const modifier = (match[1] ?? '').toLowerCase();
    const weekday = weekdayOf(match[2] ?? '');
    if (weekday === undefined) return null;
    const plural = match[3] !== undefined || ['every', 'each', 'any'].includes(modifier);
    const base = today(context);
    let day;
    if (['next', 'nxt', 'nex'].includes(modifier) || match[4] !== undefined) {
      day = mondayOf(base).plus({ days: 7 + weekday - 1 });
      if (match[4] !== undefined) day = day.plus({ days: 7 }); // "Tuesday after next"
    } else if (['last', 'past', 'previous', 'prev'].includes(modifier)) {
      day = base.minus({ days: (base.weekday - weekday + 7) % 7 || 7 });
    } else if (modifier === 'this') {
      day = base.plus({ days: (weekday - base.weekday + 7) % 7 });
    } else {
      day = base.plus({ days: (weekday - base.weekday + 7) % 7 || 7 });
    }
    const result = context.createParsingResult(match.index ?? 0, match[0], dayComponents(day));
    result.addTag(TAG.weekday).addTag(TAG.period);
    if (day >= mondayOf(base).plus({ days: 7 }) && day < mondayOf(base).plus({ days: 14 }) && modifier !== '' && modifier !== 'on') {
      result.addTag(TAG.nextWeek);
    }
    if (plural) result.addTag(TAG.recurring);
    else if (modifier === '' || modifier === 'on') result.addTag(TAG.bareWeekday);
    return result;
  },
};
