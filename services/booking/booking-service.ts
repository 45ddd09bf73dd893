// The booking logic the dialogs sequence: who the patient is, which times to offer, booking and
// cancelling. It talks to NexHealth through the typed client; the decisions are the pure functions
// of this folder, so they are tested without HTTP.
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import {
  isCancelled, isNexHealthError, type Appointment, type AppointmentType, type Location, type NexHealthClient, type Provider,
} from '../nexhealth';
import { summarizeAppointment, type AppointmentFacts, type AppointmentSummary } from './appointment-summary';
import { providerName } from './provider-name';
import { SlotCache } from './slot-cache';
import type { PatientGender } from './patient-gender';
import { matchPatient, phoneKey, type PatientIdentity, type PatientMatch } from './patient-match';
import { onePerTime, rankAround, rankInWindow, searchRange, slotsFromGroups, type OpenSlot, type PreferenceWindows } from './slot-ranking';

export { providerName };

export interface BookingServiceOptions {
  /** Restricts the bot to one location (NEXHEALTH_LOCATION_ID). */
  locationId?: number;
  /** How far ahead times are searched. */
  horizonDays?: number;
  /** How many times are offered at once. */
  offerSize?: number;
  /** How long open times are reused per (location, type, provider, day); 0 turns the cache off. */
  slotCacheTtlMs?: number;
  /**
   * Only appointment types marked `bookable_online` (default). A practice that does not use
   * NexHealth's own booking page may have none marked, and turns this off.
   */
  bookableOnlineTypesOnly?: boolean;
  /** Before the bot cancels an appointment itself (so its read-back is not told as the office's change). */
  beforeCancel?: (appointmentId: number) => Promise<void>;
  logger?: Logger;
}

export interface LocationReference {
  location: Location;
  appointmentTypes: AppointmentType[];
  providers: Provider[];
}

export interface TimeSearch {
  locationId: number;
  appointmentTypeId: number;
  providerId: number | 'any';
  preference: PreferenceWindows;
  /** Keys of times already offered (slotKey), skipped so "Other times" pages on. */
  exclude?: ReadonlySet<string>;
}

export interface TimeOffer {
  slots: OpenSlot[];
  /** 'window': the times fit the preference; 'around': nothing did, these are the nearest. */
  fit: 'window' | 'around';
}

export interface UnderstandingReference {
  timeZone: string;
  locations: { id: number; name: string }[];
  appointmentTypes: { id: number; name: string }[];
  providers: { id: number; name: string }[];
}


/** An upcoming appointment as the manage flows keep it in conversation state (no patient data). */
export interface UpcomingAppointment {
  id: number;
  start: string;
  locationId: number;
  providerId: number;
  appointmentTypeId?: number;
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" */
  summary: string;
  /** "Cleaning" */
  type: string;
  /** "Tue, Dec 1 at 2:30 PM" */
  when: string;
}

/** What registering a new patient needs: the identity, every contact, and the sex for the record. */
export type NewPatientIdentity = Required<PatientIdentity> & { gender: PatientGender };

/** Longest names some record systems keep (Dentrix: first 15, last 20); longer ones are cut there anyway. */
const MAX_FIRST_NAME = 15;
const MAX_LAST_NAME = 20;

/** Cut to what the record system keeps, so a repeated registration matches the record it made. */
function recordName(firstName: string, lastName: string): { firstName: string; lastName: string } {
  return { firstName: firstName.trim().slice(0, MAX_FIRST_NAME).trim(), lastName: lastName.trim().slice(0, MAX_LAST_NAME).trim() };
}

/**
 * `awaitsInsertion` false: the location never writes API bookings into the record system
 * (`insert_appt_client` false), so no insertion result will come and the office confirms itself.
 */
export type BookingResult =
  | { kind: 'requested'; appointment: Appointment; awaitsInsertion: boolean; timeZone: string }
  | { kind: 'taken' };

/** Days searched either side of a preference that has no open time. */
const AROUND_BEFORE_DAYS = 7;
const AROUND_AFTER_DAYS = 21;
const DEFAULT_SLOT_CACHE_TTL_MS = 5_000;

export class BookingService {
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

  async identifyPatient(locationId: number, identity: PatientIdentity, options: { requireContact?: boolean } = {}): Promise<PatientMatch> {
    // inactive and non_patient false, as the docs recommend for records that will be booked.
    const candidates = await this.client.searchPatients({ locationId, name: identity.lastName, dateOfBirth: identity.dateOfBirth, inactive: false, nonPatient: false });
    return matchPatient(candidates, identity, options);
  }

  /**
   * Before appointments are shown or changed: name, birth date AND a matching phone or email, at
   * any of the practice's locations (a record may be searchable at one location only).
   */
  async identifyForAppointments(identity: PatientIdentity): Promise<PatientMatch> {
    let result: PatientMatch = { kind: 'none' };
    for (const location of await this.locations()) {
      result = await this.identifyPatient(location.id, identity, { requireContact: true });
      if (result.kind === 'found') return result;
    }
    return result;
  }

  /**
   * Creates the patient; NexHealth returns the existing record instead of a duplicate. The API
   * requires a provider: the one chosen, else the location's first bookable one.
   */
  async registerPatient(locationId: number, identity: NewPatientIdentity, providerId?: number | 'any'): Promise<number> {
    const provider = typeof providerId === 'number' ? providerId : (await this.reference(locationId)).providers[0]?.id;
    if (provider === undefined) throw new Error('no bookable provider at this location');
    const { patient } = await this.client.createPatient({
      locationId,
      providerId: provider,
      ...recordName(identity.firstName, identity.lastName),
      dateOfBirth: identity.dateOfBirth,
      email: identity.email.trim().toLowerCase(),
      // NANP numbers as NexHealth keeps them: ten digits, no +1.
      phoneNumber: phoneKey(identity.phone) ?? '',
      gender: identity.gender,
    });
    return patient.id;
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

  /** Books a time; a time taken meanwhile is reported, not thrown. */
  async book(request: { locationId: number; patientId: number; appointmentTypeId: number; slot: OpenSlot }): Promise<BookingResult> {
    const location = await this.client.getLocation(request.locationId);
    // The API refuses it anyway; a slot that came without its operatory is never sent.
    if (location.map_by_operatory && request.slot.operatoryId === undefined) throw new Error('slot without an operatory at an operatory-mapped location');
    try {
      const appointment = await this.client.createAppointment({
        locationId: request.locationId,
        patientId: request.patientId,
        providerId: request.slot.providerId,
        operatoryId: request.slot.operatoryId,
        appointmentTypeId: request.appointmentTypeId,
        startTime: request.slot.start,
        endTime: request.slot.end,
      });
      return { kind: 'requested', appointment, awaitsInsertion: location.insert_appt_client !== false, timeZone: location.tz };
    } catch (error) {
      if (isNexHealthError(error, 'slot_unavailable')) return { kind: 'taken' };
      throw error;
    } finally {
      // Whatever the outcome (booked, taken by someone else, unclear), the times of that day are
      // stale, including any fetched while the create was on its way.
      this.slotCache.invalidate(request.locationId, request.slot);
    }
  }

  /** The patient's upcoming appointments, soonest first. */
  async upcomingAppointments(locationId: number, patientId: number): Promise<Appointment[]> {
    const now = this.clock.now();
    const end = DateTime.fromJSDate(now).plus({ days: 365 }).toJSDate();
    const appointments = await this.client.listAppointments({ locationId, start: now.toISOString(), end: end.toISOString(), patientId });
    return appointments
      .filter((appointment) => appointment.patient_id === patientId && !isCancelled(appointment) && !appointment.deleted)
      .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  }

  /**
   * Upcoming appointments at every location of the practice, soonest first, each with what the
   * patient is shown. Only for a patient identified with a matching phone or email.
   */
  async upcomingEverywhere(patientId: number): Promise<UpcomingAppointment[]> {
    const perLocation = await Promise.all((await this.locations()).map(async (location) => {
      const appointments = await this.upcomingAppointments(location.id, patientId);
      if (appointments.length === 0) return [];
      const reference = await this.reference(location.id);
      return appointments.map((appointment): UpcomingAppointment => {
        const summary = summarizeAppointment(reference, { appointmentTypeId: appointment.appointment_type_id, providerId: appointment.provider_id, start: appointment.start_time });
        return {
          id: appointment.id,
          start: appointment.start_time,
          locationId: appointment.location_id,
          providerId: appointment.provider_id,
          appointmentTypeId: appointment.appointment_type_id ?? undefined,
          summary: summary.text,
          type: summary.type,
          when: summary.when,
        };
      });
    }));
    return perLocation.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" for a location's appointment. */
  async summarize(locationId: number, facts: AppointmentFacts): Promise<AppointmentSummary> {
    return summarizeAppointment(await this.reference(locationId), facts);
  }

  async cancel(appointmentId: number): Promise<void> {
    await this.options.beforeCancel?.(appointmentId);
    try {
      await this.client.cancelAppointment(appointmentId);
    } finally {
      // Cancellations are rare and the answer may be lost: forget every location's times.
      this.slotCache.invalidate();
    }
  }

  async appointment(appointmentId: number): Promise<Appointment> {
    return this.client.getAppointment(appointmentId);
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
