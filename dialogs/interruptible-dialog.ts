// The shared base of every flow: before the active step sees a message, help, quit and start over
// are handled here, at any step. The outermost interruptible dialog on the stack answers them.
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { FlowState } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { expectingOf, holdFlow, say } from './dialog-steps';
import type { Understanding } from '../services/nlu';
import { understandTurn } from './turn-understanding';

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(dialogId: string, protected readonly services: DialogServices) {
    super(dialogId);
  }

  /** A flow's data starts with its dialog, in its instance state; undefined: this dialog keeps none (the router). */
  protected initialFlow(_options: object | undefined): FlowState | undefined {
    return undefined;
  }

  override async beginDialog(outerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const flow = this.initialFlow(options);
    if (flow) holdFlow(outerDc, flow);
    return super.beginDialog(outerDc, options);
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** Begins the flow again from nothing ("start over"); `flowId` is the dialog that was active. */
  protected abstract restart(innerDc: DialogContext, flowId?: string): Promise<DialogTurnResult>;

  /** "Book", "my appointments" or "reschedule" in the middle of another flow: the router may start that flow instead. */
  protected async switchFlow(_innerDc: DialogContext, _understanding: Understanding): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const messages = say(innerDc);
    const { context } = innerDc;
    if (!context.activity.text?.trim()) return undefined;
    const expecting = expectingOf(innerDc);
    const understanding = await understandTurn(innerDc, this.services, expecting);
    switch (understanding.intent) {
      case 'help':
        await context.sendActivity(messages.help(expecting));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'quit':
      case 'cancel':
        // Inside a flow, "cancel" means stop this, as a front desk would take it.
        if (understanding.intent === 'cancel' && hasFacts(understanding)) return undefined;
        await context.sendActivity(messages.stopped);
        this.services.funnel?.funnel('abandoned');
        return innerDc.cancelAllDialogs(true);
      case 'restart': {
        const flowId = innerDc.activeDialog?.id;
        await context.sendActivity(messages.restarting);
        await innerDc.cancelAllDialogs();
        return this.restart(innerDc, flowId);
      }
      case 'book':
      case 'list':
      case 'reschedule':
        // With values ("move it to Thursday" at a confirmation) it is the active step's answer.
        return hasFacts(understanding) ? undefined : this.switchFlow(innerDc, understanding);
      default:
        return undefined;
    }
  }
}

function hasFacts(understanding: object): boolean {
  return Object.entries(understanding).some(([key, value]) => key !== 'intent' && value !== undefined);
}
