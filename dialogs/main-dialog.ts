// The router: reads what the patient wants and starts that flow. Help, quit and start over are
// answered by the shared base at any step of any flow.
import { DialogSet, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogState, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { BookingDraft } from '../services/booking';
import type { Understanding } from '../services/nlu';
import { BookingDialog, BOOKING_DIALOG, type BookingOptions } from './booking-dialog';
import type { DialogServices } from './dialog-services';
import { flowState, neutralActivity, say } from './dialog-steps';
import { InterruptibleDialog } from './interruptible-dialog';
import { ManageAppointmentsDialog, MANAGE_DIALOGS, type ManageAction, type ManageOptions } from './manage-appointments-dialog';
import { understandTurn } from './turn-understanding';

export const MAIN_DIALOG = 'mainDialog';

interface RouteOptions {
  /** Go straight back into booking with the refused request's draft (after a refused request). */
  resume?: { lead: string; draft: BookingDraft };
}
const ROUTE = 'route';

export class MainDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(MAIN_DIALOG, services);
    this.addDialog(new BookingDialog(services));
    for (const action of MANAGE_ACTIONS) this.addDialog(new ManageAppointmentsDialog(services, action));
    // One step: when the flow it starts ends, the waterfall (and the turn's routing) ends too.
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /** Continues the active flow, or starts routing a new one. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  /**
   * After the office refused a requested time (a proactive turn): forgets whatever flow was open,
   * takes the refused request's draft and offers other times in the same message.
   */
  async offerOtherTimes(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>, draft: BookingDraft, lead: string): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    await dialogContext.cancelAllDialogs();
    await dialogContext.beginDialog(this.id, { resume: { lead, draft } } satisfies RouteOptions);
  }

  protected async restart(innerDc: DialogContext, flowId?: string): Promise<DialogTurnResult> {
    const manage = MANAGE_ACTIONS.find((action) => MANAGE_DIALOGS[action] === flowId);
    if (manage) return innerDc.beginDialog(MANAGE_DIALOGS[manage], {} satisfies ManageOptions);
    return innerDc.beginDialog(BOOKING_DIALOG, {} satisfies BookingOptions);
  }

  protected override async switchFlow(innerDc: DialogContext, understanding: Understanding): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    const action = manageAction(understanding);
    const inManageFlow = MANAGE_ACTIONS.some((candidate) => MANAGE_DIALOGS[candidate] === active);
    // "Book" while listing or cancelling starts booking; inside a booking (a reschedule's too) it is the step's.
    const startsBooking = understanding.intent === 'book' && inManageFlow && flowState(innerDc).draft.replaces === undefined;
    if (!startsBooking && (!action || active === MANAGE_DIALOGS[action])) return undefined;
    // What the other flow collected ends with it: identity is asked for again where needed.
    await innerDc.cancelAllDialogs();
    if (!action) return innerDc.beginDialog(BOOKING_DIALOG, { understanding } satisfies BookingOptions);
    return innerDc.beginDialog(MANAGE_DIALOGS[action], { understanding } satisfies ManageOptions);
  }

  private async routeStep(step: WaterfallStepContext<RouteOptions>): Promise<DialogTurnResult> {
    const messages = say(step);
    const resume = step.options?.resume;
    if (resume) return step.beginDialog(BOOKING_DIALOG, { lead: resume.lead, draft: resume.draft } satisfies BookingOptions);
    const understanding = await understandTurn(step, this.services);
    // Before booking facts: "I can't make it Tuesday" names a day but is about an existing appointment.
    const action = manageAction(understanding);
    if (action) return step.beginDialog(MANAGE_DIALOGS[action], { understanding } satisfies ManageOptions);
    if (understanding.intent === 'book' || carriesBookingFacts(understanding)) {
      return step.beginDialog(BOOKING_DIALOG, { understanding } satisfies BookingOptions);
    }
    if (understanding.intent === 'help') {
      await step.context.sendActivity(messages.help());
      return step.endDialog();
    }
    await step.context.sendActivity(neutralActivity({ kind: 'menu', text: messages.menu, choices: messages.menuChoices.map((label) => ({ label })) }));
    return step.endDialog();
  }

}

const MANAGE_ACTIONS: ManageAction[] = ['list', 'cancel', 'reschedule'];

function manageAction(understanding: Understanding): ManageAction | undefined {
  return MANAGE_ACTIONS.find((action) => action === understanding.intent);
}

/** "I'm Ana Diaz, cleaning next Tuesday" starts a booking even without the word "book". */
function carriesBookingFacts(understanding: Understanding): boolean {
  return understanding.appointmentTypeId !== undefined || (understanding.when?.windows.length ?? 0) > 0;
}
