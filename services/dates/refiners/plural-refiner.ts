// "Monday mornings" / "mornings on Monday": a plural part of day makes a weekday next to it
// recurring (every Monday morning up to the horizon), not only the next Monday.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { hasTag, TAG } from '../tags';

export const pluralRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    results.forEach((result, i) => {
      if (!hasTag(result, TAG.plural)) return;
      for (const neighbour of [results[i - 1], results[i + 1]]) {
        if (!neighbour || !hasTag(neighbour, TAG.bareWeekday)) continue;
        const [a, b] = neighbour.index < result.index ? [neighbour, result] : [result, neighbour];
        if (/^\s*(?:on\s+)?$/i.test(context.text.slice(a.index + a.text.length, b.index))) neighbour.addTag(TAG.recurring);
      }
    });
    return results;
  },
};
