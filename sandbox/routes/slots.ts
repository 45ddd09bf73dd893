// Slot search: v2's GET /appointment_slots (pids[] required, no end_time on slots) and v3's
// GET /available_slots (pids[] optional, slots with end_time: OpenAPI AvailableSlot).
import { badRequest, invalid, missing, notFound, ok, type ApiRequest, type ApiResponse, type Router } from '../http';
import { isBlocking } from '../model';
import { computeSlots } from '../slots';
import { locationFrom, subdomain, type ApiContext } from './context';

const MAX_SLOT_DAYS = 14;

export function registerSlots(router: Router, ctx: ApiContext): void {
  router.add('GET', '/appointment_slots', (request) => searchSlots(ctx, request), ['v2']);
  router.add('GET', '/available_slots', (request) => searchSlots(ctx, request), ['v3']);
}

function searchSlots(ctx: ApiContext, { query, version }: ApiRequest): ApiResponse {
  subdomain(ctx, query);
  const state = ctx.state();
  const startDate = query.date('start_date');
  if (!startDate) throw missing('start_date');
  const days = query.int('days') ?? 1;
  if (days < 1 || days > MAX_SLOT_DAYS) throw badRequest(`Invalid parameter days: must be between 1 and ${MAX_SLOT_DAYS}`);
  const lids = query.intArray('lids');
  if (!lids) throw missing('lids');
  lids.forEach((id) => locationFrom(ctx, id));
  // pids[] is required in v2 (the v2 Postman collection marks it so), optional in v3 (OpenAPI).
  const pids = query.intArray('pids');
  if (!pids && version === 'v2') throw missing('pids');
  pids?.forEach((id) => { if (!state.providers.some((p) => p.id === id)) throw notFound('Provider'); });
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
  // v2 slots are {time, operatory_id, provider_id}: no end_time (the docs' sample has none). At an
  // operatory-mapped location a search without operatory_ids[] gets slots without an operatory,
  // which cannot be booked there (the docs: "Specify this if booking is mapped to operatory").
  const unmapped = (lid: number) => !operatoryIds && state.locations.some((l) => l.id === lid && l.map_by_operatory);
  const rendered = groups.map((group) => ({
    ...group,
    slots: group.slots.map((slot) => {
      const { end_time: _end, ...v2Slot } = slot;
      const shaped = version === 'v3' ? slot : v2Slot;
      return unmapped(group.lid) ? { ...shaped, operatory_id: null } : shaped;
    }),
  }));
  return ok(rendered, { count: groups.length });
}
