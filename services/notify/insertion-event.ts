// The `appointment_insertion` webhook body, read tolerantly: only the event name and the
// appointment id are required. The failure payload's shape is undocumented (`data.error` may be a
// string, an array or nested arrays; ids may come as numeric strings), and a dropped event is
// answered 200 and never re-sent, so nothing else may make an event "malformed".

export type InsertionOutcome = 'complete' | 'failed';

export type WebhookEvent =
  | { kind: 'insertion'; appointmentId: number; outcome: InsertionOutcome }
  | { kind: 'ignored'; eventName: string }
  | { kind: 'malformed' };

const OUTCOMES: Record<string, InsertionOutcome> = {
  'appointment_insertion.complete': 'complete',
  'appointment_insertion.failed': 'failed',
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A positive integer id, given as a number or as a string of digits. */
function idOf(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function parseWebhookEvent(body: unknown): WebhookEvent {
  const eventName = field(body, 'event_name');
  if (typeof eventName !== 'string') return { kind: 'malformed' };
  const outcome = OUTCOMES[eventName];
  if (!outcome) return { kind: 'ignored', eventName };
  const appointmentId = idOf(field(field(field(body, 'data'), 'appointment'), 'id'));
  if (appointmentId === undefined) return { kind: 'malformed' };
  return { kind: 'insertion', appointmentId, outcome };
}
