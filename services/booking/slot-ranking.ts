// Which open times to offer for a date preference, and in what order. Pure functions over data.
import { DateTime } from 'luxon';
import type { SlotGroup } from '../nexhealth';

export interface TimeWindow {
  start: string;
  end: string;
}

export interface PreferenceWindows {
  windows: TimeWindow[];
  asap: boolean;
}

export interface OpenSlot {
  /** ISO 8601 with the location's offset, as NexHealth gives it. */
  start: string;
  /** When NexHealth gives one (v2 does not): the booking then leaves it to the appointment type. */
  end?: string;
  providerId: number;
  locationId: number;
  operatoryId?: number;
}

/** Windows up to this long ("at 3" → 2–4) rank by closeness to their middle; longer ones by time. */
const POINT_WINDOW_MS = 4 * 3600_000;
/** In a long window, at most this many times a day, so a week's offer spans several days. */
const PER_DAY_IN_LONG_WINDOWS = 2;

export function slotsFromGroups(groups: SlotGroup[]): OpenSlot[] {
  const seen = new Set<string>();
  const slots: OpenSlot[] = [];
  for (const group of groups) {
    for (const slot of group.slots) {
      const providerId = slot.provider_id ?? group.pid;
      const key = `${Date.parse(slot.time)}:${providerId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const operatoryId = slot.operatory_id ?? group.operatory_id ?? undefined;
      slots.push({ start: slot.time, ...(slot.end_time ? { end: slot.end_time } : {}), providerId, locationId: group.lid, ...(operatoryId ? { operatoryId } : {}) });
    }
  }
  return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** For "any provider": one slot per start time (the first provider listed), so no time is offered twice. */
export function onePerTime(slots: OpenSlot[]): OpenSlot[] {
  const seen = new Set<number>();
  return slots.filter((slot) => {
    const start = Date.parse(slot.start);
    if (seen.has(start)) return false;
    seen.add(start);
    return true;
  });
}

/** The local dates (YYYY-MM-DD) to search and how many days, covering every window. */
export function searchRange(preference: PreferenceWindows, timeZone: string): { startDate: string; days: number } | undefined {
  if (preference.windows.length === 0) return undefined;
  const starts = preference.windows.map((window) => DateTime.fromISO(window.start, { zone: timeZone }).startOf('day'));
  // A window ending at midnight does not need the next day.
  const ends = preference.windows.map((window) => DateTime.fromISO(window.end, { zone: timeZone }).minus({ milliseconds: 1 }).startOf('day'));
  const first = DateTime.min(...starts);
  const last = DateTime.max(...ends);
  if (!first || !last) return undefined;
  return { startDate: first.toISODate() ?? '', days: Math.max(1, Math.round(last.diff(first, 'days').days) + 1) };
}

function windowOf(slot: Pick<OpenSlot, 'start'>, windows: TimeWindow[]): TimeWindow | undefined {
  const start = Date.parse(slot.start);
  return windows.find((window) => start >= Date.parse(window.start) && start < Date.parse(window.end));
}

/**
 * Up to `limit` times inside the preference, nearest first: ASAP and long windows by time (at most
 * two a day), short windows by closeness to their middle. Slots in `exclude` (already offered) are
 * skipped, so "Other times" pages on. The result is in chronological order for display.
 */
export function rankInWindow(slots: OpenSlot[], preference: PreferenceWindows, limit: number, exclude: ReadonlySet<string> = new Set()): OpenSlot[] {
  const scored: { slot: OpenSlot; score: number; day: string; long: boolean }[] = [];
  for (const slot of slots) {
    if (exclude.has(slotKey(slot))) continue;
    const window = windowOf(slot, preference.windows);
    if (!window) continue;
    const start = Date.parse(slot.start);
    const windowStart = Date.parse(window.start);
    const windowEnd = Date.parse(window.end);
    const long = preference.asap || windowEnd - windowStart > POINT_WINDOW_MS;
    const score = long ? start : Math.abs(start - (windowStart + windowEnd) / 2) * 1e3 + start / 1e9;
    scored.push({ slot, score, day: slot.start.slice(0, 10), long });
  }
  scored.sort((a, b) => a.score - b.score);
  const perDay = new Map<string, number>();
  const picked: OpenSlot[] = [];
  const deferred: OpenSlot[] = [];
  for (const entry of scored) {
    const count = perDay.get(entry.day) ?? 0;
    if (entry.long && !preference.asap && count >= PER_DAY_IN_LONG_WINDOWS) {
      deferred.push(entry.slot);
      continue;
    }
    perDay.set(entry.day, count + 1);
    picked.push(entry.slot);
    if (picked.length >= limit) break;
  }
  // Few days open: fill up with the times passed over rather than offer fewer.
  for (const slot of deferred) {
    if (picked.length >= limit) break;
    picked.push(slot);
  }
  return picked.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** When nothing fits: the times closest to any window, before or after it. */
export function rankAround(slots: OpenSlot[], preference: PreferenceWindows, limit: number, exclude: ReadonlySet<string> = new Set()): OpenSlot[] {
  const distance = (slot: OpenSlot): number => {
    const start = Date.parse(slot.start);
    return Math.min(...preference.windows.map((window) => {
      const windowStart = Date.parse(window.start);
      const windowEnd = Date.parse(window.end);
      if (start < windowStart) return windowStart - start;
      if (start >= windowEnd) return start - windowEnd;
      return 0;
    }));
  };
  return slots
    .filter((slot) => !exclude.has(slotKey(slot)))
    .map((slot) => ({ slot, distance: distance(slot) }))
    .sort((a, b) => a.distance - b.distance || Date.parse(a.slot.start) - Date.parse(b.slot.start))
    .slice(0, limit)
    .map((entry) => entry.slot)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Identity of an offered time (one provider at one instant). */
export function slotKey(slot: Pick<OpenSlot, 'start' | 'providerId'>): string {
  return `${Date.parse(slot.start)}:${slot.providerId}`;
}

/**
 * Which offered time (or listed appointment) a patient meant by a time or day ("2:30", "Tuesday at 2:30", a tapped label):
 * the only offered time inside the windows, or, for a short window, the one nearest its middle.
 */
export function pickOffered<T extends Pick<OpenSlot, 'start'>>(offered: T[], preference: PreferenceWindows): T | undefined {
  const inside = offered
    .map((slot) => ({ slot, window: windowOf(slot, preference.windows) }))
    .filter((entry): entry is { slot: T; window: TimeWindow } => entry.window !== undefined);
  if (inside.length === 1) return inside[0].slot;
  const short = inside.filter((entry) => Date.parse(entry.window.end) - Date.parse(entry.window.start) <= POINT_WINDOW_MS);
  if (short.length === 0) return undefined;
  const distance = (entry: { slot: T; window: TimeWindow }) =>
    Math.abs(Date.parse(entry.slot.start) - (Date.parse(entry.window.start) + Date.parse(entry.window.end)) / 2);
  return [...short].sort((a, b) => distance(a) - distance(b))[0].slot;
}
