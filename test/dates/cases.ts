// Shared case format for the date-preference suite, the held-out list and the benchmark.
// Points are local wall-clock times ('YYYY-MM-DDTHH:mm') in the case's zone.
import { DateTime } from 'luxon';
import { parseDatePreference, type DatePreference } from '../../services/dates';

export const DEFAULT_NOW = '2026-11-24T10:00'; // Tue, the spec's reference
export const DEFAULT_ZONE = 'America/New_York';

export interface DateCase {
  text: string;
  now?: string; // local wall clock in `tz`
  tz?: string;
  horizonDays?: number;
  inside?: string[];
  outside?: string[];
  asap?: boolean;
  past?: boolean;
  none?: boolean; // expect no windows at all
}

export function nowOf(c: DateCase): Date {
  const zone = c.tz ?? DEFAULT_ZONE;
  return DateTime.fromISO(c.now ?? DEFAULT_NOW, { zone }).toJSDate();
}

export function runCase(c: DateCase): DatePreference {
  return parseDatePreference(c.text, { now: nowOf(c), timeZone: c.tz ?? DEFAULT_ZONE, horizonDays: c.horizonDays });
}

function covers(result: DatePreference, point: number): boolean {
  return result.windows.some((w) => Date.parse(w.start) <= point && point < Date.parse(w.end));
}

/** Every way the result misses the case; empty when it matches. */
export function caseErrors(c: DateCase, result: DatePreference = runCase(c)): string[] {
  const zone = c.tz ?? DEFAULT_ZONE;
  const errors: string[] = [];
  const at = (local: string): number => DateTime.fromISO(local, { zone }).toMillis();
  for (const p of c.inside ?? []) if (!covers(result, at(p))) errors.push(`${p} should be inside`);
  for (const p of c.outside ?? []) if (covers(result, at(p))) errors.push(`${p} should be outside`);
  if (result.asap !== (c.asap ?? false)) errors.push(`asap should be ${c.asap ?? false}`);
  if (result.past !== (c.past ?? false)) errors.push(`past should be ${c.past ?? false}`);
  if ((c.none ?? false) && result.windows.length > 0) errors.push('should find no windows');
  if (!(c.none ?? false) && !(c.past ?? false) && result.windows.length === 0) errors.push('found no windows');
  return errors;
}

/** Windows shown in local time, for failure messages and the CLI. */
export function showWindows(result: DatePreference, zone: string): string {
  const fmt = (iso: string): string => DateTime.fromISO(iso, { zone }).toFormat('ccc LLL d HH:mm');
  return result.windows.map((w) => `${fmt(w.start)} – ${fmt(w.end)}`).join('; ') || '(none)';
}
