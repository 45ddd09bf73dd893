// The practice's schedule as the bot offers it: locations, their types and providers (the
// reference), and the open times for a preference (searched through the slot cache).
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Location, NexHealthClient } from '../nexhealth';
import type { BookingServiceOptions, LocationReference, TimeOffer, TimeSearch, UnderstandingReference } from './booking-service';
import { providerName } from './provider-name';
import { SlotCache } from './slot-cache';
import { onePerTime, rankAround, rankInWindow, searchRange, slotsFromGroups, type OpenSlot } from './slot-ranking';

/** Days searched either side of a preference that has no open time. */
const AROUND_BEFORE_DAYS = 7;
const AROUND_AFTER_DAYS = 21;
const DEFAULT_SLOT_CACHE_TTL_MS = 5_000;

export class Schedule {
  private readonly horizonDays: number;
  private readonly offerSize: number;
  private readonly slotCache: SlotCache;

  constructor(private readonly client: NexHealthClient, private readonly clock: Clock, private readonly options: BookingServiceOptions = {}) {
    this.horizonDays = options.horizonDays ?? 30;
    this.offerSize = options.offerSize ?? 5;
    this.slotCache = new SlotCache(options.slotCacheTtlMs ?? DEFAULT_SLOT_CACHE_TTL_MS, clock);
  }

  /** The practice's active locations (only the configured one when set). */
  async locations(): Promise<Location[]> {
    const all = (await this.client.listLocations()).filter((location) => !location.inactive);
    return this.options.locationId === undefined ? all : all.filter((location) => location.id === this.options.locationId);
  }

  async reference(locationId: number): Promise<LocationReference> {
    const [location, appointmentTypes, providers] = await Promise.all([
      this.client.getLocation(locationId),
      this.client.listAppointmentTypes(locationId),
      this.client.listProviders(locationId),
    ]);
    return {
      location,
      appointmentTypes: this.options.bookableOnlineTypesOnly === false ? appointmentTypes : appointmentTypes.filter((type) => type.bookable_online !== false),
      providers: providers.filter((provider) => !provider.inactive),
    };
  }

  /**
   * The names `understand` matches words against. Before a location is chosen: every location's
   * types (one per name) and providers, in the first location's zone.
   */
  async understandingReference(locationId?: number): Promise<UnderstandingReference> {
    const locations = await this.locations();
    const chosen = locationId === undefined ? locations : locations.filter((location) => location.id === locationId);
    const references = await Promise.all(chosen.map((location) => this.reference(location.id)));
    const typesByName = new Map<string, { id: number; name: string }>();
    const providersById = new Map<number, { id: number; name: string }>();
    for (const reference of references) {
      for (const type of reference.appointmentTypes) {
        if (!typesByName.has(type.name.toLowerCase())) typesByName.set(type.name.toLowerCase(), { id: type.id, name: type.name });
      }
      for (const provider of reference.providers) providersById.set(provider.id, { id: provider.id, name: providerName(provider) });
    }
    return {
      timeZone: chosen[0]?.tz ?? locations[0]?.tz ?? 'America/New_York',
      locations: locations.map((location) => ({ id: location.id, name: location.name })),
      appointmentTypes: [...typesByName.values()],
      providers: [...providersById.values()],
    };
  }

  /** The same appointment type at another location (types are per location; names match them up). */
  async sameTypeAt(typeId: number, locationId: number): Promise<number | undefined> {
    const all = await Promise.all((await this.locations()).map((location) => this.reference(location.id)));
    const name = all.flatMap((reference) => reference.appointmentTypes).find((type) => type.id === typeId)?.name.toLowerCase();
    const here = all.find((reference) => reference.location.id === locationId)?.appointmentTypes;
    return here?.find((type) => type.id === typeId || type.name.toLowerCase() === name)?.id;
  }

  /** Open times for a preference: a few slot calls over the whole preference, then ranking. */
  async findTimes(search: TimeSearch): Promise<TimeOffer> {
    const providerIds = search.providerId === 'any'
      ? (await this.reference(search.locationId)).providers.map((provider) => provider.id)
      : [search.providerId];
    // Nobody to search: no slot call (v2 requires pids[]), and nothing to offer.
    if (providerIds.length === 0) return { slots: [], fit: 'around' };
    const location = await this.client.getLocation(search.locationId);
    const exclude = search.exclude ?? new Set<string>();
    const now = DateTime.fromJSDate(this.clock.now(), { zone: location.tz });
    // No window at all (the dialog normally asks first): the earliest times up to the horizon.
    const preference = search.preference.windows.length > 0 ? search.preference
      : { windows: [{ start: now.toISO() ?? '', end: now.plus({ days: this.horizonDays }).toISO() ?? '' }], asap: true };
    const range = searchRange(preference, location.tz) ?? { startDate: now.toISODate() ?? '', days: this.horizonDays };
    const inRange = await this.openSlots(search, providerIds, location, range.startDate, Math.min(range.days, this.horizonDays + 1));
    const fitting = rankInWindow(inRange, preference, this.offerSize, exclude);
    if (fitting.length > 0) return { slots: fitting, fit: 'window' };
    const from = DateTime.max(now.startOf('day'), DateTime.fromISO(range.startDate, { zone: location.tz }).minus({ days: AROUND_BEFORE_DAYS }));
    const days = range.days + AROUND_BEFORE_DAYS + AROUND_AFTER_DAYS;
    const around = await this.openSlots(search, providerIds, location, from.toISODate() ?? range.startDate, days);
    return { slots: rankAround(around, preference, this.offerSize, exclude), fit: 'around' };
  }

  /** After a booking or cancellation: the times of that day (or, without a slot, of every location) are stale. */
  forgetTimes(locationId?: number, slot?: OpenSlot): void {
    if (locationId === undefined) this.slotCache.invalidate();
    else this.slotCache.invalidate(locationId, slot);
  }

  private async openSlots(search: TimeSearch, providerIds: number[], location: Location, startDate: string, days: number): Promise<OpenSlot[]> {
    const query = { locationId: search.locationId, appointmentTypeId: search.appointmentTypeId, providerIds, startDate, days, timeZone: location.tz };
    // Operatory-mapped: only the bookable operatories are searched, and a slot without one is not bookable.
    const operatoryIds = location.map_by_operatory ? await this.client.bookableOperatoryIds(location.id) : undefined;
    if (operatoryIds?.length === 0) return [];
    const found = await this.slotCache.search(query, async (range) => slotsFromGroups(await this.client.getAppointmentSlots({
      startDate: range.startDate,
      days: range.days,
      locationIds: [search.locationId],
      providerIds: range.providerIds,
      operatoryIds,
      appointmentTypeId: search.appointmentTypeId,
    })));
    const slots = operatoryIds ? found.filter((slot) => slot.operatoryId !== undefined) : found;
    return search.providerId === 'any' ? onePerTime(slots) : slots;
  }
}
