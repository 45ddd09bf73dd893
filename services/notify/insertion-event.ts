// The webhook bodies (`appointment_insertion`, `appointment_updated`, `sync_status_write_change`),
// read tolerantly: only the event name (and for appointments, the id) is required. The failure payload's shape is undocumented (`data.error` may be a
// string, an array or nested arrays; ids may come as numeric strings), and a dropped event is
// answered 200 and never re-sent, so nothing else may make an event "malformed".

export type InsertionOutcome = 'complete' | 'failed';

export type WebhookEvent =
  | { kind: 'insertion'; appointmentId: number; outcome: InsertionOutcome }
  /** The record system's copy changed (read back by NexHealth): the ids only, the rest is read again. */
  | { kind: 'appointment_updated'; appointmentIds: number[] }
  /** `sync_status_write_change.green|red`: writes reach the record system again, or stopped. */
  | { kind: 'sync_write_status'; online: boolean }
  | { kind: 'ignored'; eventName: string }
  | { kind: 'malformed' };

const OUTCOMES: Record<string, InsertionOutcome> = {
  'appointment_insertion.complete': 'complete',
  'appointment_insertion.failed': 'failed',
  // "could not reach the health record system before the start time passed"
  'appointment_insertion.timed_out': 'failed',
};

const SYNC_WRITE_STATUS: Record<string, boolean> = {
  'sync_status_write_change.green': true,
  'sync_status_write_change.red': false,
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A positive integer id, given as a number or as a string of digits. */
function idOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** `data.appointment` (the docs' shape) or `data.appointments[]` (as appointment_created comes). */
function appointmentIds(data: unknown): number[] {
  const list = field(data, 'appointments');
  const appointments = Array.isArray(list) ? list : [field(data, 'appointment')];
  return appointments.map((appointment) => idOf(field(appointment, 'id'))).filter((id): id is number => id !== undefined);
}

export function parseWebhookEvent(body: unknown): WebhookEvent {
  const eventName = field(body, 'event_name');
  if (typeof eventName !== 'string') return { kind: 'malformed' };
  const online = SYNC_WRITE_STATUS[eventName];
  if (online !== undefined) return { kind: 'sync_write_status', online };
  if (eventName === 'appointment_updated') {
    const ids = appointmentIds(field(body, 'data'));
    return ids.length > 0 ? { kind: 'appointment_updated', appointmentIds: ids } : { kind: 'malformed' };
  }
  const outcome = OUTCOMES[eventName];
  if (!outcome) return { kind: 'ignored', eventName };
  const appointmentId = idOf(field(field(field(body, 'data'), 'appointment'), 'id'));
  if (appointmentId === undefined) return { kind: 'malformed' };
  return { kind: 'insertion', appointmentId, outcome };
}
