// The one apology for a failed turn, on every adapter: the state of the failed turn is not saved,
// so the patient can just answer again. NexHealth being away is said as such.
import type { TurnContext } from 'botbuilder';
import { DialogContextError } from 'botbuilder-dialogs';
import { turnCatalogue } from '../services/copy';
import type { Logger } from '../services/logger';
import { isNexHealthError } from '../services/nexhealth';
import { describeError } from './adapter';

export function apologiseForFailedTurns(logger: Logger): (context: TurnContext, thrown: unknown) => Promise<void> {
  return async (context, thrown) => {
    // Dialogs wrap what a step threw; the cause decides what the patient is told.
    const error = thrown instanceof DialogContextError ? thrown.error : thrown;
    // Only the error's kind and name: a message could, in theory, quote what a patient typed.
    const kind = isNexHealthError(error) ? error.kind : undefined;
    logger.error({ err: describeError(error), kind, channel: context.activity.channelId }, 'turn failed');
    const messages = turnCatalogue(context.turnState);
    try {
      await context.sendActivity(kind === 'unavailable' || kind === 'rate_limited' ? messages.serviceDown : messages.error);
    } catch (sendError) {
      logger.error({ err: describeError(sendError) }, 'could not apologise to the channel');
    }
  };
}
