// Clock times become time-of-day windows: a bare hour 1–6 is pm, 7–11 am, 12 noon (spec), then
// at/around T → T±60 min, after T → T to 20:00, before T → 07:00 to T, between A and B → A to B.
// Applies to our qualifier parser and to chrono's ENTimeExpressionParser ("3pm", "2:30", "2-4pm").
import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { hasTag, readTimeOfDay, TAG, tagValue, timeOfDayTag } from '../tags';

function minutesOf(components: ParsingComponents): number | undefined {
  const hour = components.get('hour');
  const minute = components.get('minute') ?? 0;
  if (hour === null || !components.isCertain('hour')) return undefined;
  let h = hour;
  if (!components.isCertain('meridiem') && h >= 1 && h <= 6) h += 12;
  return h * 60 + minute;
}

export function windowFor(kind: string, start: number, end: number | undefined): [number, number] {
  if (end !== undefined) return [start, end > start ? end : Math.min(1440, end + 720)];
  if (kind === 'after') return [start, start < 1200 ? 1200 : 1440];
  if (kind === 'before') return [start > 420 ? 420 : 0, start];
  return [start - 60, start + 60];
}

export const bareHourRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) =>
    results.filter((result) => {
      const kind = tagValue(result, TAG.qualifier);
      const isClock = kind !== undefined || hasTag(result, 'parser/ENTimeExpressionParser');
      if (!isClock || readTimeOfDay(result)) return true;
      const start = minutesOf(result.start);
      if (start === undefined) return false;
      const end = result.end ? minutesOf(result.end) : undefined;
      const [from, to] = windowFor(kind ?? 'at', start, end);
      if (to <= from) return false;
      result.addTag(timeOfDayTag(from, to));
      return true;
    }),
};
