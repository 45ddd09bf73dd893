// A calendar date named without a year is the closest one ("Nov 20" on Nov 24 is past), unless that
// lies more than a month back: nobody books last July, so "July 4th" in December is next July.
// Dates after "since" ("since May", "since Monday") are a symptom's history: the last such date.
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DateTime } from 'luxon';
import { today } from '../reference';
import { hasTag, TAG } from '../tags';

const SINCE = /\b(?:since|ever\s+since|started|starting\s+on|began)\s+(?:on\s+|the\s+|last\s+)?$/i;
const MONTH_BACK_DAYS = 31;

const dayOf = (c: ParsingComponents): DateTime => DateTime.utc(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1);
// Plain calendar arithmetic for the checks (luxon only when a date moves).
const dayMs = (c: ParsingComponents): number => Date.UTC(c.get('year') ?? 0, (c.get('month') ?? 1) - 1, c.get('day') ?? 1);
const DAY = 86_400_000;

function shift(result: ParsingResult, by: { years?: number; days?: number }): void {
  for (const c of [result.start, result.end]) {
    if (!c) continue;
    const day = dayOf(c).plus(by);
    c.assign('year', day.year).assign('month', day.month).assign('day', day.day).assign('weekday', day.weekday % 7);
  }
}

export const yearAheadRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    let cursor = 0;
    for (const result of results) {
      const before = context.text.slice(cursor, result.index);
      cursor = result.index + result.text.length;
      const dated = result.start.isCertain('day') || hasTag(result, TAG.period) || result.start.isCertain('month');
      if (!dated || /\d{4}/.test(result.text)) continue;
      const base = today(context);
      const todayMs = Date.UTC(base.year, base.month - 1, base.day);
      const [first, last] = [dayMs(result.start), dayMs(result.end ?? result.start)];
      if (SINCE.test(before) || /^since\s/i.test(result.text)) {
        if (first >= todayMs) shift(result, hasTag(result, TAG.weekday) ? { days: -7 } : { years: -1 });
        result.addTag(TAG.past);
      } else if (!result.start.isCertain('year') && hasTag(result, TAG.named) && last < todayMs - MONTH_BACK_DAYS * DAY) {
        shift(result, { years: 1 });
      }
    }
    return results;
  },
};
