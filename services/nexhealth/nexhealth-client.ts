// The typed NexHealth client: one method per endpoint the product uses, for API v3 (default) or v2.
// What differs by version (paths, headers, paging, the patient filter) is api-version.ts's strategy.
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { DEFAULT_API_VERSION, versionStrategy, type ApiVersion, type VersionStrategy } from './api-version';
import { NexHealthError, isNexHealthError } from './errors';
import { NexHealthTransport, type ApiResult, type HttpMethod, type Query, type TransportOptions } from './transport';
import { TtlCache } from './ttl-cache';
import type {
  Appointment, AppointmentChanges, AppointmentQuery, AppointmentType, Availability, Institution, Location,
  NewAppointment, NewAppointmentType, NewAvailability, NewPatient, Operatory, Patient, PatientSearch, Provider,
  SlotGroup, SlotSearch, SyncStatus, WebhookEndpoint, WebhookSubscription,
} from './types';
import { isCancelled } from './types';

export interface NexHealthClientOptions {
  baseUrl: string;
  apiKey: string;
  subdomain: string;
  /** The API version spoken (v3 unless the practice's integration is on v2). */
  apiVersion?: ApiVersion;
  clock: Clock;
  logger?: Logger;
  timeoutMs?: number;
  maxRetries?: number;
  referenceTtlMs?: number;
  /** The key's rate limits, the wait queue's size, how long 429s are waited out (transport.ts). */
  rateLimits?: TransportOptions['rateLimits'];
  maxQueuedRequests?: number;
  rateLimitWaitMs?: TransportOptions['rateLimitWaitMs'];
  /** Told of every answer (metrics): the route pattern, the status (0: none came), the time taken. */
  onResponse?: TransportOptions['onResponse'];
  /**
   * Only providers NexHealth marks bookable online (`requestable=true`, default). A practice that
   * does not use NexHealth's own booking page turns this off, or the bot offers nobody.
   */
  requestableProvidersOnly?: boolean;
  /** per_page of list calls (100 unless a test wants to see paging). */
  pageSize?: number;
  /** Test hooks: deterministic jitter and instant waits. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGES = 50;
const MAX_SLOT_DAYS = 14;

export class NexHealthClient {
  readonly subdomain: string;
  readonly apiVersion: ApiVersion;
  private readonly api: VersionStrategy;
  private readonly transport: NexHealthTransport;
  private readonly referenceCache: TtlCache<unknown>;

  constructor(private readonly options: NexHealthClientOptions) {
    this.subdomain = options.subdomain;
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    this.api = versionStrategy(this.apiVersion);
    this.transport = new NexHealthTransport({
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      versionHeaders: this.api.headers,
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 3,
      clock: options.clock,
      logger: options.logger,
      random: options.random,
      sleep: options.sleep,
      rateLimits: options.rateLimits,
      maxQueuedRequests: options.maxQueuedRequests,
      rateLimitWaitMs: options.rateLimitWaitMs,
      onResponse: options.onResponse,
    });
    this.referenceCache = new TtlCache<unknown>(options.referenceTtlMs ?? 300_000, options.clock);
  }

  // ── reference data (cached) ────────────────────────────────────────────────────────────────

  async listLocations(): Promise<Location[]> {
    const institutions = await this.cached('locations', () => this.get<Institution[]>('/locations', '/locations', {}));
    return institutions.filter((institution) => institution.subdomain === this.subdomain || institutions.length === 1)
      .flatMap((institution) => institution.locations);
  }

  async getLocation(locationId: number): Promise<Location> {
    const location = (await this.listLocations()).find((candidate) => candidate.id === locationId);
    if (!location) throw new NexHealthError('not_found', 'GET /locations', { cause: 'location not in this practice' });
    return location;
  }

  listProviders(locationId: number): Promise<Provider[]> {
    const requestable = this.options.requestableProvidersOnly === false ? undefined : true;
    return this.cached(`providers:${locationId}`, () => this.getAll<Provider>('/providers', { location_id: locationId, requestable, inactive: false }));
  }

  listOperatories(locationId: number): Promise<Operatory[]> {
    return this.cached(`operatories:${locationId}`, () => this.getAll<Operatory>('/operatories', { location_id: locationId }));
  }

  /** The active operatories NexHealth may book online at a location (for `operatory_ids[]`). */
  async bookableOperatoryIds(locationId: number): Promise<number[]> {
    const operatories = await this.listOperatories(locationId);
    return operatories.filter((operatory) => operatory.active !== false && operatory.bookable_online !== false).map((operatory) => operatory.id);
  }

  /** The synchronizers behind these locations (never cached: it is asked to explain a delay now). */
  getSyncStatus(locationIds: number[]): Promise<SyncStatus[]> {
    return this.get<SyncStatus[]>('/sync_status', '/sync_status', { location_ids: locationIds }).then((data) => (Array.isArray(data) ? data : []));
  }

  listAppointmentTypes(locationId: number): Promise<AppointmentType[]> {
    return this.cached(`types:${locationId}`, () => this.get<AppointmentType[]>('/appointment_types', '/appointment_types', { location_id: locationId }));
  }

  async createAppointmentType(locationId: number, type: NewAppointmentType): Promise<AppointmentType> {
    const created = await this.write<AppointmentType>('POST', '/appointment_types', '/appointment_types', { subdomain: this.subdomain }, { location_id: locationId, appointment_type: type });
    this.referenceCache.clear();
    return created;
  }

  /** Working windows: v2's `/availabilities`, v3's `/working_hours` (same fields). */
  listAvailabilities(locationId: number): Promise<Availability[]> {
    return this.getAll<Availability>(this.api.workingHoursPath, { location_id: locationId, active: true });
  }

  createAvailability(locationId: number, availability: NewAvailability): Promise<Availability> {
    const path = this.api.workingHoursPath;
    return this.write('POST', path, path, { subdomain: this.subdomain, location_id: locationId }, { [this.api.workingHoursKey]: availability });
  }

  updateAvailability(availabilityId: number, changes: Partial<NewAvailability>): Promise<Availability> {
    const path = this.api.workingHoursPath;
    return this.write('PATCH', `${path}/${availabilityId}`, `${path}/:id`, { subdomain: this.subdomain }, { [this.api.workingHoursKey]: changes });
  }

  async deleteAvailability(availabilityId: number): Promise<void> {
    const path = this.api.workingHoursPath;
    await this.transport.request({ method: 'DELETE', path: `${path}/${availabilityId}`, route: `${path}/:id`, query: { subdomain: this.subdomain }, idempotent: true });
  }

  // ── patients ───────────────────────────────────────────────────────────────────────────────

  async searchPatients(search: PatientSearch): Promise<Patient[]> {
    const query: Query = {
      location_id: search.locationId,
      name: search.name,
      email: search.email,
      phone_number: search.phoneNumber,
      date_of_birth: search.dateOfBirth,
      new_patient: search.newPatient,
      location_strict: search.locationStrict,
      inactive: search.inactive,
      non_patient: search.nonPatient,
    };
    return this.collectPages('/patients', query, extractPatients);
  }

  /**
   * Creates a patient, or returns the existing one when name, date of birth and phone match
   * (`return_existing_if_match`), so a retried or repeated call never makes a duplicate.
   */
  async createPatient(patient: NewPatient): Promise<{ patient: Patient; existing: boolean }> {
    const body = {
      provider: { provider_id: patient.providerId },
      patient: {
        first_name: patient.firstName,
        last_name: patient.lastName,
        email: patient.email,
        bio: { date_of_birth: patient.dateOfBirth, phone_number: patient.phoneNumber, gender: patient.gender },
      },
      return_existing_if_match: true,
    };
    // Safe to repeat thanks to return_existing_if_match, so transient failures are retried.
    const result = await this.transport.request<unknown>({
      method: 'POST', path: '/patients', route: '/patients', idempotent: true,
      query: { subdomain: this.subdomain, location_id: patient.locationId }, body,
    });
    const created = extractUser(result.data);
    if (!created) throw new NexHealthError('protocol', 'POST /patients', { status: result.status, cause: 'no patient in the answer' });
    return { patient: created, existing: result.status === 200 };
  }

  // ── slots and appointments ────────────────────────────────────────────────────────────────

  /** Open slots; a range over 14 days is split into several calls (the API's limit per call). */
  async getAppointmentSlots(search: SlotSearch): Promise<SlotGroup[]> {
    const path = this.api.slotsPath;
    // v2 requires pids[]; an empty list would be sent as none at all (and search every provider).
    if (search.providerIds.length === 0) throw new NexHealthError('invalid', `GET ${path}`, { cause: 'no provider to search' });
    const groups: SlotGroup[] = [];
    for (let offset = 0; offset < search.days; offset += MAX_SLOT_DAYS) {
      const query: Query = {
        subdomain: this.subdomain,
        start_date: addDays(search.startDate, offset),
        days: Math.min(MAX_SLOT_DAYS, search.days - offset),
        lids: search.locationIds,
        pids: search.providerIds,
        operatory_ids: search.operatoryIds,
        appointment_type_id: search.appointmentTypeId,
        slot_length: search.slotLength,
        overlapping_operatory_slots: search.overlappingOperatorySlots,
      };
      const chunk = await this.get<SlotGroup[]>(path, path, query, { scoped: false });
      groups.push(...chunk);
    }
    return mergeSlotGroups(groups);
  }

  /**
   * Books a time. A create is never retried blindly: when the answer is lost (timeout, reset, 5xx)
   * the client looks for the appointment first and sends the create again only if it is not there.
   */
  async createAppointment(appointment: NewAppointment): Promise<Appointment> {
    const body = {
      appt: {
        patient_id: appointment.patientId,
        provider_id: appointment.providerId,
        start_time: appointment.startTime,
        end_time: appointment.endTime,
        operatory_id: appointment.operatoryId,
        appointment_type_id: appointment.appointmentTypeId,
        note: appointment.note,
      },
    };
    const query: Query = { subdomain: this.subdomain, location_id: appointment.locationId, notify_patient: appointment.notifyPatient ?? false };
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.write<Appointment>('POST', '/appointments', '/appointments', query, body, extractAppointment);
      } catch (error) {
        if (isNexHealthError(error, 'invalid') || isNexHealthError(error, 'slot_unavailable')) return await this.afterRefusal(error, appointment);
        if (!isNexHealthError(error, 'unavailable')) throw error;
        // The answer was lost: look before sending again. If we cannot look, we cannot tell, and
        // the create is not sent again (the caller says so and the patient can retry safely).
        const existing = await this.findBooked(appointment).catch(() => 'unknown' as const);
        if (existing === 'unknown') throw error;
        if (existing) return existing;
        if (attempt >= 1) throw error;
        this.options.logger?.warn({ endpoint: 'POST /appointments' }, 'nexhealth: create not found after a failure, sending it again');
      }
    }
  }

  listAppointments(query: AppointmentQuery): Promise<Appointment[]> {
    return this.getAll<Appointment>('/appointments', {
      location_id: query.locationId,
      start: query.start,
      end: query.end,
      ...this.api.patientFilter(query.patientId),
      provider_ids: query.providerIds,
      cancelled: query.cancelled,
    });
  }

  getAppointment(appointmentId: number): Promise<Appointment> {
    return this.get<unknown>(`/appointments/${appointmentId}`, '/appointments/:id', {}).then((data) => {
      const appointment = extractAppointment(data);
      if (!appointment) throw new NexHealthError('protocol', 'GET /appointments/:id', { cause: 'no appointment in the answer' });
      return appointment;
    });
  }

  updateAppointment(appointmentId: number, changes: AppointmentChanges): Promise<Appointment> {
    return this.write('PATCH', `/appointments/${appointmentId}`, '/appointments/:id', { subdomain: this.subdomain }, { appt: changes }, extractAppointment);
  }

  cancelAppointment(appointmentId: number): Promise<Appointment> {
    return this.updateAppointment(appointmentId, { cancelled: true });
  }

  // ── webhooks ──────────────────────────────────────────────────────────────────────────────

  async listWebhookEndpoints(): Promise<WebhookEndpoint[]> {
    return this.unscoped<WebhookEndpoint[]>('GET', '/webhook_endpoints', '/webhook_endpoints');
  }

  createWebhookEndpoint(targetUrl: string): Promise<WebhookEndpoint> {
    return this.unscoped('POST', '/webhook_endpoints', '/webhook_endpoints', { target_url: targetUrl });
  }

  updateWebhookEndpoint(endpointId: number, changes: { target_url?: string; active?: boolean }): Promise<WebhookEndpoint> {
    return this.unscoped('PATCH', `/webhook_endpoints/${endpointId}`, '/webhook_endpoints/:id', changes);
  }

  async deleteWebhookEndpoint(endpointId: number): Promise<void> {
    await this.unscoped<unknown>('DELETE', `/webhook_endpoints/${endpointId}`, '/webhook_endpoints/:id');
  }

  listWebhookSubscriptions(endpointId: number): Promise<WebhookSubscription[]> {
    return this.get(`/webhook_endpoints/${endpointId}/webhook_subscriptions`, '/webhook_endpoints/:id/webhook_subscriptions', {});
  }

  createWebhookSubscription(endpointId: number, event: string, resourceType = 'Appointment'): Promise<WebhookSubscription> {
    return this.write('POST', `/webhook_endpoints/${endpointId}/webhook_subscriptions`, '/webhook_endpoints/:id/webhook_subscriptions',
      { subdomain: this.subdomain }, { resource_type: resourceType, event, active: true });
  }

  /** Re-activates (or pauses) a subscription in place, instead of creating a duplicate. */
  updateWebhookSubscription(endpointId: number, subscriptionId: number, changes: { active?: boolean }): Promise<WebhookSubscription> {
    return this.write('PATCH', `/webhook_endpoints/${endpointId}/webhook_subscriptions/${subscriptionId}`, '/webhook_endpoints/:id/webhook_subscriptions/:sid',
      { subdomain: this.subdomain }, changes);
  }

  async deleteWebhookSubscription(endpointId: number, subscriptionId: number): Promise<void> {
    await this.transport.request({
      method: 'DELETE', path: `/webhook_endpoints/${endpointId}/webhook_subscriptions/${subscriptionId}`,
      route: '/webhook_endpoints/:id/webhook_subscriptions/:sid', query: { subdomain: this.subdomain }, idempotent: true,
    });
  }

  /** Forgets cached reference data (after an integrator changes it). */
  clearReferenceCache(): void {
    this.referenceCache.clear();
  }

  // ── plumbing ──────────────────────────────────────────────────────────────────────────────

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.referenceCache.get(key, load) as Promise<T>;
  }

  private async get<T>(path: string, route: string, query: Query, options: { scoped?: boolean } = {}): Promise<T> {
    const fullQuery = options.scoped === false ? query : { subdomain: this.subdomain, ...query };
    const result = await this.transport.request<T>({ method: 'GET', path, route, query: fullQuery, idempotent: true });
    return result.data;
  }

  private async write<T>(method: HttpMethod, path: string, route: string, query: Query, body: unknown, extract?: (data: unknown) => T | undefined): Promise<T> {
    // PATCH and DELETE set a state, so repeating them is harmless; POST creates and is not.
    const result = await this.transport.request<unknown>({ method, path, route, query, body, idempotent: method !== 'POST' });
    if (!extract) return result.data as T;
    const value = extract(result.data);
    if (value === undefined) throw new NexHealthError('protocol', `${method} ${route}`, { status: result.status, cause: 'unexpected answer' });
    return value;
  }

  private async unscoped<T>(method: HttpMethod, path: string, route: string, body?: unknown): Promise<T> {
    const result = await this.transport.request<T>({ method, path, route, body, idempotent: method !== 'POST' });
    return result.data;
  }

  private getAll<T>(path: string, query: Query): Promise<T[]> {
    return this.collectPages(path, query, (data) => (Array.isArray(data) ? (data as T[]) : []));
  }

  /**
   * Reads every page of a list, at most MAX_PAGES. v2: page/per_page until `count` items are read
   * or a short page ends the list. v3: the next page is asked `end_cursor` = this page's end,
   * while `page_info.has_next_page`. per_page is always sent (v3's default is 5).
   */
  private async collectPages<T>(path: string, query: Query, extract: (data: unknown) => T[]): Promise<T[]> {
    const items: T[] = [];
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    let position: Query = this.api.paging === 'pages' ? { page: 1 } : {};
    for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
      const result = await this.transport.request<unknown>({
        method: 'GET', path, route: path, idempotent: true,
        query: { subdomain: this.subdomain, ...query, ...position, per_page: pageSize },
      });
      const pageItems = extract(result.data);
      items.push(...pageItems);
      const next = this.nextPage(result, pageItems.length, items.length, pages);
      if (!next) break;
      position = next;
    }
    return items;
  }

  /** Where the next page starts, or undefined when this one was the last. */
  private nextPage(result: ApiResult<unknown>, pageLength: number, readSoFar: number, pagesRead: number): Query | undefined {
    if (this.api.paging === 'cursor') {
      const info = result.pageInfo;
      return info?.has_next_page && info.end_cursor ? { end_cursor: info.end_cursor } : undefined;
    }
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (pageLength < pageSize || (result.count !== undefined && readSoFar >= result.count)) return undefined;
    return { page: pagesRead + 1 };
  }

  /**
   * A refused create. "Taken" may mean taken by this very patient (an earlier create whose answer
   * was lost, or a repeated "yes"): then it is theirs, and creating is idempotent. The wording of a
   * double booking is undocumented, so a 400 that names no field is settled by the slot itself.
   */
  private async afterRefusal(error: NexHealthError, appointment: NewAppointment): Promise<Appointment> {
    const taken = isSlotTaken(error) || (namesNoField(error) && await this.slotGone(appointment));
    if (!taken) throw error;
    const own = await this.findBooked(appointment).catch(() => undefined);
    if (own) return own;
    throw new NexHealthError('slot_unavailable', 'POST /appointments', { status: error.status, problems: error.problems });
  }

  /** Whether the time is no longer offered (one slot search of that local day); false when we cannot tell. */
  private async slotGone(appointment: NewAppointment): Promise<boolean> {
    try {
      const { tz } = await this.getLocation(appointment.locationId);
      const start = DateTime.fromISO(appointment.startTime, { zone: tz });
      const groups = await this.getAppointmentSlots({
        startDate: start.toISODate() ?? '', days: 1, locationIds: [appointment.locationId], providerIds: [appointment.providerId],
        appointmentTypeId: appointment.appointmentTypeId,
      });
      return !groups.some((group) => group.slots.some((slot) => Date.parse(slot.time) === start.toMillis() && (slot.provider_id ?? group.pid) === appointment.providerId));
    } catch {
      return false;
    }
  }

  private async findBooked(appointment: NewAppointment): Promise<Appointment | undefined> {
    const start = new Date(appointment.startTime).getTime();
    const candidates = await this.listAppointments({
      locationId: appointment.locationId,
      start: new Date(start - 60_000).toISOString(),
      end: new Date(start + 60_000).toISOString(),
      patientId: appointment.patientId,
    });
    // Checked here too: a filter the API ignored must not hand this patient someone else's booking.
    return candidates.find((candidate) => candidate.patient_id === appointment.patientId
      && candidate.provider_id === appointment.providerId && candidate.location_id === appointment.locationId
      && new Date(candidate.start_time).getTime() === start && !isCancelled(candidate));
  }
}

/** A 409, or a 400 whose message says the time is taken (a guess at wording: see afterRefusal). */
function isSlotTaken(error: NexHealthError): boolean {
  if (error.status === 409 || error.kind === 'slot_unavailable') return true;
  return error.kind === 'invalid' && error.problems.some((problem) => /not available|already (been )?booked|taken|overlap|conflict/i.test(problem));
}

/** A 400 that blames no parameter ("Missing/Invalid parameter x"): it may be a double booking. */
function namesNoField(error: NexHealthError): boolean {
  return error.kind === 'invalid' && !error.problems.some((problem) => /^(?:missing|invalid) parameter\b/i.test(problem));
}

/**
 * v2 patients come as `{patients:[...]}` (the API reference) or `[{patients:[...]}]` (the guide);
 * v3 lists them as `data: [patient, ...]` (OpenAPI, PatientWithPrivacyAuthorization collection).
 */
export function extractPatients(data: unknown): Patient[] {
  const holders: unknown[] = Array.isArray(data) ? data : [data];
  return holders.flatMap((holder) => {
    if (typeof holder !== 'object' || holder === null) return [];
    if ('patients' in holder) return Array.isArray(holder.patients) ? (holder.patients as Patient[]) : [];
    return 'id' in holder && typeof holder.id === 'number' ? [holder as Patient] : [];
  });
}

function extractUser(data: unknown): Patient | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  if ('user' in data && typeof data.user === 'object' && data.user !== null) return data.user as Patient;
  if ('patient' in data && typeof data.patient === 'object' && data.patient !== null) return data.patient as Patient;
  return 'id' in data ? (data as Patient) : undefined;
}

function extractAppointment(data: unknown): Appointment | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  if ('appt' in data && typeof data.appt === 'object' && data.appt !== null) return data.appt as Appointment;
  if ('appointment' in data && typeof data.appointment === 'object' && data.appointment !== null) return data.appointment as Appointment;
  return 'id' in data ? (data as Appointment) : undefined;
}

/** Joins the groups of several 14-day calls: one group per location and provider (and operatory). */
function mergeSlotGroups(groups: SlotGroup[]): SlotGroup[] {
  const merged = new Map<string, SlotGroup>();
  for (const group of groups) {
    const key = `${group.lid}:${group.pid}:${group.operatory_id ?? ''}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...group, slots: [...group.slots] });
    } else {
      existing.slots.push(...group.slots);
      existing.next_available_date = existing.slots.length > 0 ? null : group.next_available_date;
    }
  }
  return [...merged.values()];
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
