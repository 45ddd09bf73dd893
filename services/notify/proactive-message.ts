// What the bot tells a patient outside their own turn, in channel-neutral terms. The bot layer
// delivers each one as an event activity through its normal turn (bot/proactive-turns.ts), so one
// code path locks the conversation, runs the dialogs, words the message and saves state.
import type { PatientNotice } from './office-changes';

export type ProactiveMessage =
  /** The office confirmed the request: "You're booked: …". */
  | { kind: 'booked'; summary: string }
  /** A confirmed reschedule (its old appointment is already cancelled). */
  | { kind: 'rescheduled'; summary: string; oldWhen: string }
  /** The office refused: other times are offered from the request's draft. `oldWhen` for a reschedule. */
  | { kind: 'refused'; retry: Record<string, unknown>; oldWhen?: string }
  /** Any other service's message (e.g. a freed time offered to someone waiting), with optional choices. */
  | { kind: 'text'; text: string; choices?: string[] }
  | PatientNotice;

/** Delivers a message into the conversation a stored reference names (a failure throws: nothing was said). */
export interface ProactiveMessenger {
  send(conversation: Record<string, unknown>, message: ProactiveMessage): Promise<void>;
}
