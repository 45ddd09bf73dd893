// Months: "next month", "this month", "early/mid/late <month>", "end of the month", "early next month".
// A bare month name ("in December") stays with chrono's ENMonthNameParser.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded, MONTH_PATTERN, monthOf } from './words';
import { dayComponents, today } from '../reference';
import { TAG } from '../tags';

const PART = '((?:first|1st|second|2nd|third|3rd|fourth|4th|last)\\s+week\\s+of|early|beginning\\s+of|start\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|mid|middle\\s+of|the\\s+middle\\s+of|late|end\\s+of|the\\s+end\\s+of|towards?\\s+the\\s+end\\s+of|sometime|anytime|any\\s+time)';

// Compiled once: chrono asks for the pattern on every parse.
const MONTHPERIOD_PATTERN_RE = bounded(`(?:${PART}[\\s-]+(?:in\\s+)?)?(?:(this|next|nxt|the|the\\s+following|following)\\s+month|${MONTH_PATTERN})`);

export const monthPeriodParser: Parser = {
  pattern: () => MONTHPERIOD_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const part = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
    const which = (match[2] ?? '').toLowerCase();
    const base = today(context);
    let first = base.startOf('month');
    // chrono reads "December"; "since May" (a symptom's history) is ours, as "may" alone is a verb.
    const since = match[3] !== undefined && !part ? /\bsince\s+$/.exec(context.text.slice(0, match.index ?? 0).toLowerCase()) : null;
    if (match[3] !== undefined) {
      if ((!part && !since) || part === 'sometime' || part.startsWith('any')) return null;
      const month = monthOf(match[3]);
      if (month === undefined) return null;
      first = first.set({ month });
      if (month < base.month) first = first.plus({ years: 1 });
    } else if (which !== 'this' && which !== 'the') {
      first = first.plus({ months: 1 });
    }
    const last = first.endOf('month').startOf('day');
    let [from, to] = [first, last];
    const week = /^(first|1st|second|2nd|third|3rd|fourth|4th|last) week of$/.exec(part);
    if (week) {
      const n = ['first', '1st', 'second', '2nd', 'third', '3rd', 'fourth', '4th'].indexOf(week[1]);
      [from, to] = n < 0 ? [last.minus({ days: 6 }), last] : [first.plus({ days: 7 * Math.floor(n / 2) }), first.plus({ days: 7 * Math.floor(n / 2) + 6 })];
    }
    if (/^(early|beginning of|start of)$/.test(part)) [from, to] = [first, first.plus({ days: 9 })];
    else if (/^(mid|middle of)$/.test(part)) [from, to] = [first.plus({ days: 10 }), first.plus({ days: 19 })];
    else if (/^(late|end of|towards? the end of)$/.test(part)) [from, to] = [first.plus({ days: 20 }), last];
    // "since May" keeps its cue in the text (chrono drops a lone "may" as the verb).
    const lead = since ? context.text.slice((match.index ?? 0) - since[0].length, match.index) : '';
    const result = context.createParsingResult((match.index ?? 0) - lead.length, lead + match[0], dayComponents(from), dayComponents(to));
    return result.addTag(TAG.period).addTag(TAG.month);
  },
};
