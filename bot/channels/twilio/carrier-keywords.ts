// Carrier rules as adapter middleware, ahead of the bot: STOP opts a number out (confirmed once),
// START brings it back, HELP answers, and nothing at all (replies or proactive messages) goes to
// a number that opted out.
import { ActivityTypes, type Activity, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { OptOutStore } from './opt-outs';
import { smsKeyword, smsReplies } from './sms-keywords';

export class CarrierKeywords implements Middleware {
  constructor(private readonly optOuts: OptOutStore) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities((_context, activities, send) => this.withoutOptedOut(activities, send));

    const activity = context.activity;
    if (activity.type !== String(ActivityTypes.Message)) return next();
    const patient = activity.from?.id ?? '';
    const keyword = smsKeyword(activity.text);
    const optedOut = await this.optOuts.isOptedOut(patient);

    if (keyword === 'stop') {
      if (optedOut) return;
      // Confirm first: once the opt-out is stored, this message would be held back too.
      await context.sendActivity(smsReplies.optedOut);
      await this.optOuts.optOut(patient);
      return;
    }
    if (keyword === 'start' && optedOut) {
      await this.optOuts.optIn(patient);
      await context.sendActivity(smsReplies.optedIn);
      return;
    }
    // START/YES from a subscribed number is an ordinary answer ("yes" confirms a booking).
    if (optedOut) return;
    if (keyword === 'help') {
      await context.sendActivity(smsReplies.help);
      return;
    }
    await next();
  }

  private async withoutOptedOut(activities: Partial<Activity>[], send: () => Promise<ResourceResponse[]>): Promise<ResourceResponse[]> {
    const kept: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (!(await this.optOuts.isOptedOut(activity.recipient?.id ?? ''))) kept.push(activity);
    }
    if (kept.length === activities.length) return send();
    // The array is the one the turn sends: trim it in place.
    activities.splice(0, activities.length, ...kept);
    return kept.length > 0 ? send() : [];
  }
}
