// Test controls for the practice's side (not part of the NexHealth API): a location's flags, its
// synchronizer going offline and back, and the office cancelling or moving an appointment itself.
import { ApiError, isObject, parseDateTime, type ApiResponse, type Json, type Router } from './http';
import type { SandboxRuntime } from './server';

const bad = (message: string): ApiError => new ApiError(400, [message]);
const json = (body: Record<string, unknown>): ApiResponse => ({ status: 200, body });

function input(value: unknown): Json {
  if (value === undefined) return {};
  if (!isObject(value)) throw bad('body must be a JSON object');
  return value;
}

function flag(obj: Json, key: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw bad(`${key} must be a boolean`);
  return value;
}

function numericId(value: string | undefined): number {
  if (!value || !/^\d+$/.test(value)) throw bad('id must be a number');
  return Number(value);
}

export function registerPracticeControls(router: Router, runtime: SandboxRuntime): void {
  // { insert_appt_client?, map_by_operatory?, set_availability_by_operatory? }
  router.add('PUT', '/__sandbox/locations/:id', (request) => {
    const location = runtime.state().locations.find((candidate) => candidate.id === numericId(request.params.id));
    if (!location) throw new ApiError(404, ['location not found']);
    const changes = input(request.body);
    for (const key of ['insert_appt_client', 'map_by_operatory', 'set_availability_by_operatory'] as const) {
      const value = flag(changes, key);
      if (value !== undefined) location[key] = value;
    }
    return json({ ...location });
  });

  // { write_status: 'green' | 'red' } for the synchronizer behind a location.
  router.add('PUT', '/__sandbox/locations/:id/sync', (request) => {
    const locationId = numericId(request.params.id);
    const sync = runtime.state().syncs.find((candidate) => candidate.location_ids.includes(locationId));
    if (!sync) throw new ApiError(404, ['no synchronizer behind that location']);
    const status = input(request.body).write_status;
    if (status !== 'green' && status !== 'red') throw bad('write_status must be green or red');
    runtime.records.setWriteStatus(sync, status);
    return json({ ...sync });
  });

  // { cancelled?: true, start_time?: ISO }: made in the record system, reported after the read-back.
  router.add('POST', '/__sandbox/appointments/:id/office-change', (request) => {
    const appointment = runtime.state().appointments.find((candidate) => candidate.id === numericId(request.params.id));
    if (!appointment) throw new ApiError(404, ['appointment not found']);
    const change = input(request.body);
    const cancelled = flag(change, 'cancelled');
    const start = change.start_time === undefined ? undefined : typeof change.start_time === 'string' ? parseDateTime(change.start_time) : undefined;
    if (change.start_time !== undefined && !start) throw bad('start_time must be an ISO 8601 date-time');
    if (!cancelled && !start) throw bad('cancelled or start_time is required');
    runtime.records.officeChange(appointment, { cancelled, start });
    return json({ id: appointment.id, start: appointment.start.toISOString(), cancelled: appointment.cancelled });
  });

  // { readBackDelayMs?, nexForeignIdsWhilePending? }
  router.add('PUT', '/__sandbox/practice-settings', (request) => {
    const changes = input(request.body);
    const delay = changes.readBackDelayMs;
    if (delay !== undefined && (typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0)) throw bad('readBackDelayMs must be a non-negative integer');
    const nexIds = flag(changes, 'nexForeignIdsWhilePending');
    if (typeof delay === 'number') runtime.settings.readBackDelayMs = delay;
    if (nexIds !== undefined) runtime.settings.nexForeignIdsWhilePending = nexIds;
    return json({ readBackDelayMs: runtime.settings.readBackDelayMs, nexForeignIdsWhilePending: runtime.settings.nexForeignIdsWhilePending });
  });
}
