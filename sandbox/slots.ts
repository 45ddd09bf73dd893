// Pure slot computation: availabilities minus busy time, in each location's own zone.
// No I/O and no clock of its own, so it is unit-tested directly (test/sandbox/slots.test.ts).
import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from './model';

export interface SlotAvailability {
  provider_id: number;
  operatory_id: number | null;
  location_id: number;
  begin_time: string;
  end_time: string;
  days: Weekday[];
  specific_date: string | null;
  appointment_type_ids: number[];
  active: boolean;
}

/** Time nobody can book: an appointment (not cancelled) or a block (`unavailable`). */
export interface BusyInterval {
  location_id: number;
  provider_id: number | null;
  operatory_id: number | null;
  start: Date;
  end: Date;
}

export interface SlotQuery {
  startDate: string; // YYYY-MM-DD, in each location's zone
  days: number;
  locationIds: number[];
  providerIds?: number[];
  operatoryIds?: number[];
  appointmentTypeId?: number;
  slotLengthMinutes: number;
  overlappingOperatorySlots: boolean;
  now: Date;
}

export interface Slot {
  time: string;
  end_time: string;
  operatory_id: number | null;
  provider_id: number;
}

export interface SlotGroup {
  lid: number;
  pid: number;
  operatory_id?: number;
  slots: Slot[];
  next_available_date: string | null;
}

export interface SlotInput {
  availabilities: SlotAvailability[];
  busy: BusyInterval[];
  zones: Map<number, string>; // location id → IANA zone
}

export const NEXT_AVAILABLE_SEARCH_DAYS = 180;

const minutesOf = (hhmm: string): { hour: number; minute: number } => {
  const [hour = '0', minute = '0'] = hhmm.split(':');
  return { hour: Number(hour), minute: Number(minute) };
};

function appliesOn(availability: SlotAvailability, date: DateTime): boolean {
  if (availability.specific_date) return availability.specific_date === date.toISODate();
  const weekday = WEEKDAYS[date.weekday % 7];
  return weekday !== undefined && availability.days.includes(weekday);
}

function overlaps(busy: BusyInterval, start: number, end: number): boolean {
  return busy.start.getTime() < end && busy.end.getTime() > start;
}

function blocks(busy: BusyInterval, availability: SlotAvailability): boolean {
  if (busy.location_id !== availability.location_id) return false;
  if (busy.provider_id === null && busy.operatory_id === null) return true; // whole-office block
  if (busy.provider_id !== null && busy.provider_id === availability.provider_id) return true;
  return busy.operatory_id !== null && busy.operatory_id === availability.operatory_id;
}

/** The slots of one (location, provider) on one local date. */
function slotsOnDate(input: SlotInput, query: SlotQuery, lid: number, pid: number, date: string): Slot[] {
  const zone = input.zones.get(lid);
  if (!zone) return [];
  const day = DateTime.fromISO(date, { zone });
  const lengthMs = query.slotLengthMinutes * 60_000;
  const nowMs = query.now.getTime();
  const byKey = new Map<string, Slot & { at: number }>();
  for (const availability of input.availabilities) {
    if (!availability.active || availability.location_id !== lid || availability.provider_id !== pid) continue;
    if (query.operatoryIds && (availability.operatory_id === null || !query.operatoryIds.includes(availability.operatory_id))) continue;
    if (query.appointmentTypeId !== undefined && !availability.appointment_type_ids.includes(query.appointmentTypeId)) continue;
    if (!appliesOn(availability, day)) continue;
    // Wall-clock begin/end in the zone; luxon moves a nonexistent time (spring-forward gap) forward.
    const begin = day.set({ ...minutesOf(availability.begin_time), second: 0, millisecond: 0 }).toMillis();
    const finish = day.set({ ...minutesOf(availability.end_time), second: 0, millisecond: 0 }).toMillis();
    const busy = input.busy.filter((interval) => blocks(interval, availability));
    // Step in absolute time so DST days get the hours they really have.
    for (let at = begin; at + lengthMs <= finish; at += lengthMs) {
      if (at <= nowMs) continue;
      if (busy.some((interval) => overlaps(interval, at, at + lengthMs))) continue;
      const key = query.overlappingOperatorySlots ? `${at}/${availability.operatory_id ?? ''}` : `${at}`;
      if (byKey.has(key)) continue;
      byKey.set(key, {
        at,
        time: DateTime.fromMillis(at, { zone }).toISO() ?? '',
        end_time: DateTime.fromMillis(at + lengthMs, { zone }).toISO() ?? '',
        operatory_id: availability.operatory_id,
        provider_id: pid,
      });
    }
  }
  return [...byKey.values()]
    .sort((a, b) => a.at - b.at || (a.operatory_id ?? 0) - (b.operatory_id ?? 0))
    .map(({ at: _at, ...slot }) => slot);
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** Providers with an active availability at the location, when the caller names none. */
function providersAt(input: SlotInput, lid: number): number[] {
  const ids = input.availabilities.filter((a) => a.active && a.location_id === lid).map((a) => a.provider_id);
  return [...new Set(ids)].sort((a, b) => a - b);
}

export function computeSlots(input: SlotInput, query: SlotQuery): SlotGroup[] {
  const groups: SlotGroup[] = [];
  for (const lid of query.locationIds) {
    for (const pid of query.providerIds ?? providersAt(input, lid)) {
      const slots: Slot[] = [];
      for (let offset = 0; offset < query.days; offset += 1) {
        slots.push(...slotsOnDate(input, query, lid, pid, addDays(query.startDate, offset)));
      }
      let next: string | null = null;
      if (slots.length === 0) {
        for (let offset = query.days; offset < NEXT_AVAILABLE_SEARCH_DAYS; offset += 1) {
          const date = addDays(query.startDate, offset);
          if (slotsOnDate(input, query, lid, pid, date).length > 0) {
            next = date;
            break;
          }
        }
      }
      groups.push({ lid, pid, slots, next_available_date: next });
    }
  }
  return groups;
}
