// Appointments: create (insertion follows), list (each version's patient filter), read, change, cancel.
import {
  ApiError, badRequest, invalid, missing, notFound, objectField, ok, optBool, optInt, optString, listPage,
  parseDateTime, reqInt, type ApiRequest, type Json, type Router,
} from '../http';
import { isBlocking, renderAppointment, type Appointment, type State } from '../model';
import { idParam, iso, locationFrom, requireLocation, subdomain, type ApiContext } from './context';

const MAX_PATIENT_IDS = 25;

function overlapsExisting(state: State, candidate: Pick<Appointment, 'id' | 'provider_id' | 'operatory_id' | 'location_id' | 'start' | 'end'>): boolean {
  return state.appointments.some((other) =>
    other.id !== candidate.id && isBlocking(other) && other.location_id === candidate.location_id
    && other.start < candidate.end && other.end > candidate.start
    && (other.provider_id === candidate.provider_id
      || (candidate.operatory_id !== null && other.operatory_id === candidate.operatory_id)));
}

function findAppointment(ctx: ApiContext, request: ApiRequest): Appointment {
  const found = ctx.state().appointments.find((a) => a.id === idParam(request) && !a.deleted);
  if (!found) throw notFound('Appointment');
  return found;
}

function timeField(input: Json, key: string): Date | undefined {
  const raw = optString(input, key, `appt.${key}`);
  if (raw === undefined) return undefined;
  const parsed = parseDateTime(raw);
  if (!parsed || !/T\d{2}:\d{2}/.test(raw)) throw invalid(`appt.${key}`);
  return parsed;
}

export function registerAppointments(router: Router, ctx: ApiContext): void {
  registerCreate(router, ctx);
  registerReads(router, ctx);
  registerChanges(router, ctx);
}

/** POST /appointments: validated as NexHealth does; the insertion follows. */
function registerCreate(router: Router, ctx: ApiContext): void {
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
      foreign_id_type: null,
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
}

/** Listing (v2 filters) and reading appointments. */
function registerReads(router: Router, ctx: ApiContext): void {
  router.add('GET', '/appointments', (request) => {
    const { query } = request;
    subdomain(ctx, query);
    const state = ctx.state();
    const locationId = query.int('location_id');
    if (locationId !== undefined) locationFrom(ctx, locationId);
    const start = query.dateTime('start');
    if (!start) throw missing('start');
    const end = query.dateTime('end');
    if (!end) throw missing('end');
    if (end < start) throw invalid('end');
    const patientIds = patientFilter(request);
    const providerIds = query.intArray('provider_ids');
    const cancelled = query.bool('cancelled');
    const list = state.appointments
      .filter((a) => !a.deleted && a.start >= start && a.start <= end
        && (locationId === undefined || a.location_id === locationId)
        && (patientIds === undefined || (a.patient_id !== null && patientIds.includes(a.patient_id)))
        && (!providerIds || providerIds.includes(a.provider_id))
        && (cancelled === undefined || a.cancelled === cancelled))
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
    const { page, meta } = listPage(list, request);
    return ok(page.map((a) => renderAppointment(state, a)), meta);
  });

  router.add('GET', '/appointments/:id', (request) => {
    subdomain(ctx, request.query);
    return ok(renderAppointment(ctx.state(), findAppointment(ctx, request)));
  });
}

/** PATCH: confirm, cancel, or (as integrators may) move; a move must not overlap. */
function registerChanges(router: Router, ctx: ApiContext): void {
  router.add('PATCH', '/appointments/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const appointment = findAppointment(ctx, request);
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
    ctx.onAppointmentChanged(appointment);
    return ok({ appt: renderAppointment(state, appointment) });
  });
}

/**
 * v2 filters by one patient (`patient_id`); v3 by `patient_ids[]`, up to 25 (OpenAPI). The other
 * version's parameter is not read, so it is ignored as NexHealth ignores unknown parameters.
 */
function patientFilter(request: ApiRequest): number[] | undefined {
  if (request.version === 'v2') {
    const patientId = request.query.int('patient_id');
    return patientId === undefined ? undefined : [patientId];
  }
  const patientIds = request.query.intArray('patient_ids');
  if (patientIds && patientIds.length > MAX_PATIENT_IDS) throw badRequest(`Invalid parameter patient_ids: up to ${MAX_PATIENT_IDS} ids`);
  return patientIds;
}
