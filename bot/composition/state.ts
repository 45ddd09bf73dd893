// Every store the bot keeps state in, opened once: records (pending appointments, opt-outs,
// replay records), conversations (expiring, swept) and secrets; each with its sweep.
import type { Clock } from '../../services/clock';
import type { AppConfig } from '../../services/config';
import type { Logger } from '../../services/logger';
import { describeError } from '../adapter';
import { createStores, moveWebhookSecret, sweepExpiredRecords, type StateStores } from '../state-stores';
import { openConversationState } from './conversation-state';

export async function openState(config: AppConfig, options: { stores?: StateStores; sweepEveryMs?: number; clock: Clock; logger: Logger }) {
  const { clock, logger } = options;
  const stores = options.stores ?? createStores(config.storage);
  await moveWebhookSecret(stores);
  const recordsSweeper = sweepExpiredRecords(stores.records, () => clock.now().getTime(), (error) => logger.warn({ err: describeError(error) }, 'records sweep failed'));
  const conversation = openConversationState(stores.conversations, { idleMs: config.conversationIdleMs, sweepEveryMs: options.sweepEveryMs, clock, logger });
  return {
    stores,
    ...conversation,
    async stop() {
      await conversation.sweeper.stop();
      await recordsSweeper.stop();
    },
  };
}
