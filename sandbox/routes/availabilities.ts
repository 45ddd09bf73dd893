// Working hours, read and written by integrators: v2's /availabilities (body `availability`) and
// v3's /working_hours (body `working_hour`, OpenAPI postWorkingHours); the same records behind both.
import {
  invalid, isIsoDate, missing, noContent, notFound, objectField, ok, optBool, optInt, optIntArray, optString,
  listPage, reqString, type ApiRequest, type ApiVersion, type Json, type Router,
} from '../http';
import { WEEKDAYS, renderAvailability, type Availability, type Location, type Weekday } from '../model';
import { idParam, locationFrom, requireLocation, subdomain, type ApiContext } from './context';

type BodyKey = 'availability' | 'working_hour';

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

function findAvailability(ctx: ApiContext, request: ApiRequest): Availability {
  const found = ctx.state().availabilities.find((a) => a.id === idParam(request));
  if (!found) throw notFound('Availability');
  return found;
}

/** Shared by POST and PATCH: applies and validates fields onto a draft. */
function applyAvailability(ctx: ApiContext, draft: Availability, input: Json, location: Location, key: BodyKey): Availability {
  const state = ctx.state();
  const providerId = optInt(input, 'provider_id', `${key}.provider_id`);
  if (providerId !== undefined) {
    if (!state.providers.some((p) => p.id === providerId)) throw notFound('Provider');
    draft.provider_id = providerId;
  }
  if ('operatory_id' in input) {
    const operatoryId = optInt(input, 'operatory_id', `${key}.operatory_id`) ?? null;
    if (operatoryId !== null && !state.operatories.some((o) => o.id === operatoryId && o.location_id === location.id)) throw notFound('Operatory');
    draft.operatory_id = operatoryId;
  }
  draft.begin_time = hhmm(input, 'begin_time', `${key}.begin_time`, false) ?? draft.begin_time;
  draft.end_time = hhmm(input, 'end_time', `${key}.end_time`, false) ?? draft.end_time;
  const days = weekdays(input, `${key}.days`);
  if (days) draft.days = days;
  if ('specific_date' in input) {
    const date = optString(input, 'specific_date', `${key}.specific_date`) ?? null;
    if (date !== null && !isIsoDate(date)) throw invalid(`${key}.specific_date`);
    draft.specific_date = date;
  }
  const typeIds = optIntArray(input, 'appointment_type_ids', `${key}.appointment_type_ids`);
  if (typeIds) {
    if (typeIds.some((id) => !state.appointmentTypes.some((t) => t.id === id))) throw notFound('Appointment type');
    draft.appointment_type_ids = typeIds;
  }
  draft.active = optBool(input, 'active', `${key}.active`) ?? draft.active;
  if (!draft.provider_id) throw missing(`${key}.provider_id`);
  if (!draft.begin_time) throw missing(`${key}.begin_time`);
  if (!draft.end_time) throw missing(`${key}.end_time`);
  if (draft.end_time <= draft.begin_time) throw invalid(`${key}.end_time`);
  if (draft.days.length === 0 && !draft.specific_date) throw missing(`${key}.days`);
  if (location.map_by_operatory && draft.operatory_id === null) throw missing(`${key}.operatory_id`);
  return draft;
}

export function registerAvailabilities(router: Router, ctx: ApiContext): void {
  registerWorkingHours(router, ctx, { path: '/availabilities', key: 'availability', version: 'v2' });
  registerWorkingHours(router, ctx, { path: '/working_hours', key: 'working_hour', version: 'v3' });
}

function registerWorkingHours(router: Router, ctx: ApiContext, surface: { path: string; key: BodyKey; version: ApiVersion }): void {
  const { path, key } = surface;
  const versions = [surface.version];
  router.add('GET', path, (request) => {
    const { query } = request;
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
    const { page, meta } = listPage(list, request);
    return ok(page.map((a) => renderAvailability(state, a)), meta);
  }, versions);

  router.add('GET', `${path}/:id`, (request) => {
    subdomain(ctx, request.query);
    return ok(renderAvailability(ctx.state(), findAvailability(ctx, request)));
  }, versions);

  router.add('POST', path, ({ query, body }) => {
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const input = objectField(body, key);
    const draft: Availability = {
      id: 0, provider_id: 0, operatory_id: null, location_id: location.id, begin_time: '', end_time: '',
      days: [], specific_date: null, appointment_type_ids: [], active: true, synced: false,
    };
    const availability = applyAvailability(ctx, draft, input, location, key);
    availability.id = state.nextId.availability++;
    state.availabilities.push(availability);
    return ok(renderAvailability(state, availability), { status: 201, description: 'Created' });
  }, versions);

  router.add('PATCH', `${path}/:id`, (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const existing = findAvailability(ctx, request);
    const input = objectField(request.body, key);
    const updated = applyAvailability(ctx, { ...existing, days: [...existing.days] }, input, locationFrom(ctx, existing.location_id), key);
    Object.assign(existing, updated);
    return ok(renderAvailability(state, existing));
  }, versions);

  router.add('DELETE', `${path}/:id`, (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const existing = findAvailability(ctx, request);
    state.availabilities = state.availabilities.filter((a) => a !== existing);
    return noContent();
  }, versions);
}
