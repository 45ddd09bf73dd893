// Open times remembered for a few seconds per (location, appointment type, provider, day), so a
// burst of patients looking at the same week costs one slot search, not one each: NexHealth allows
// 10 slot searches a second per key. Searches for times already being fetched wait for that fetch
// (single flight). Any booking or cancellation through the bot forgets the location's times.
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { OpenSlot } from './slot-ranking';

export interface SlotCacheQuery {
  locationId: number;
  appointmentTypeId: number;
  providerIds: readonly number[];
  /** First day, YYYY-MM-DD in the location's zone, and how many days. */
  startDate: string;
  days: number;
  timeZone: string;
}

/** Fetches open times for some of the query's providers over a run of days. */
export type SlotFetch = (range: { startDate: string; days: number; providerIds: number[] }) => Promise<OpenSlot[]>;

interface Cell {
  slots: Promise<OpenSlot[]>;
  expiresAt: number;
}

export class SlotCache {
  private readonly cells = new Map<string, Cell>();
  /** Each searched location's zone, to tell which local days a booking touches. */
  private readonly zones = new Map<number, string>();

  constructor(private readonly ttlMs: number, private readonly clock: Clock) {}

  /** The query's open times, soonest first (ties in the order of `providerIds`). */
  async search(query: SlotCacheQuery, fetch: SlotFetch): Promise<OpenSlot[]> {
    if (this.ttlMs <= 0) return sortByStart(await fetch({ startDate: query.startDate, days: query.days, providerIds: [...query.providerIds] }));
    const now = this.clock.now().getTime();
    this.zones.set(query.locationId, query.timeZone);
    this.forgetExpired(now);
    const dates = daysFrom(query.startDate, query.days);
    const missing = query.providerIds.flatMap((providerId) => dates.filter((date) => !this.cells.has(cellKey(query, providerId, date)))
      .map((date) => ({ providerId, date })));
    if (missing.length > 0) this.fetchCells(query, missing, fetch, now);
    const parts = await Promise.all(query.providerIds.flatMap((providerId) => dates.map((date) => {
      const cell = this.cells.get(cellKey(query, providerId, date));
      return cell ? cell.slots : Promise.resolve([]);
    })));
    return sortByStart(parts.flat());
  }

  /**
   * After a booking or a cancellation: the times of the location's days from `span.start` to
   * `span.end` have changed, for every provider and type (they may share an operatory). Without a
   * span, the whole location; without a location, everything.
   */
  invalidate(locationId?: number, span?: { start: string; end?: string }): void {
    if (locationId === undefined) {
      this.cells.clear();
      return;
    }
    const zone = this.zones.get(locationId);
    const dates = zone && span ? localDays(span, zone) : undefined;
    for (const key of [...this.cells.keys()]) {
      const [location, , , date] = key.split(':');
      if (location === String(locationId) && (!dates || dates.includes(date ?? ''))) this.cells.delete(key);
    }
  }

  /** One fetch over the missing days (first to last) for the providers missing any; one cell each. */
  private fetchCells(query: SlotCacheQuery, missing: { providerId: number; date: string }[], fetch: SlotFetch, now: number): void {
    const dates = missing.map((cell) => cell.date).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    const providerIds = [...new Set(missing.map((cell) => cell.providerId))];
    const range = daysFrom(first, dayCount(first, last));
    const byCell = fetch({ startDate: first, days: range.length, providerIds }).then((slots) => groupByCell(query, slots));
    for (const providerId of providerIds) {
      for (const date of range) {
        const key = cellKey(query, providerId, date);
        if (this.cells.has(key)) continue;
        const slots = byCell.then((groups) => groups.get(key) ?? []);
        this.cells.set(key, { slots, expiresAt: now + this.ttlMs });
        // A failed fetch is not remembered: the next search asks again.
        slots.catch(() => {
          if (this.cells.get(key)?.slots === slots) this.cells.delete(key);
        });
      }
    }
  }

  private forgetExpired(now: number): void {
    for (const [key, cell] of this.cells) if (cell.expiresAt <= now) this.cells.delete(key);
  }
}

function cellKey(query: SlotCacheQuery, providerId: number, date: string): string {
  return `${query.locationId}:${query.appointmentTypeId}:${providerId}:${date}`;
}

function groupByCell(query: SlotCacheQuery, slots: OpenSlot[]): Map<string, OpenSlot[]> {
  const groups = new Map<string, OpenSlot[]>();
  for (const slot of slots) {
    const date = DateTime.fromISO(slot.start, { zone: query.timeZone }).toISODate() ?? slot.start.slice(0, 10);
    const key = cellKey(query, slot.providerId, date);
    const group = groups.get(key);
    if (group) group.push(slot);
    else groups.set(key, [slot]);
  }
  return groups;
}

function localDays(span: { start: string; end?: string }, zone: string): string[] | undefined {
  const first = DateTime.fromISO(span.start, { zone }).toISODate();
  const last = DateTime.fromISO(span.end || span.start, { zone }).toISODate() ?? first;
  if (!first || !last) return undefined;
  return daysFrom(first, Math.max(1, dayCount(first, last)));
}

function sortByStart(slots: OpenSlot[]): OpenSlot[] {
  return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function daysFrom(startDate: string, days: number): string[] {
  const start = DateTime.fromISO(startDate, { zone: 'utc' });
  return Array.from({ length: days }, (_, offset) => start.plus({ days: offset }).toISODate() ?? startDate);
}

function dayCount(first: string, last: string): number {
  return Math.round(DateTime.fromISO(last, { zone: 'utc' }).diff(DateTime.fromISO(first, { zone: 'utc' }), 'days').days) + 1;
}
