// The shared base of every flow: before the active step sees a message, help, quit and start over
// are handled here, at any step. The outermost interruptible dialog on the stack answers them.
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { emptyConversationData } from './conversation-data';
import type { DialogServices } from './dialog-services';
import { helpText, messages } from './messages';
import { understandTurn } from './turn-understanding';

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(dialogId: string, protected readonly services: DialogServices) {
    super(dialogId);
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** Begins the flow again from nothing ("start over"). */
  protected abstract restart(innerDc: DialogContext): Promise<DialogTurnResult>;

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    if (!context.activity.text?.trim()) return undefined;
    const data = await this.services.conversationData.get(context, emptyConversationData());
    const understanding = await understandTurn(context, this.services, data.expecting);
    switch (understanding.intent) {
      case 'help':
        await context.sendActivity(helpText(data.expecting));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'quit':
      case 'cancel':
        // Inside a flow, "cancel" means stop this, as a front desk would take it.
        if (understanding.intent === 'cancel' && hasFacts(understanding)) return undefined;
        await this.services.conversationData.set(context, emptyConversationData());
        await context.sendActivity(messages.stopped);
        return innerDc.cancelAllDialogs(true);
      case 'restart':
        await this.services.conversationData.set(context, emptyConversationData());
        await context.sendActivity(messages.restarting);
        await innerDc.cancelAllDialogs();
        return this.restart(innerDc);
      default:
        return undefined;
    }
  }
}

function hasFacts(understanding: object): boolean {
  return Object.entries(understanding).some(([key, value]) => key !== 'intent' && value !== undefined);
}
