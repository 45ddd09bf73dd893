// "by Friday", "before Friday", "until Wednesday" → from today up to that day; "after Monday",
// "from the 3rd on" → from the next day (or that day) to the horizon (clipped later).
// The qualifier is a word before a chrono result, which only a refiner reading context.text can see.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { dayComponents, today } from '../reference';
import { hasTag, readTimeOfDay, TAG } from '../tags';

const UP_TO = /\b(by|before|until|till|til|no\s+later\s+than|not\s+after|up\s+to|through)\s+(?:on\s+|the\s+)?$/i;
const FROM = /\b(after|from|starting|beginning|not\s+before|no\s+earlier\s+than|any\s*time\s+after)\s+(?:on\s+|the\s+)?$/i;

export const openRangeRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const base = today(context);
    results.forEach((result, i) => {
      const isDay = hasTag(result, TAG.period) || result.start.isCertain('day');
      // A holiday span ("the holidays") has an end: "after" it counts from its last day.
      const span = result.end !== null && hasTag(result, TAG.holiday);
      if ((result.end && !span) || !isDay || readTimeOfDay(result) || hasTag(result, TAG.recurring) || hasTag(result, TAG.exact)) return;
      const previousEnd = i > 0 ? results[i - 1].index + results[i - 1].text.length : 0;
      const before = context.text.slice(previousEnd, result.index);
      const c = span && result.end ? result.end : result.start;
      const day = base.set({ year: c.get('year') ?? base.year, month: c.get('month') ?? base.month, day: c.get('day') ?? base.day });
      const upTo = UP_TO.exec(before);
      const from = upTo ? null : FROM.exec(before);
      if (!upTo && !from) return;
      if (upTo) {
        const inclusive = !/^before$/i.test(upTo[1]);
        const last = inclusive ? day : day.minus({ days: 1 });
        if (last < base) return;
        result.start = context.createParsingComponents(dayComponents(base)).addTags(result.start.tags());
        result.end = context.createParsingComponents(dayComponents(last)).addTags(result.start.tags());
      } else if (from) {
        const first = /^after$/i.test(from[1]) || /after$/i.test(from[1]) ? day.plus({ days: 1 }) : day;
        result.start = context.createParsingComponents(dayComponents(first)).addTags(result.start.tags());
        result.end = context.createParsingComponents(dayComponents(first.plus({ days: 366 }))).addTags(result.start.tags());
        result.addTag(TAG.open);
      }
      result.text = context.text.slice(previousEnd, result.index).trimStart() + result.text;
      result.index = previousEnd + (before.length - before.trimStart().length);
      result.addTag(TAG.period);
    });
    return results;
  },
};
