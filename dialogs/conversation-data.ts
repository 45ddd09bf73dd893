// What a conversation remembers between turns (in ConversationState, through one accessor).
import type { BookingDraft, PreferenceWindows, UpcomingAppointment } from '../services/booking';
import type { Slot } from '../services/nlu';

/**
 * What the bot just asked: tells `understand` how to read a bare answer (see `nluExpecting`) and
 * help what the bot is waiting for. 'appointment' and 'cancelConfirm' are the manage flows' own
 * questions, read as a choice and a yes/no; 'gender' (a new patient's record) is read as a choice.
 */
export type Expecting = Slot | 'choice' | 'confirm' | 'appointment' | 'cancelConfirm' | 'gender';

/** The list, cancel and reschedule flows: who the patient is, their appointments, which one. */
export interface ManageState {
  /** Set only once name, birth date and a phone or email matched one record. */
  patientId?: number;
  /** Failed identity checks (three end the flow). */
  identityAttempts?: number;
  appointments?: UpcomingAppointment[];
  chosenId?: number;
  /** The day or time the first message named ("I can't make it Tuesday"). */
  when?: PreferenceWindows;
}

export interface ConversationData {
  /** The booking being put together; cleared when the flow ends. */
  draft: BookingDraft;
  manage?: ManageState;
  expecting?: Expecting;
}

export function emptyConversationData(): ConversationData {
  return { draft: {} };
}

export function nluExpecting(expecting: Expecting | undefined): Slot | 'choice' | 'confirm' | undefined {
  if (expecting === 'appointment' || expecting === 'gender') return 'choice';
  if (expecting === 'cancelConfirm') return 'confirm';
  return expecting;
}
