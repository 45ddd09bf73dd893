// The NexHealth API routes (everything except /authenticates, which server.ts owns).
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  ApiError, badRequest, invalid, isIsoDate, isObject, missing, noContent, notFound, objectField, ok,
  optBool, optInt, optIntArray, optString, paginate, parseDateTime, reqInt, reqString,
  type ApiRequest, type Json, type Query, type Router,
} from './http';
import {
  WEEKDAYS, isBlocking, renderAppointment, renderAvailability, renderLocation, renderOperatory, renderPatient,
  renderProvider, renderSubscription, renderWebhookEndpoint,
  type Appointment, type Availability, type Location, type Patient, type State, type WebhookEndpoint, type Weekday,
} from './model';
import { computeSlots } from './slots';

export interface ApiContext {
  state(): State;
  now(): Date;
  onAppointmentCreated(appointment: Appointment): void;
}

const MAX_SLOT_DAYS = 14;
const PATIENT_GENDERS: readonly string[] = ['Male', 'Female', 'Other'];
const digits = (value: string): string => value.replace(/\D/g, '');
const iso = (date: Date): string => date.toISOString();

/** NexHealth answers 403 for a subdomain the key cannot reach; the sandbox key reaches one. */
function subdomain(ctx: ApiContext, query: Query): string {
  const value = query.requireStr('subdomain');
  if (value !== ctx.state().institution.subdomain) {
    throw new ApiError(403, ["You don't have access to perform this action."]);
  }
  return value;
}

function locationFrom(ctx: ApiContext, id: number): Location {
  const location = ctx.state().locations.find((candidate) => candidate.id === id);
  if (!location) throw notFound('Location');
  return location;
}

const requireLocation = (ctx: ApiContext, query: Query): Location => locationFrom(ctx, query.requireInt('location_id'));

function idParam(request: ApiRequest, name = 'id'): number {
  const value = request.params[name] ?? '';
  if (!/^\d+$/.test(value)) throw invalid(name);
  return Number(value);
}

function hhmm(obj: Json, key: string, label: string, required: boolean): string | undefined {
  const value = required ? reqString(obj, key, label) : optString(obj, key, label);
  if (value === undefined) return undefined;
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) throw invalid(label);
  return `${match[1]?.padStart(2, '0')}:${match[2]}`;
}

function weekdays(obj: Json, label: string): Weekday[] | undefined {
  const value = obj.days;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(label);
  return value.map((day) => {
    const found = typeof day === 'string' ? WEEKDAYS.find((name) => name.toLowerCase() === day.toLowerCase()) : undefined;
    if (!found) throw invalid(label);
    return found;
  });
}

function overlapsExisting(state: State, candidate: Pick<Appointment, 'id' | 'provider_id' | 'operatory_id' | 'location_id' | 'start' | 'end'>): boolean {
  return state.appointments.some((other) =>
    other.id !== candidate.id && isBlocking(other) && other.location_id === candidate.location_id
    && other.start < candidate.end && other.end > candidate.start
    && (other.provider_id === candidate.provider_id
      || (candidate.operatory_id !== null && other.operatory_id === candidate.operatory_id)));
}

export function registerApi(router: Router, ctx: ApiContext): void {
  // ---- reference data -------------------------------------------------------------------
  router.add('GET', '/locations', ({ query }) => {
    const state = ctx.state();
    const wanted = query.str('subdomain');
    if (wanted !== undefined && wanted !== state.institution.subdomain) {
      throw new ApiError(403, ["You don't have access to perform this action."]);
    }
    const inactive = query.bool('inactive');
    const locations = state.locations.filter((l) => inactive === undefined || l.inactive === inactive);
    return ok([{ ...state.institution, locations: locations.map(renderLocation) }], { count: 1 });
  });

  router.add('GET', '/locations/:id', (request) => {
    subdomain(ctx, request.query);
    return ok(renderLocation(locationFrom(ctx, idParam(request))));
  });

  router.add('GET', '/providers', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = query.int('location_id');
    if (locationId !== undefined) locationFrom(ctx, locationId);
    const requestable = query.bool('requestable');
    const inactive = query.bool('inactive');
    const ids = query.intArray('ids');
    const list = state.providers.filter((p) =>
      (locationId === undefined || p.location_ids.includes(locationId))
      && (requestable === undefined || p.requestable === requestable)
      && (inactive === undefined ? !p.inactive : p.inactive === inactive)
      && (!ids || ids.includes(p.id)));
    const { page, count } = paginate(list, query);
    return ok(page.map((p) => renderProvider(state, p)), { count });
  });

  router.add('GET', '/providers/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const provider = state.providers.find((p) => p.id === idParam(request));
    if (!provider) throw notFound('Provider');
    return ok(renderProvider(state, provider));
  });

  router.add('GET', '/operatories', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const list = state.operatories.filter((o) => o.location_id === location.id);
    const { page, count } = paginate(list, query);
    return ok(page.map((o) => renderOperatory(state, o)), { count });
  });

  router.add('GET', '/appointment_types', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = query.int('location_id');
    if (locationId !== undefined) locationFrom(ctx, locationId);
    const list = state.appointmentTypes.filter((t) =>
      locationId === undefined || t.parent_type === 'Institution' || t.parent_id === locationId);
    const { page, count } = paginate(list, query);
    return ok(page, { count });
  });

  router.add('POST', '/appointment_types', ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = isObject(body) ? optInt(body, 'location_id', 'location_id') ?? query.int('location_id') : undefined;
    const input = objectField(body, 'appointment_type');
    const name = reqString(input, 'name', 'appointment_type.name');
    const minutes = reqInt(input, 'minutes', 'appointment_type.minutes');
    if (minutes < 5 || minutes > 600) throw invalid('appointment_type.minutes');
    const parentType = optString(input, 'parent_type', 'appointment_type.parent_type') ?? 'Location';
    if (parentType !== 'Location' && parentType !== 'Institution') throw invalid('appointment_type.parent_type');
    const parentId = optInt(input, 'parent_id', 'appointment_type.parent_id')
      ?? (parentType === 'Institution' ? state.institution.id : locationId);
    if (parentId === undefined) throw missing('appointment_type.parent_id');
    if (parentType === 'Location') locationFrom(ctx, parentId);
    if (state.appointmentTypes.some((t) => t.name.toLowerCase() === name.toLowerCase() && t.parent_type === parentType && t.parent_id === parentId)) {
      throw badRequest('Name has already been taken');
    }
    const type = {
      id: state.nextId.appointmentType++,
      name,
      parent_type: parentType,
      parent_id: parentId,
      minutes,
      bookable_online: optBool(input, 'bookable_online', 'appointment_type.bookable_online') ?? true,
    } as const;
    state.appointmentTypes.push({ ...type });
    return ok(type, { status: 201, description: 'Created' });
  });

  // ---- availabilities -------------------------------------------------------------------
  router.add('GET', '/availabilities', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = query.int('location_id');
    if (locationId !== undefined) locationFrom(ctx, locationId);
    const active = query.bool('active');
    const providerIds = query.intArray('provider_ids');
    const list = state.availabilities.filter((a) =>
      (locationId === undefined || a.location_id === locationId)
      && (active === undefined || a.active === active)
      && (!providerIds || providerIds.includes(a.provider_id)));
    const { page, count } = paginate(list, query);
    return ok(page.map((a) => renderAvailability(state, a)), { count });
  });

  const findAvailability = (request: ApiRequest): Availability => {
    const found = ctx.state().availabilities.find((a) => a.id === idParam(request));
    if (!found) throw notFound('Availability');
    return found;
  };

  router.add('GET', '/availabilities/:id', (request) => {
    subdomain(ctx, request.query);
    return ok(renderAvailability(ctx.state(), findAvailability(request)));
  });

  /** Shared by POST and PATCH: applies and validates fields onto a draft. */
  const applyAvailability = (draft: Availability, input: Json, location: Location): Availability => {
    const state = ctx.state();
    const providerId = optInt(input, 'provider_id', 'availability.provider_id');
    if (providerId !== undefined) {
      if (!state.providers.some((p) => p.id === providerId)) throw notFound('Provider');
      draft.provider_id = providerId;
    }
    if ('operatory_id' in input) {
      const operatoryId = optInt(input, 'operatory_id', 'availability.operatory_id') ?? null;
      if (operatoryId !== null && !state.operatories.some((o) => o.id === operatoryId && o.location_id === location.id)) throw notFound('Operatory');
      draft.operatory_id = operatoryId;
    }
    draft.begin_time = hhmm(input, 'begin_time', 'availability.begin_time', false) ?? draft.begin_time;
    draft.end_time = hhmm(input, 'end_time', 'availability.end_time', false) ?? draft.end_time;
    const days = weekdays(input, 'availability.days');
    if (days) draft.days = days;
    if ('specific_date' in input) {
      const date = optString(input, 'specific_date', 'availability.specific_date') ?? null;
      if (date !== null && !isIsoDate(date)) throw invalid('availability.specific_date');
      draft.specific_date = date;
    }
    const typeIds = optIntArray(input, 'appointment_type_ids', 'availability.appointment_type_ids');
    if (typeIds) {
      if (typeIds.some((id) => !state.appointmentTypes.some((t) => t.id === id))) throw notFound('Appointment type');
      draft.appointment_type_ids = typeIds;
    }
    draft.active = optBool(input, 'active', 'availability.active') ?? draft.active;
    if (!draft.provider_id) throw missing('availability.provider_id');
    if (!draft.begin_time) throw missing('availability.begin_time');
    if (!draft.end_time) throw missing('availability.end_time');
    if (draft.end_time <= draft.begin_time) throw invalid('availability.end_time');
    if (draft.days.length === 0 && !draft.specific_date) throw missing('availability.days');
    if (location.map_by_operatory && draft.operatory_id === null) throw missing('availability.operatory_id');
    return draft;
  };

  router.add('POST', '/availabilities', ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const input = objectField(body, 'availability');
    const draft: Availability = {
      id: 0, provider_id: 0, operatory_id: null, location_id: location.id, begin_time: '', end_time: '',
      days: [], specific_date: null, appointment_type_ids: [], active: true, synced: false,
    };
    const availability = applyAvailability(draft, input, location);
    availability.id = state.nextId.availability++;
    state.availabilities.push(availability);
    return ok(renderAvailability(state, availability), { status: 201, description: 'Created' });
  });

  router.add('PATCH', '/availabilities/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const existing = findAvailability(request);
    const input = objectField(request.body, 'availability');
    const updated = applyAvailability({ ...existing, days: [...existing.days] }, input, locationFrom(ctx, existing.location_id));
    Object.assign(existing, updated);
    return ok(renderAvailability(state, existing));
  });

  router.add('DELETE', '/availabilities/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const existing = findAvailability(request);
    state.availabilities = state.availabilities.filter((a) => a !== existing);
    return noContent();
  });

  // ---- patients -------------------------------------------------------------------------
  const upcomingOf = (patient: Patient): Appointment[] => {
    const now = ctx.now();
    return ctx.state().appointments.filter((a) => a.patient_id === patient.id && isBlocking(a) && a.start > now);
  };

  router.add('GET', '/patients', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const name = query.str('name')?.trim().toLowerCase();
    const email = query.str('email')?.trim().toLowerCase();
    const phone = query.str('phone_number');
    const dob = query.date('date_of_birth');
    const newPatient = query.bool('new_patient');
    const locationStrict = query.bool('location_strict') ?? false;
    const inactive = query.bool('inactive');
    const nonPatient = query.bool('non_patient');
    const includeUpcoming = query.bool('include_upcoming_appts') ?? false;
    const sort = query.str('sort');
    if (phone !== undefined && digits(phone).length === 0) throw invalid('phone_number');
    const hasVisits = (patient: Patient): boolean => state.appointments.some((a) => a.patient_id === patient.id && isBlocking(a));
    const list = state.patients.filter((patient) => {
      const full = `${patient.first_name} ${patient.middle_name ? `${patient.middle_name} ` : ''}${patient.last_name}`.toLowerCase();
      const short = `${patient.first_name} ${patient.last_name}`.toLowerCase();
      return (!name || patient.first_name.toLowerCase() === name || patient.last_name.toLowerCase() === name
          || full === name || short === name || full.includes(name))
        && (!email || patient.email.toLowerCase() === email)
        && (phone === undefined || digits(patient.bio.phone_number).endsWith(digits(phone).slice(-10))
          || (patient.bio.cell_phone_number !== null && digits(patient.bio.cell_phone_number).endsWith(digits(phone).slice(-10))))
        && (!dob || patient.bio.date_of_birth === dob)
        && (newPatient === undefined || hasVisits(patient) !== newPatient)
        && (!locationStrict || patient.location_ids.includes(location.id))
        && (inactive === undefined ? !patient.inactive : patient.inactive === inactive)
        && (nonPatient === undefined || patient.non_patient === nonPatient);
    });
    if (sort === 'name') list.sort((a, b) => `${a.last_name} ${a.first_name}`.localeCompare(`${b.last_name} ${b.first_name}`));
    const { page, count } = paginate(list, query);
    return ok({ patients: page.map((p) => renderPatient(state, p, includeUpcoming ? upcomingOf(p) : undefined)) }, { count });
  });

  router.add('GET', '/patients/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const patient = state.patients.find((p) => p.id === idParam(request));
    if (!patient) throw notFound('Patient');
    const includeUpcoming = request.query.bool('include_upcoming_appts') ?? false;
    return ok(renderPatient(state, patient, includeUpcoming ? upcomingOf(patient) : undefined));
  });

  router.add('POST', '/patients', ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const input = objectField(body, 'patient');
    const firstName = reqString(input, 'first_name', 'patient.first_name').trim();
    const lastName = reqString(input, 'last_name', 'patient.last_name').trim();
    const email = reqString(input, 'email', 'patient.email').trim();
    // NexHealth's email pattern takes lower case only (an upper-case address is refused).
    if (!/^[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(email)) throw invalid('patient.email');
    const bio = isObject(input.bio) ? input.bio : undefined;
    if (!bio) throw missing('patient.bio.date_of_birth');
    const dob = reqString(bio, 'date_of_birth', 'patient.bio.date_of_birth');
    if (!isIsoDate(dob) || DateTime.fromISO(dob, { zone: location.tz }) > DateTime.fromJSDate(ctx.now())) throw invalid('patient.bio.date_of_birth');
    const phone = digits(reqString(bio, 'phone_number', 'patient.bio.phone_number'));
    const phone10 = phone.length === 11 && phone.startsWith('1') ? phone.slice(1) : phone;
    if (phone10.length !== 10) throw invalid('patient.bio.phone_number');
    // The v2 patients guide lists gender among the fields a new patient needs.
    const gender = reqString(bio, 'gender', 'patient.bio.gender');
    if (!PATIENT_GENDERS.includes(gender)) throw invalid('patient.bio.gender');
    // `provider` is required (OpenAPI postPatients: required ["provider", "patient"]).
    const providerId = reqInt(objectField(body, 'provider'), 'provider_id', 'provider.provider_id');
    if (!state.providers.some((p) => p.id === providerId)) throw notFound('Provider');
    const returnExisting = isObject(body) ? optBool(body, 'return_existing_if_match', 'return_existing_if_match') ?? false : false;
    const existing = state.patients.find((p) =>
      p.first_name.toLowerCase() === firstName.toLowerCase() && p.last_name.toLowerCase() === lastName.toLowerCase()
      && p.bio.date_of_birth === dob && digits(p.bio.phone_number) === phone10);
    if (existing) {
      if (!returnExisting) throw badRequest('Patient already exists');
      return ok({ user: renderPatient(state, existing) }, { status: 200, description: 'Existing patient' });
    }
    const stamp = iso(ctx.now());
    const patient: Patient = {
      id: state.nextId.patient++,
      first_name: firstName,
      middle_name: optString(input, 'middle_name', 'patient.middle_name') ?? null,
      last_name: lastName,
      email,
      bio: { date_of_birth: dob, phone_number: phone10, cell_phone_number: phone10, gender, city: null, state: null, zip_code: null },
      inactive: false,
      location_ids: [location.id],
      provider_id: providerId,
      foreign_id: null,
      non_patient: false,
      created_at: stamp,
      updated_at: stamp,
    };
    state.patients.push(patient);
    return ok({ user: renderPatient(state, patient) }, { status: 201, description: 'Created' });
  });

  // ---- slots ----------------------------------------------------------------------------
  router.add('GET', '/appointment_slots', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const startDate = query.date('start_date');
    if (!startDate) throw missing('start_date');
    const days = query.int('days') ?? 1;
    if (days < 1 || days > MAX_SLOT_DAYS) throw badRequest(`Invalid parameter days: must be between 1 and ${MAX_SLOT_DAYS}`);
    const lids = query.intArray('lids');
    if (!lids) throw missing('lids');
    lids.forEach((id) => locationFrom(ctx, id));
    // pids[] is required in v2 (the v2 Postman collection marks it so).
    const pids = query.intArray('pids');
    if (!pids) throw missing('pids');
    pids.forEach((id) => { if (!state.providers.some((p) => p.id === id)) throw notFound('Provider'); });
    const operatoryIds = query.intArray('operatory_ids');
    const typeId = query.int('appointment_type_id');
    let slotLength = query.int('slot_length') ?? 15;
    if (slotLength < 5) throw invalid('slot_length');
    if (typeId !== undefined) {
      const type = state.appointmentTypes.find((t) => t.id === typeId);
      if (!type) throw notFound('Appointment type');
      slotLength = type.minutes;
    }
    const groups = computeSlots(
      {
        availabilities: state.availabilities,
        busy: state.appointments.filter(isBlocking).map((a) => ({
          location_id: a.location_id,
          provider_id: a.provider_id,
          operatory_id: a.operatory_id,
          start: a.start,
          end: a.end,
        })),
        zones: new Map(state.locations.map((l) => [l.id, l.tz])),
      },
      {
        startDate, days, locationIds: lids, providerIds: pids, operatoryIds, appointmentTypeId: typeId,
        slotLengthMinutes: slotLength, overlappingOperatorySlots: query.bool('overlapping_operatory_slots') ?? false,
        now: ctx.now(),
      },
    );
    // v2 slots are {time, operatory_id, provider_id}: no end_time (the docs' sample has none).
    const rendered = groups.map((group) => ({ ...group, slots: group.slots.map(({ end_time: _end, ...slot }) => slot) }));
    return ok(rendered, { count: groups.length });
  });

  // ---- appointments ---------------------------------------------------------------------
  const findAppointment = (request: ApiRequest): Appointment => {
    const found = ctx.state().appointments.find((a) => a.id === idParam(request) && !a.deleted);
    if (!found) throw notFound('Appointment');
    return found;
  };

  const timeField = (input: Json, key: string): Date | undefined => {
    const raw = optString(input, key, `appt.${key}`);
    if (raw === undefined) return undefined;
    const parsed = parseDateTime(raw);
    if (!parsed || !/T\d{2}:\d{2}/.test(raw)) throw invalid(`appt.${key}`);
    return parsed;
  };

  router.add('POST', '/appointments', ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    query.bool('notify_patient');
    const input = objectField(body, 'appt');
    const patientId = reqInt(input, 'patient_id', 'appt.patient_id');
    const providerId = reqInt(input, 'provider_id', 'appt.provider_id');
    const start = timeField(input, 'start_time');
    if (!start) throw missing('appt.start_time');
    const operatoryId = optInt(input, 'operatory_id', 'appt.operatory_id') ?? null;
    const typeId = optInt(input, 'appointment_type_id', 'appt.appointment_type_id') ?? null;
    const note = optString(input, 'note', 'appt.note') ?? null;
    if (note !== null && note.length > 128) throw badRequest('Invalid parameter appt.note: at most 128 characters');
    if (!state.patients.some((p) => p.id === patientId)) throw notFound('Patient');
    const provider = state.providers.find((p) => p.id === providerId);
    if (!provider) throw notFound('Provider');
    if (!provider.location_ids.includes(location.id)) throw badRequest('Invalid parameter appt.provider_id: provider does not work at this location');
    if (operatoryId !== null && !state.operatories.some((o) => o.id === operatoryId && o.location_id === location.id)) throw notFound('Operatory');
    if (location.map_by_operatory && operatoryId === null) throw missing('appt.operatory_id');
    let end = timeField(input, 'end_time');
    if (typeId !== null) {
      const type = state.appointmentTypes.find((t) => t.id === typeId);
      if (!type) throw notFound('Appointment type');
      end ??= new Date(start.getTime() + type.minutes * 60_000);
    }
    if (!end) throw missing('appt.end_time');
    if (end <= start) throw invalid('appt.end_time');
    if (start <= ctx.now()) throw badRequest('Invalid parameter appt.start_time: must be in the future');
    const candidate = { id: 0, provider_id: providerId, operatory_id: operatoryId, location_id: location.id, start, end };
    // The real wording of a double booking is undocumented, so the sandbox uses one no client
    // should grep for, nested as in the docs' error samples: the client must re-check the slot.
    if (overlapsExisting(state, candidate)) throw new ApiError(400, [['Appointment could not be created']]);
    const stamp = iso(ctx.now());
    const appointment: Appointment = {
      ...candidate,
      id: state.nextId.appointment++,
      patient_id: patientId,
      appointment_type_id: typeId,
      note,
      confirmed: false,
      cancelled: false,
      cancelled_at: null,
      patient_missed: false,
      unavailable: false,
      deleted: false,
      foreign_id: null,
      last_sync_time: null,
      is_new_clients_patient: !state.appointments.some((a) => a.patient_id === patientId),
      created_at: stamp,
      updated_at: stamp,
      insertion: 'pending',
    };
    state.appointments.push(appointment);
    ctx.onAppointmentCreated(appointment);
    return ok({ appt: renderAppointment(state, appointment) }, { status: 201, description: 'Created' });
  });

  router.add('GET', '/appointments', ({ query }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = query.int('location_id');
    if (locationId !== undefined) locationFrom(ctx, locationId);
    const start = query.dateTime('start');
    if (!start) throw missing('start');
    const end = query.dateTime('end');
    if (!end) throw missing('end');
    if (end < start) throw invalid('end');
    // v2 filters by one patient; `patient_ids[]` (v3) is not read, so it is ignored as NexHealth does.
    const patientId = query.int('patient_id');
    const providerIds = query.intArray('provider_ids');
    const cancelled = query.bool('cancelled');
    const list = state.appointments
      .filter((a) => !a.deleted && a.start >= start && a.start <= end
        && (locationId === undefined || a.location_id === locationId)
        && (patientId === undefined || a.patient_id === patientId)
        && (!providerIds || providerIds.includes(a.provider_id))
        && (cancelled === undefined || a.cancelled === cancelled))
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
    const { page, count } = paginate(list, query);
    return ok(page.map((a) => renderAppointment(state, a)), { count });
  });

  router.add('GET', '/appointments/:id', (request) => {
    subdomain(ctx, request.query);
    return ok(renderAppointment(ctx.state(), findAppointment(request)));
  });

  router.add('PATCH', '/appointments/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const appointment = findAppointment(request);
    const input = objectField(request.body, 'appt');
    const cancelled = optBool(input, 'cancelled', 'appt.cancelled') ?? optBool(input, 'canceled', 'appt.canceled');
    const confirmed = optBool(input, 'confirmed', 'appt.confirmed');
    const note = optString(input, 'note', 'appt.note');
    if (note !== undefined && note.length > 128) throw badRequest('Invalid parameter appt.note: at most 128 characters');
    const start = timeField(input, 'start_time');
    let end = timeField(input, 'end_time');
    const operatoryId = 'operatory_id' in input ? optInt(input, 'operatory_id', 'appt.operatory_id') ?? null : appointment.operatory_id;
    if (operatoryId !== null && !state.operatories.some((o) => o.id === operatoryId && o.location_id === appointment.location_id)) throw notFound('Operatory');
    if (start && !end) end = new Date(start.getTime() + (appointment.end.getTime() - appointment.start.getTime()));
    const moved = { ...appointment, start: start ?? appointment.start, end: end ?? appointment.end, operatory_id: operatoryId };
    if (start || end || operatoryId !== appointment.operatory_id) {
      if (moved.end <= moved.start) throw invalid('appt.end_time');
      if (moved.start <= ctx.now()) throw badRequest('Invalid parameter appt.start_time: must be in the future');
      if (cancelled !== true && overlapsExisting(state, moved)) throw badRequest('Time slot is not available');
    }
    const stamp = iso(ctx.now());
    Object.assign(appointment, { start: moved.start, end: moved.end, operatory_id: moved.operatory_id, updated_at: stamp });
    if (note !== undefined) appointment.note = note;
    if (confirmed !== undefined) appointment.confirmed = confirmed;
    if (cancelled !== undefined && cancelled !== appointment.cancelled) {
      appointment.cancelled = cancelled;
      appointment.cancelled_at = cancelled ? stamp : null;
    }
    return ok({ appt: renderAppointment(state, appointment) });
  });

  // ---- webhooks -------------------------------------------------------------------------
  const findEndpoint = (request: ApiRequest): WebhookEndpoint => {
    const found = ctx.state().webhookEndpoints.find((e) => e.id === idParam(request));
    if (!found) throw notFound('Webhook endpoint');
    return found;
  };

  const targetUrl = (input: Json, required: boolean): string | undefined => {
    const value = required ? reqString(input, 'target_url', 'target_url') : optString(input, 'target_url', 'target_url');
    if (value === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw invalid('target_url');
    }
    // Real NexHealth requires https; the sandbox also takes http so local receivers work.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('target_url');
    return value;
  };

  router.add('POST', '/webhook_endpoints', ({ body }) => {
    const state = ctx.state();
    if (!isObject(body)) throw missing('target_url');
    const url = targetUrl(body, true) ?? '';
    const stamp = iso(ctx.now());
    const endpoint = {
      id: state.nextId.webhookEndpoint++,
      target_url: url,
      secret_key: randomBytes(24).toString('hex'),
      active: optBool(body, 'active', 'active') ?? true,
      created_at: stamp,
      updated_at: stamp,
    };
    state.webhookEndpoints.push(endpoint);
    return ok(renderWebhookEndpoint(endpoint), { status: 201, description: 'Created' });
  });

  router.add('GET', '/webhook_endpoints', ({ query }) => {
    const { page, count } = paginate(ctx.state().webhookEndpoints, query);
    return ok(page.map((e) => renderWebhookEndpoint(e)), { count });
  });

  router.add('GET', '/webhook_endpoints/:id', (request) => ok(renderWebhookEndpoint(findEndpoint(request))));

  router.add('PATCH', '/webhook_endpoints/:id', (request) => {
    const endpoint = findEndpoint(request);
    if (!isObject(request.body)) throw missing('target_url');
    const url = targetUrl(request.body, false);
    const active = optBool(request.body, 'active', 'active');
    if (url !== undefined) endpoint.target_url = url;
    if (active !== undefined) endpoint.active = active;
    endpoint.updated_at = iso(ctx.now());
    return ok(renderWebhookEndpoint(endpoint));
  });

  router.add('DELETE', '/webhook_endpoints/:id', (request) => {
    const state = ctx.state();
    const endpoint = findEndpoint(request);
    state.webhookEndpoints = state.webhookEndpoints.filter((e) => e !== endpoint);
    state.webhookSubscriptions = state.webhookSubscriptions.filter((s) => s.webhook_endpoint_id !== endpoint.id);
    return noContent();
  });

  router.add('POST', '/webhook_endpoints/:id/webhook_subscriptions', (request) => {
    const sub = subdomain(ctx, request.query);
    const state = ctx.state();
    const endpoint = findEndpoint(request);
    if (!isObject(request.body)) throw missing('resource_type');
    const resourceType = reqString(request.body, 'resource_type', 'resource_type');
    const event = reqString(request.body, 'event', 'event');
    if (resourceType.toLowerCase() !== 'appointment' && resourceType.toLowerCase() !== 'patient') throw invalid('resource_type');
    const stamp = iso(ctx.now());
    const subscription = {
      id: state.nextId.webhookSubscription++,
      webhook_endpoint_id: endpoint.id,
      resource_type: resourceType.toLowerCase() === 'appointment' ? 'Appointment' : 'Patient',
      event,
      active: optBool(request.body, 'active', 'active') ?? true,
      subdomain: sub,
      created_at: stamp,
      updated_at: stamp,
    };
    state.webhookSubscriptions.push(subscription);
    return ok(renderSubscription(subscription), { status: 201, description: 'Created' });
  });

  router.add('GET', '/webhook_endpoints/:id/webhook_subscriptions', (request) => {
    subdomain(ctx, request.query);
    const endpoint = findEndpoint(request);
    const list = ctx.state().webhookSubscriptions.filter((s) => s.webhook_endpoint_id === endpoint.id);
    const { page, count } = paginate(list, request.query);
    return ok(page.map(renderSubscription), { count });
  });

  const findSubscription = (request: ApiRequest) => {
    const endpoint = findEndpoint(request);
    const found = ctx.state().webhookSubscriptions.find((s) => s.id === idParam(request, 'sid') && s.webhook_endpoint_id === endpoint.id);
    if (!found) throw notFound('Webhook subscription');
    return found;
  };

  router.add('GET', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    return ok(renderSubscription(findSubscription(request)));
  });

  router.add('PATCH', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    const subscription = findSubscription(request);
    const active = isObject(request.body) ? optBool(request.body, 'active', 'active') : undefined;
    if (active !== undefined) subscription.active = active;
    subscription.updated_at = iso(ctx.now());
    return ok(renderSubscription(subscription));
  });

  router.add('DELETE', '/webhook_endpoints/:id/webhook_subscriptions/:sid', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const subscription = findSubscription(request);
    state.webhookSubscriptions = state.webhookSubscriptions.filter((s) => s !== subscription);
    return noContent();
  });
}
