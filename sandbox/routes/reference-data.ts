// Locations, providers, operatories and appointment types.
import {
  ApiError, badRequest, invalid, isObject, missing, notFound, objectField, ok, optBool, optInt, optString,
  listPage, paginate, reqInt, reqString, type Router,
} from '../http';
import { renderLocation, renderOperatory, renderProvider } from '../model';
import { idParam, locationFrom, requireLocation, subdomain, type ApiContext } from './context';

export function registerReferenceData(router: Router, ctx: ApiContext): void {
  registerReads(router, ctx);
  registerTypeCreate(router, ctx);
}

/** Locations, providers, operatories and appointment types. */
function registerReads(router: Router, ctx: ApiContext): void {
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

  router.add('GET', '/providers', (request) => {
    const { query } = request;
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
    const { page, meta } = listPage(list, request);
    return ok(page.map((p) => renderProvider(state, p)), meta);
  });

  router.add('GET', '/providers/:id', (request) => {
    subdomain(ctx, request.query);
    const state = ctx.state();
    const provider = state.providers.find((p) => p.id === idParam(request));
    if (!provider) throw notFound('Provider');
    return ok(renderProvider(state, provider));
  });

  router.add('GET', '/operatories', (request) => {
    const { query } = request;
    subdomain(ctx, query);
    const state = ctx.state();
    const location = requireLocation(ctx, query);
    const list = state.operatories.filter((o) => o.location_id === location.id);
    const { page, meta } = listPage(list, request);
    return ok(page.map((o) => renderOperatory(state, o)), meta);
  });
}

/** POST /appointment_types. */
function registerTypeCreate(router: Router, ctx: ApiContext): void {
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
}
