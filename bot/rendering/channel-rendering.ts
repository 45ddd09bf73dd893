// Per-channel rendering, once, as adapter middleware: every outgoing activity that carries a
// channel-neutral message (dialogs' questions, the menu) is rendered for the turn's channel.
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { OUTGOING_MESSAGE, type OutgoingMessage } from '../../services/copy';
import { ReplyRenderer } from './reply-renderer';

export class ChannelRendering implements Middleware {
  private readonly renderer = new ReplyRenderer();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (turn, activities, send) => {
      activities.forEach((activity, index) => { activities[index] = this.rendered(turn.activity, activity); });
      return send();
    });
    await next();
  }

  private rendered(incoming: Partial<Activity>, outgoing: Partial<Activity>): Partial<Activity> {
    const message = outgoingMessage(outgoing);
    if (!message) return outgoing;
    // The reply keeps its addressing (conversation, replyTo, ids); only what it shows is the channel's.
    const addressed: Partial<Activity> = { ...outgoing, channelData: undefined, suggestedActions: undefined, attachments: undefined };
    return { ...addressed, ...this.renderer.render({ channelId: incoming.channelId ?? outgoing.channelId ?? '' }, message) };
  }
}

function outgoingMessage(activity: Partial<Activity>): OutgoingMessage | undefined {
  const data = activity.channelData as Partial<Record<typeof OUTGOING_MESSAGE, OutgoingMessage>> | undefined;
  return data?.[OUTGOING_MESSAGE];
}
