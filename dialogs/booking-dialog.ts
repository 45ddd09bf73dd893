// The booking flow: a loop that takes what is known, decides the next missing piece (services/booking
// nextStep) and runs the one dialog that asks for it, until the request is sent.
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { nextStep } from '../services/booking';
import type { Understanding } from '../services/nlu';
import { AppointmentTypeDialog, APPOINTMENT_TYPE_DIALOG } from './appointment-type-dialog';
import { ChooseTimeDialog, CHOOSE_TIME_DIALOG, type ChooseTimeOptions } from './choose-time-dialog';
import { ConfirmDialog, CONFIRM_DIALOG } from './confirm-dialog';
import { emptyConversationData } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { conversationData, rememberFacts } from './dialog-steps';
import { afterIdentityMiss, IdentityDialog, IDENTITY_DIALOG, type IdentityOptions } from './identity-dialog';
import { GenderDialog, GENDER_DIALOG } from './gender-dialog';
import { InterruptibleDialog } from './interruptible-dialog';
import { LocationDialog, LOCATION_DIALOG } from './location-dialog';
import { messages } from './messages';

export const BOOKING_DIALOG = 'bookingDialog';
const LOOP = 'bookingLoop';

export interface BookingOptions {
  /** The message that started the booking, so everything it said is kept. */
  understanding?: Understanding;
  /** Said before the next question (e.g. "that time was just taken"). */
  lead?: string;
}

/** How a child ended: `stop` ends the flow; `lead` is passed to the next question. */
interface ChildResult {
  stop?: boolean;
  outcome?: string;
  lead?: string;
}

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

  private async decideStep(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    const { context } = step;
    if (step.options.understanding) await rememberFacts(context, this.services, step.options.understanding);
    const data = await conversationData(context, this.services);
    const locations = await this.services.booking.locations();
    if (data.draft.locationId === undefined && locations.length === 1) {
      await rememberFacts(context, this.services, { intent: 'other', locationId: locations[0].id });
    }
    const { draft } = data;
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
        data.draft = {
          ...draft,
          patientId: await this.services.booking.registerPatient(draft.locationId ?? 0, {
            firstName: draft.firstName ?? '', lastName: draft.lastName ?? '', dateOfBirth: draft.dateOfBirth ?? '', phone: draft.phone ?? '', email: draft.email ?? '', gender: draft.gender ?? 'Other',
          }, draft.providerId),
          newPatient: undefined,
        };
        this.services.funnel?.funnel('identity_verified');
        return step.replaceDialog(LOOP, { lead: step.options.lead });
      case 'appointmentType':
        return step.beginDialog(APPOINTMENT_TYPE_DIALOG, {});
      case 'when':
      case 'offerTimes':
        return step.beginDialog(CHOOSE_TIME_DIALOG, { lead: step.options.lead, retry: step.options.lead === messages.notBooked ? 'choice' : undefined } satisfies ChooseTimeOptions);
      case 'confirm':
        return step.beginDialog(CONFIRM_DIALOG, {});
    }
  }

  private async loopStep(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    const result = (step.result ?? {}) as ChildResult;
    if (result.stop || result.outcome === 'booked') {
      await this.services.conversationData.set(step.context, emptyConversationData());
      return step.endDialog();
    }
    return step.replaceDialog(LOOP, { lead: result.lead } satisfies BookingOptions);
  }

  /** Looks the patient up: one record goes on, none makes a new patient, a mismatch asks again (three tries). */
  private async identify(step: WaterfallStepContext<BookingOptions>): Promise<DialogTurnResult> {
    const data = await conversationData(step.context, this.services);
    const { draft } = data;
    const match = await this.services.booking.identifyPatient(draft.locationId ?? 0, {
      firstName: draft.firstName ?? '', lastName: draft.lastName ?? '', dateOfBirth: draft.dateOfBirth ?? '', phone: draft.phone, email: draft.email,
    });
    if (match.kind === 'found') {
      this.services.funnel?.funnel('identity_verified');
      data.draft = { ...draft, patientId: match.patientId, identityAttempts: 0 };
      return step.replaceDialog(LOOP, { lead: step.options.lead });
    }
    if (match.kind === 'none') {
      await step.context.sendActivity(messages.noMatchNewPatient);
      data.draft = { ...draft, newPatient: true };
      return step.replaceDialog(LOOP, { lead: step.options.lead });
    }
    return afterIdentityMiss(step, this.services, draft.identityAttempts ?? 0, (attempts) => { data.draft.identityAttempts = attempts; }, async () => {
      await step.context.sendActivity(messages.tooManyAttempts);
      this.services.funnel?.funnel('abandoned');
      await this.services.conversationData.set(step.context, emptyConversationData());
      return step.endDialog();
    });
  }
}
