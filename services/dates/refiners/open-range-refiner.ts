// "by Friday", "before Friday", "until Wednesday" → from today up to that day; "after Monday",
// "from the 3rd on" → from the next day (or that day) to the horizon (clipped later).
// The qualifier is a word before a chrono result, which only a refiner reading context.text can see.
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { dayComponents, today } from '../reference';
import { hasTag, readTimeOfDay, TAG } from '../tags';

const UP_TO = /\b(?<!not\s)(by|before|until|till|til|no\s+later\s+than|not\s+after|up\s+to|through)\s+(?:on\s+|the\s+)?$/i;
const FROM = /\b(after|from|starting|beginning|not\s+before|not\s+until|not\s+till|no\s+earlier\s+than|any\s*time\s+after)\s+(?:on\s+|the\s+)?$/i;
// "the 15th or later", "the 10th onwards": from that day on.
const OR_LATER = /^\s*(?:or\s+(?:later|after)|and\s+(?:later|after)|onwards?|or\s+any\s*time\s+after)\b/i;

type Day = ReturnType<typeof today>;
const dayOf = (c: ParsingComponents, base: Day): Day =>
  base.set({ year: c.get('year') ?? base.year, month: c.get('month') ?? base.month, day: c.get('day') ?? base.day });

/** Which open range the words around a result ask for, if any; spans only "after the holidays", "by the end of next week". */
function rangeOf(result: ParsingResult, before: string, after: string): { upTo?: string; from?: string; suffix?: string } | undefined {
  const isDay = hasTag(result, TAG.period) || result.start.isCertain('day');
  if (!isDay || readTimeOfDay(result) || hasTag(result, TAG.recurring) || hasTag(result, TAG.exact)) return undefined;
  const upTo = UP_TO.exec(before)?.[1];
  const from = upTo ? undefined : FROM.exec(before)?.[1];
  const suffix = upTo || from ? undefined : OR_LATER.exec(after)?.[0];
  if (result.end && !(hasTag(result, TAG.holiday) || (upTo && /^(?:the\s+)?end\s+of\b/i.test(result.text)))) return undefined;
  return upTo || from || suffix ? { upTo, from, suffix } : undefined;
}

export const openRangeRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const base = today(context);
    results.forEach((result, i) => {
      const previousEnd = i > 0 ? results[i - 1].index + results[i - 1].text.length : 0;
      const before = context.text.slice(previousEnd, result.index);
      const nextStart = i + 1 < results.length ? results[i + 1].index : context.text.length;
      const after = context.text.slice(result.index + result.text.length, nextStart);
      const range = rangeOf(result, before, after);
      if (!range) return;
      if (range.upTo) {
        // "before X" stops the day before X begins; "by/until X" includes X (to its last day).
        const last = /^before$/i.test(range.upTo) ? dayOf(result.start, base).minus({ days: 1 }) : dayOf(result.end ?? result.start, base);
        if (last < base) return;
        result.start = context.createParsingComponents(dayComponents(base)).addTags(result.start.tags());
        result.end = context.createParsingComponents(dayComponents(last)).addTags(result.start.tags());
      } else {
        const word = range.from ?? '';
        const first = /after$/i.test(word) ? dayOf(result.end ?? result.start, base).plus({ days: 1 }) : dayOf(result.start, base);
        result.start = context.createParsingComponents(dayComponents(first)).addTags(result.start.tags());
        result.end = context.createParsingComponents(dayComponents(first.plus({ days: 366 }))).addTags(result.start.tags());
        result.addTag(TAG.open);
      }
      if (range.suffix) result.text += range.suffix;
      else {
        result.text = before.trimStart() + result.text;
        result.index = previousEnd + (before.length - before.trimStart().length);
      }
      result.addTag(TAG.period);
    });
    return results;
  },
};
