// Hands the user's activities to the bot exactly as Azure's Direct Line does: an HTTP POST to the
// bot's /api/messages. One turn at a time per conversation, so answers keep the order of questions.
import type { Activity } from 'botbuilder';
import type { Logger } from '../../../services/logger';
import type { DirectLineConversation } from './conversation-store';

export type DeliveryResult = { ok: true } | { ok: false; status?: number };

const BOT_TIMEOUT_MS = 30_000;

export class BotDelivery {
  /** `signature` proves to /api/messages that the activity comes from this channel. */
  constructor(private readonly messagesUrl: () => string, private readonly signature: { header: string; key: string }, private readonly logger: Logger) {}

  /** Queues the activity behind the conversation's earlier turns; resolves when the bot answered. */
  deliver(conversation: DirectLineConversation, activity: Partial<Activity>): Promise<DeliveryResult> {
    const result = conversation.turns.then(() => this.post(activity));
    conversation.turns = result.then(() => undefined);
    return result;
  }

  private async post(activity: Partial<Activity>): Promise<DeliveryResult> {
    try {
      const response = await fetch(this.messagesUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [this.signature.header]: this.signature.key },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(BOT_TIMEOUT_MS),
      });
      // The bot's answer body (if any) is not needed: its replies come back to the connector routes.
      await response.arrayBuffer();
      if (response.ok) return { ok: true };
      this.logger.warn({ status: response.status, type: activity.type }, 'direct line: bot refused an activity');
      return { ok: false, status: response.status };
    } catch (error) {
      this.logger.warn({ err: { name: error instanceof Error ? error.name : typeof error }, type: activity.type }, 'direct line: bot unreachable');
      return { ok: false };
    }
  }
}
