// Weeks and weekends: "this week", "later this week", "next week", "early/mid/end of next week",
// "the week after next", "this/next weekend". chrono's ENRelativeDateFormatParser returns one day.
import type { Parser, ParsingContext } from 'chrono-node';
import type { DateTime } from 'luxon';
import { bounded } from './words';
import { dayComponents, mondayOf, today } from '../reference';
import { TAG } from '../tags';

const PART = '(early|earlier|beginning\\s+of|start\\s+of|later|late|end\\s+of|the\\s+end\\s+of|towards?\\s+the\\s+end\\s+of|rest\\s+of|middle\\s+of|mid|sometime|anytime|any\\s+time|any\\s+day)';
const WHICH = '(this|next|nxt|nex|the\\s+following|following|coming|the|the\\s+coming|last|past|previous|the\\s+past)';

// Compiled once: chrono asks for the pattern on every parse.
const WEEKPERIOD_PATTERN_RE = bounded(`(?:${PART}\\s+(?:in\\s+)?)?(?:${WHICH}\\s+)?(week\\s*end|weekend|wkend|week|wk)(\\s+after\\s+next)?|(later\\s+in\\s+the\\s+week)`);

export const weekPeriodParser: Parser = {
  pattern: () => WEEKPERIOD_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const base = today(context);
    const part = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const which = (match[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const weekend = /end$/.test((match[3] ?? '').toLowerCase());
    if (match[5] === undefined && !part && !which && !weekend) return null; // a bare "week" ("in a week") is not ours
    let monday = mondayOf(base);
    if (['next', 'nxt', 'nex', 'the following', 'following'].includes(which)) monday = monday.plus({ weeks: 1 });
    if (['last', 'past', 'previous', 'the past'].includes(which)) monday = monday.minus({ weeks: 1 });
    if (match[4] !== undefined) monday = mondayOf(base).plus({ weeks: 2 }); // "the week after next"
    let from: DateTime;
    let to: DateTime;
    if (match[5] !== undefined) {
      [from, to] = [base.plus({ days: 1 }), monday.plus({ days: 6 })];
    } else if (weekend) {
      [from, to] = [monday.plus({ days: 5 }), monday.plus({ days: 6 })];
    } else if (/^(early|earlier|beginning of|start of)$/.test(part)) {
      [from, to] = [monday, monday.plus({ days: 2 })];
    } else if (/^(middle of|mid)$/.test(part)) {
      [from, to] = [monday.plus({ days: 1 }), monday.plus({ days: 3 })];
    } else if (/end of|^late$/.test(part) || (part === 'later' && which !== 'this' && which !== 'the')) {
      [from, to] = [monday.plus({ days: 3 }), monday.plus({ days: 5 })];
    } else if (part === 'later' || part === 'rest of') {
      [from, to] = [base.plus({ days: 1 }), monday.plus({ days: 6 })];
    } else {
      [from, to] = [monday, monday.plus({ days: 6 })];
    }
    // "this week" starts now: earlier days are clipped later; "last week" is reported as past.
    const result = context.createParsingResult(match.index ?? 0, match[0], dayComponents(from), dayComponents(to));
    return result.addTag(TAG.period);
  },
};
