// The conversational part: the dialogs (which record each accepted request) and the activity
// handler whose turn every message and every proactive message goes through.
import type { ConversationState } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import type { BookingService } from '../../services/booking';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { Metrics } from '../../services/metrics';
import { PendingRequests, type PendingAppointmentStore } from '../../services/notify';
import { AppointmentRequests } from '../appointment-requests';
import { BookingBot } from '../booking-bot';
import { ConversationLocks } from '../conversation-locks';

export function buildConversationBot(deps: {
  booking: BookingService; clock: Clock; logger: Logger; metrics: Metrics; conversationState: ConversationState;
  pendingStore: PendingAppointmentStore; reconcileAfterMs: number; logKey: string;
}): { bot: BookingBot; locks: ConversationLocks } {
  const { booking, clock, logger, metrics } = deps;
  // The dialogs only record requests; results are told through the bot's own turn (ProactiveTurns).
  const requests = new AppointmentRequests(new PendingRequests(deps.pendingStore, clock, { reconcileAfterMs: deps.reconcileAfterMs }));
  const dialog = new MainDialog({ booking, clock, logger, requests, funnel: metrics });
  const locks = new ConversationLocks();
  const bot = new BookingBot(deps.conversationState, dialog, locks, { key: deps.logKey, logger: logger.child({ part: 'turn' }), metrics });
  return { bot, locks };
}
