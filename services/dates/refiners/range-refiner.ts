// Day ranges: "Monday to Wednesday", "from Dec 1 through Dec 5", "between Tuesday and Thursday".
// Replaces chrono's ENMergeDateRangeRefiner so our weekday meanings survive (a range ending on an
// earlier weekday rolls a week forward) and "between … and" is understood.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { hasTag, readTimeOfDay, TAG } from '../tags';

function isDay(result: ParsingResult): boolean {
  return result.start.isCertain('day') && !readTimeOfDay(result) && !hasTag(result, TAG.exact) && !hasTag(result, TAG.recurring);
}

function dayNumber(result: ParsingResult, end: boolean): number {
  const c = end && result.end ? result.end : result.start;
  return Date.UTC(c.get('year') ?? 0, (c.get('month') ?? 1) - 1, c.get('day') ?? 1);
}

export const rangeRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const out: ParsingResult[] = [];
    for (const result of results) {
      const prev = out[out.length - 1];
      if (prev && isDay(prev) && isDay(result)) {
        const between = context.text.slice(prev.index + prev.text.length, result.index);
        const before = context.text.slice(0, prev.index);
        const joined = /^\s*(?:to|-|–|—|through|thru|till|until)\s*$/i.test(between) ||
          (/^\s*and\s*$/i.test(between) && /\bbetween\s*$/i.test(before));
        if (joined) {
          const merged = prev.clone();
          merged.text = context.text.slice(prev.index, result.index + result.text.length);
          let endDay = result.clone().start;
          if (dayNumber(result, true) < dayNumber(prev, false) && hasTag(result, TAG.weekday)) {
            const d = new Date(dayNumber(result, true) + 7 * 86_400_000);
            endDay = endDay.assign('year', d.getUTCFullYear()).assign('month', d.getUTCMonth() + 1).assign('day', d.getUTCDate());
          }
          merged.end = result.end ? result.end.clone() : endDay;
          merged.addTag(TAG.period);
          for (const tag of result.tags()) if (tag !== TAG.bareWeekday) merged.addTag(tag);
          out[out.length - 1] = merged;
          continue;
        }
      }
      out.push(result);
    }
    return out;
  },
};
