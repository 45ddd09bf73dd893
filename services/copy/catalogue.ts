// What every catalogue says, one member per message: a language's catalogue is one file of this
// type (see en.ts), and the type-check fails if it leaves a message out.
import type { Slot } from '../nlu';

/** The languages the bot speaks; a conversation's is kept in its state (default 'en'). */
export type Language = 'en';
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * What the bot just asked: tells `understand` how to read a bare answer and help what the bot is
 * waiting for. 'appointment' and 'cancelConfirm' are the manage flows' own questions, read as a
 * choice and a yes/no; 'gender' (a new patient's record) is read as a choice.
 */
export type Expecting = Slot | 'choice' | 'confirm' | 'appointment' | 'cancelConfirm' | 'gender';

export interface Catalogue {
  greeting: string;
  menu: string;
  menuChoices: readonly string[];
  stopped: string;
  restarting: string;
  onlyText: string;
  tooLong: string;
  slowDown: string;
  error: string;
  serviceDown: string;

  askLocation: string;
  retryLocation: string;
  askName: string;
  retryName: string;
  askDateOfBirth: string;
  retryDateOfBirth: string;
  askContact: string;
  retryContact: string;
  noMatchNewPatient: string;
  askPhoneForNew: string;
  askEmailForNew: string;
  askGender: string;
  retryGender: string;
  couldNotMatch: string;
  tooManyAttempts: string;

  askAppointmentType: string;
  retryAppointmentType: string;
  askWhen: string;
  whenHint: string;
  retryWhen: string;
  pastWhen: string;
  timesFound: string;
  nothingInWindow: string;
  noTimesAtAll: string;
  otherTimes: string;
  noMoreTimes: string;
  retryChoice: string;
  askConfirm: (summary: string) => string;
  retryConfirm: string;
  notBooked: string;
  requestSent: string;
  booked: (summary: string) => string;
  // insert_appt_client false: NexHealth never writes it into the office's system, so no confirmation will come from it.
  requestSentOfficeConfirms: string;
  requestSentOfficeConfirmsReplacing: (oldWhen: string) => string;
  syncOffline: string;
  officeCancelled: (type: string, when: string) => string;
  officeMoved: (type: string, when: string, newWhen: string) => string;
  officeRefused: string;
  // Not "nothing was booked": the request may have gone through; answering yes again is safe.
  bookingUnsure: string;
  alreadyMoving: (when: string) => string;
  slotTaken: string;
  requestSentReplacing: (oldWhen: string) => string;
  rescheduled: (summary: string, oldWhen: string) => string;
  rescheduleRefused: (oldWhen: string) => string;

  identityFirst: string;
  upcoming: string;
  noUpcoming: string;
  pickToCancel: string;
  pickToMove: string;
  retryPick: string;
  askCancel: (summary: string) => string;
  cancelled: (type: string, when: string) => string;
  keptAppointment: string;
  findNewTime: (type: string, when: string) => string;
  yes: string;
  no: string;
  nothingCancelledYet: string;
  /** "Right now I'm waiting for …", per question. */
  waitingFor: Record<Expecting, string>;
  /** What the bot can do, and what it is waiting for right now (if anything). */
  help: (expecting?: Expecting) => string;
}
