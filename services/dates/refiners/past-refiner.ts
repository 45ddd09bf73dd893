// Marks results whose days all lie before today in the practice's wall clock ("yesterday",
// "last Friday", "3 days ago", "Nov 20"); window assembly then reports `past`.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { today } from '../reference';
import { TAG } from '../tags';

export const pastRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const base = today(context);
    const todayKey = base.year * 10_000 + base.month * 100 + base.day;
    for (const result of results) {
      const last = result.end ?? result.start;
      if (!last.isCertain('day') && !result.tags().has(TAG.period)) continue;
      const key = (last.get('year') ?? 0) * 10_000 + (last.get('month') ?? 0) * 100 + (last.get('day') ?? 0);
      if (key < todayKey) result.addTag(TAG.past);
    }
    return results;
  },
};
