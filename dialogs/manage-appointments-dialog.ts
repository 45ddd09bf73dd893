// The patient's own appointments: list, cancel, or reschedule one. Identity first (name, birth
// date AND a matching phone or email); only then is anything about an appointment shown. One class,
// one dialog id per action, so "start over" restarts the same flow.
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { draftIdentity, identityStep, pickAppointment, type BookingDraft, type PreferenceWindows, type UpcomingAppointment } from '../services/booking';
import type { Catalogue } from '../services/copy';
import type { Understanding } from '../services/nlu';
import { BookingDialog, BOOKING_DIALOG, type BookingOptions } from './booking-dialog';
import { CancelAppointmentDialog, CANCEL_APPOINTMENT_DIALOG, type CancelAppointmentResult } from './cancel-appointment-dialog';
import type { FlowState } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { afterIdentityMiss, IdentityDialog, IDENTITY_DIALOG, type IdentityOptions } from './identity-dialog';
import { InterruptibleDialog } from './interruptible-dialog';
import { PickAppointmentDialog, PICK_APPOINTMENT_DIALOG, type PickAppointmentOptions } from './pick-appointment-dialog';

export type ManageAction = 'list' | 'cancel' | 'reschedule';

export const MANAGE_DIALOGS: Record<ManageAction, string> = {
  list: 'listAppointmentsDialog',
  cancel: 'cancelAppointmentDialog',
  reschedule: 'rescheduleAppointmentDialog',
};

export interface ManageOptions {
  /** The message that started the flow: its name, birth date, contact and day are kept. */
  understanding?: Understanding;
}

const LOOP = 'manageLoop';

export class ManageAppointmentsDialog extends InterruptibleDialog {
  constructor(services: DialogServices, private readonly action: ManageAction) {
    super(MANAGE_DIALOGS[action], services);
    this.addDialog(new IdentityDialog(services));
    this.addDialog(new PickAppointmentDialog(services));
    this.addDialog(new CancelAppointmentDialog(services));
    if (action === 'reschedule') this.addDialog(new BookingDialog(services));
    this.addDialog(new WaterfallDialog(LOOP, [this.decideStep.bind(this), this.loopStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.beginDialog(LOOP, {});
  }

  protected override initialFlow(): FlowState {
    return { draft: {}, manage: {} };
  }

  private async decideStep(step: WaterfallStepContext<ManageOptions>): Promise<DialogTurnResult> {
    const messages = say(step);
    const first = step.options.understanding;
    if (first) {
      await step.context.sendActivity(messages.identityFirst);
      await rememberFacts(step, this.services, first);
      flowState(step).manage = first.when && first.when.windows.length > 0 ? { when: { windows: first.when.windows, asap: first.when.asap } } : {};
    }
    const flow = flowState(step);
    const manage = flow.manage ?? {};
    if (manage.patientId === undefined) {
      const question = identityStep(flow.draft);
      if (question === 'identify') return this.identify(step);
      return step.beginDialog(IDENTITY_DIALOG, { question } satisfies IdentityOptions);
    }
    const appointments = manage.appointments ?? [];
    if (appointments.length === 0) return this.finish(step, messages.noUpcoming);
    if (this.action === 'list') return this.finish(step, listText(messages, appointments));
    const chosen = appointments.find((appointment) => appointment.id === manage.chosenId) ?? this.evident(appointments, manage.when);
    if (!chosen) {
      const question = this.action === 'cancel' ? messages.pickToCancel : messages.pickToMove;
      return step.beginDialog(PICK_APPOINTMENT_DIALOG, { question } satisfies PickAppointmentOptions);
    }
    flow.manage = { ...manage, chosenId: chosen.id };
    if (this.action === 'cancel') return step.beginDialog(CANCEL_APPOINTMENT_DIALOG, {});
    return this.reschedule(step, chosen, manage.when);
  }

  private async loopStep(step: WaterfallStepContext<ManageOptions>): Promise<DialogTurnResult> {
    if ((step.result as CancelAppointmentResult | undefined)?.done) return this.finish(step);
    return step.replaceDialog(LOOP, {});
  }

  /** The one appointment the flow obviously means: the only one, or the one on the day the patient named ("I can't make it Tuesday"). */
  private evident(appointments: UpcomingAppointment[], when: ManageStateWhen): UpcomingAppointment | undefined {
    if (appointments.length === 1) return appointments[0];
    // For a reschedule the day named is the new time, not the old one.
    if (this.action === 'cancel' && when) return pickAppointment(appointments, { when });
    return undefined;
  }

  /** Name, birth date and a matching phone or email: one record goes on; anything else is "couldn't match" (three tries). */
  private async identify(step: WaterfallStepContext<ManageOptions>): Promise<DialogTurnResult> {
    const messages = say(step);
    const flow = flowState(step);
    const match = await this.services.booking.patients.identifyForAppointments(draftIdentity(flow.draft));
    const manage = flow.manage ?? {};
    if (match.kind === 'found') {
      const appointments = await this.services.booking.appointments.upcomingEverywhere(match.patientId);
      // The identity answers are not needed any more: only the record's id is kept.
      flow.draft = {};
      flow.manage = { ...manage, patientId: match.patientId, identityAttempts: 0, appointments };
      return step.replaceDialog(LOOP, {});
    }
    return afterIdentityMiss(step, manage.identityAttempts ?? 0,
      (attempts) => { flow.manage = { ...manage, identityAttempts: attempts }; },
      () => this.finish(step, messages.tooManyAttempts));
  }

  /** Runs the booking flow for the same patient, place and kind of visit; the old appointment is cancelled only once the new one is confirmed. */
  private async reschedule(step: WaterfallStepContext<ManageOptions>, old: UpcomingAppointment, when: ManageStateWhen): Promise<DialogTurnResult> {
    const messages = say(step);
    // A second move of the same appointment while the first waits would leave two new ones.
    if (await this.services.requests.replacementPending(old.id)) return this.finish(step, messages.alreadyMoving(old.when));
    const draft: BookingDraft = {
      locationId: old.locationId,
      patientId: flowState(step).manage?.patientId,
      appointmentTypeId: old.appointmentTypeId,
      providerId: old.providerId,
      ...(when ? { when } : {}),
      replaces: { appointmentId: old.id, summary: old.summary, when: old.when },
    };
    await step.context.sendActivity(messages.findNewTime(old.type, old.when));
    // Booking takes this flow's place (with the draft as its own): when it ends, so does the reschedule.
    return step.replaceDialog(BOOKING_DIALOG, { draft } satisfies BookingOptions);
  }

  private async finish(step: WaterfallStepContext, text?: string): Promise<DialogTurnResult> {
    if (text) await step.context.sendActivity(text);
    return step.endDialog();
  }
}

type ManageStateWhen = PreferenceWindows | undefined;

function listText(messages: Catalogue, appointments: UpcomingAppointment[]): string {
  return [messages.upcoming, ...appointments.map((appointment, index) => `${index + 1}) ${appointment.summary}`)].join('\n');
}
