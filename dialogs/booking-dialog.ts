// The booking flow: a loop that takes what is known, decides the next missing piece (services/booking
// nextStep) and runs the one dialog that asks for it, until the request is sent.
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { draftIdentity, nextStep, type BookingDraft } from '../services/booking';
import type { Understanding } from '../services/nlu';
import { AppointmentTypeDialog, APPOINTMENT_TYPE_DIALOG } from './appointment-type-dialog';
import { ChooseTimeDialog, CHOOSE_TIME_DIALOG, type ChooseTimeOptions } from './choose-time-dialog';
import { ConfirmDialog, CONFIRM_DIALOG } from './confirm-dialog';
import type { FlowState } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { flowState, rememberFacts, say } from './dialog-steps';
import { afterIdentityMiss, IdentityDialog, IDENTITY_DIALOG, type IdentityOptions } from './identity-dialog';
import { GenderDialog, GENDER_DIALOG } from './gender-dialog';
import { InterruptibleDialog } from './interruptible-dialog';
import { LocationDialog, LOCATION_DIALOG } from './location-dialog';
import type { ConfirmResult } from './confirm-dialog';
import type { ChooseTimeResult } from './choose-time-dialog';

export const BOOKING_DIALOG = 'bookingDialog';
const LOOP = 'bookingLoop';

export interface BookingOptions {
  /** The message that started the booking, so everything it said is kept. */
  understanding?: Understanding;
  /** What is known already (a reschedule, a refused request): the flow starts from it. */
  draft?: BookingDraft;
  /** Said before the next question (e.g. "that time was just taken"). */
  lead?: string;
  /** Why the loop goes round again: a declined time shows the same offer again. */
  reason?: ConfirmResult['outcome'];
}

/** How a child ended: `stop` ends the flow; `lead` is passed to the next question. */
type ChildResult = Partial<ChooseTimeResult> & Partial<{ outcome: ConfirmResult['outcome']; lead: string }>;

export class BookingDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(BOOKING_DIALOG, services);
    this.addDialog(new LocationDialog(services));
    this.addDialog(new IdentityDialog(services));
    this.addDialog(new GenderDialog(services));
    this.addDialog(new AppointmentTypeDialog(services));
    this.addDialog(new ChooseTimeDialog(services));
    this.addDialog(new ConfirmDialog(services));
    this.addDialog(new WaterfallDialog(LOOP, [this.decideStep.bind(this), this.loopStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    return innerDc.beginDialog(LOOP, {});
  }

  override async beginDialog(outerDc: DialogContext, options?: BookingOptions): Promise<DialogTurnResult> {
    this.services.funnel?.funnel('booking_started');
    return super.beginDialog(outerDc, options);
  }

  protected override initialFlow(options: BookingOptions | undefined): FlowState {
    return { draft: { ...options?.draft } };
  }

  /** Goes round the loop again, keeping the lead-in and its reason for the next question. */
  private again(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    return step.replaceDialog(LOOP, { lead: step.options.lead, reason: step.options.reason } satisfies BookingOptions);
  }

  private async decideStep(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    if (step.options.understanding) await rememberFacts(step, this.services, step.options.understanding);
    const flow = flowState(step);
    const locations = await this.services.booking.schedule.locations();
    if (flow.draft.locationId === undefined && locations.length === 1) {
      await rememberFacts(step, this.services, { intent: 'other', locationId: locations[0].id });
    }
    const { draft } = flow;
    switch (nextStep(draft, { locationCount: locations.length })) {
      case 'location':
        return step.beginDialog(LOCATION_DIALOG, {});
      case 'name':
        return step.beginDialog(IDENTITY_DIALOG, { question: 'name' } satisfies IdentityOptions);
      case 'dateOfBirth':
        return step.beginDialog(IDENTITY_DIALOG, { question: 'dateOfBirth' } satisfies IdentityOptions);
      case 'contact':
        return step.beginDialog(IDENTITY_DIALOG, { question: 'contact' } satisfies IdentityOptions);
      case 'newPatientContact':
        return step.beginDialog(IDENTITY_DIALOG, { question: draft.phone ? 'newPatientEmail' : 'newPatientPhone' } satisfies IdentityOptions);
      case 'identify':
        return this.identify(step);
      case 'newPatientGender':
        return step.beginDialog(GENDER_DIALOG, {});
      case 'register':
        return this.register(step, flow);
      case 'appointmentType':
        return step.beginDialog(APPOINTMENT_TYPE_DIALOG, {});
      case 'when':
      case 'offerTimes':
        return step.beginDialog(CHOOSE_TIME_DIALOG, { lead: step.options.lead, retry: step.options.reason === 'declined' ? 'choice' : undefined } satisfies ChooseTimeOptions);
      case 'confirm':
        return step.beginDialog(CONFIRM_DIALOG, {});
    }
  }

  private async loopStep(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    const result = (step.result ?? {}) as ChildResult;
    // Ending the dialog ends its draft (identity included) with it.
    if (result.stop || result.outcome === 'booked') return step.endDialog();
    return step.replaceDialog(LOOP, { lead: result.lead, reason: result.outcome } satisfies BookingOptions);
  }

  /** A new patient with every detail: the record is made once, and the loop goes on with its id. */
  private async register(step: WaterfallStepContext<BookingOptions>, flow: FlowState): Promise<DialogTurnResult> {
    const { draft } = flow;
    const identity = { ...draftIdentity(draft), phone: draft.phone ?? '', email: draft.email ?? '', gender: draft.gender ?? 'Other' };
    flow.draft = { ...draft, patientId: await this.services.booking.patients.register(draft.locationId ?? 0, identity, draft.providerId), newPatient: undefined };
    this.services.funnel?.funnel('identity_verified');
    return this.again(step);
  }

  /** Looks the patient up: one record goes on, none makes a new patient, a mismatch asks again (three tries). */
  private async identify(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    const messages = say(step);
    const flow = flowState(step);
    const { draft } = flow;
    const match = await this.services.booking.patients.identify(draft.locationId ?? 0, draftIdentity(draft));
    if (match.kind === 'found') {
      this.services.funnel?.funnel('identity_verified');
      flow.draft = { ...draft, patientId: match.patientId, identityAttempts: 0 };
      return this.again(step);
    }
    if (match.kind === 'none') {
      await step.context.sendActivity(messages.noMatchNewPatient);
      flow.draft = { ...draft, newPatient: true };
      return this.again(step);
    }
    return afterIdentityMiss(step, draft.identityAttempts ?? 0, (attempts) => { flow.draft.identityAttempts = attempts; }, async () => {
      await step.context.sendActivity(messages.tooManyAttempts);
      this.services.funnel?.funnel('abandoned');
      return step.endDialog();
    });
  }
}
