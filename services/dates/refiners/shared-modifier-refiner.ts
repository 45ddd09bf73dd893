// "next Tuesday or Thursday": "next" carries over to the weekday listed after it, so Thursday is
// next week's too (a lone "Thursday" would be this week's).
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { dayComponents, mondayOf, today } from '../reference';
import { hasTag, TAG } from '../tags';

export const sharedModifierRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const nextMonday = mondayOf(today(context)).plus({ days: 7 });
    results.forEach((result, i) => {
      const prev = results[i - 1];
      if (!prev || !hasTag(prev, TAG.nextWeek) || !hasTag(result, TAG.bareWeekday) || result.end) return;
      if (!/^\s*(?:,|or|and|\/|&)\s*$/i.test(context.text.slice(prev.index + prev.text.length, result.index))) return;
      const weekday = ((result.start.get('weekday') ?? 0) + 6) % 7 + 1;
      const day = dayComponents(nextMonday.plus({ days: weekday - 1 }));
      result.start.assign('year', day.year).assign('month', day.month).assign('day', day.day);
      result.addTag(TAG.nextWeek);
    });
    return results;
  },
};
