// "the week of the 14th", "week of Jan 11", "the week of Christmas": Monday to Sunday of the week
// that holds the day. Our week parser reads "the week" on its own; the "of" between tells us more.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DateTime } from 'luxon';
import { dayComponents, mondayOf } from '../reference';
import { hasTag, readTimeOfDay, TAG } from '../tags';

const WEEK_OF_GAP = /^\s+of\s+(?:the\s+)?$/i;
const WEEK_OF_BEFORE = /\b(?:the\s+)?week\s+of\s+(?:the\s+)?$/i;

function isSingleDay(result: ParsingResult): boolean {
  return !result.end && result.start.isCertain('day') && !readTimeOfDay(result) && !hasTag(result, TAG.recurring);
}

export const weekOfRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const out: ParsingResult[] = [];
    for (const result of results) {
      const prev = out[out.length - 1];
      const gapFromPrev = prev ? context.text.slice(prev.index + prev.text.length, result.index) : '';
      const weekResultBefore = prev !== undefined && /\bweek$/i.test(prev.text) && WEEK_OF_GAP.test(gapFromPrev);
      const textBefore = context.text.slice(prev ? prev.index + prev.text.length : 0, result.index);
      if (!isSingleDay(result) || (!weekResultBefore && !WEEK_OF_BEFORE.test(textBefore))) {
        out.push(result);
        continue;
      }
      const c = result.start;
      const monday = mondayOf(DateTime.utc(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1));
      const index = weekResultBefore && prev ? prev.index : result.index - (WEEK_OF_BEFORE.exec(textBefore)?.[0].length ?? 0);
      if (weekResultBefore) out.pop();
      const week = context.createParsingResult(index, context.text.slice(index, result.index + result.text.length),
        dayComponents(monday), dayComponents(monday.plus({ days: 6 })));
      for (const tag of result.tags()) week.addTag(tag);
      out.push(week.addTag(TAG.period));
    }
    return out;
  },
};
