// What a flow remembers between turns. It lives in the flow dialog's own instance state (see
// flowState in dialog-steps), so it ends with the dialog: nothing to reset by hand.
import type { BookingDraft, PreferenceWindows, UpcomingAppointment } from '../services/booking';
import type { Expecting } from '../services/copy';
import type { Slot } from '../services/nlu';

/** What the bot just asked (services/copy): carried by the active prompt (see `expectingOf`), never stored apart from it. */
export type { Expecting };

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

/** One flow's data: the booking being put together (or the identity answers), and the manage state. */
export interface FlowState {
  draft: BookingDraft;
  manage?: ManageState;
}

export function nluExpecting(expecting: Expecting | undefined): Slot | 'choice' | 'confirm' | undefined {
  if (expecting === 'appointment' || expecting === 'gender') return 'choice';
  if (expecting === 'cancelConfirm') return 'confirm';
  return expecting;
}
