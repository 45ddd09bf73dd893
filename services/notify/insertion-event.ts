// The `appointment_insertion` webhook body, read defensively: only what we act on is required.
import { z } from 'zod';

const eventSchema = z.object({
  event_name: z.string(),
  resource_type: z.string().optional(),
  webhook_subscription_id: z.number().optional(),
  data: z.object({
    appointment: z.object({ id: z.number(), foreign_id: z.string().nullable().optional() }).passthrough().optional(),
    appointments: z.array(z.object({ id: z.number() }).passthrough()).optional(),
    error: z.array(z.string()).optional(),
  }).passthrough().optional(),
}).passthrough();

export type InsertionOutcome = 'complete' | 'failed';

export type WebhookEvent =
  | { kind: 'insertion'; appointmentId: number; outcome: InsertionOutcome }
  | { kind: 'ignored'; eventName: string }
  | { kind: 'malformed' };

export function parseWebhookEvent(body: unknown): WebhookEvent {
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) return { kind: 'malformed' };
  const { event_name: eventName, data } = parsed.data;
  const outcome: InsertionOutcome | undefined = eventName === 'appointment_insertion.complete' ? 'complete'
    : eventName === 'appointment_insertion.failed' ? 'failed' : undefined;
  if (!outcome) return { kind: 'ignored', eventName };
  const appointmentId = data?.appointment?.id;
  if (appointmentId === undefined) return { kind: 'malformed' };
  return { kind: 'insertion', appointmentId, outcome };
}
