// SMS through Twilio without Azure Bot Service (issue 8): registered on the bot's server when
// TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER are set.
import type { ConversationReference } from 'botbuilder';
import { ReplayRecords } from '../../../services/storage';
import { readBody } from '../../http/read-body';
import { ChannelRendering } from '../../rendering/channel-rendering';
import type { ChannelRoutes, ProactiveAdapter } from '../../runtime';
import { CarrierKeywords } from './carrier-keywords';
import { OptOutStore } from './opt-outs';
import { createTwilioClient } from './rest-client';
import { SMS_CHANNEL_ID, isTwilioSmsReference } from './sms-conversation';
import { TwilioSmsAdapter } from './twilio-sms-adapter';
import { apologiseForFailedTurns } from '../../turn-error';

export const TWILIO_SMS_PATH = '/api/twilio/sms';
/** Twilio's form for one SMS is a few hundred bytes; MMS adds media URLs. */
const MAX_FORM_BYTES = 64 * 1024;
/** A MessageSid is unique for good: a day is longer than any retry of Twilio's. */
const REPLAY_HORIZON_MS = 24 * 60 * 60_000;
export { TwilioSmsAdapter } from './twilio-sms-adapter';
export { smsConversationReference, TWILIO_SMS_SERVICE_URL } from './sms-conversation';

export const twilioSmsChannel: ChannelRoutes = (server, runtime) => {
  const config = runtime.config.twilio;
  if (!config) return undefined;
  const logger = runtime.logger.child({ part: 'twilio-sms' });
  const optOuts = new OptOutStore(runtime.storage, () => runtime.clock.now());
  const client = createTwilioClient(config);
  const replays = new ReplayRecords(runtime.storage, 'twilio-message', REPLAY_HORIZON_MS, () => runtime.clock.now().getTime());
  const adapter = new TwilioSmsAdapter({
    authToken: config.authToken,
    webhookUrl: `${runtime.config.publicUrl}${TWILIO_SMS_PATH}`,
    phoneNumber: config.phoneNumber,
    messages: client.messages,
    now: () => runtime.clock.now(),
    firstSighting: (messageSid) => replays.firstSighting(messageSid),
    onRecipientUnsubscribed: async (phoneNumber) => {
      logger.info('recipient unsubscribed with the carrier; recorded as opted out');
      await optOuts.optOut(phoneNumber);
    },
  });
  adapter.use(new CarrierKeywords(optOuts));
  adapter.use(new ChannelRendering());
  adapter.onTurnError = apologiseForFailedTurns(logger);

  server.post(TWILIO_SMS_PATH, readBody({ kind: 'form', maxBytes: MAX_FORM_BYTES }), async (req, res) => {
    await adapter.processWebhook(req, res, (context) => runtime.gate.admit(context, (admitted) => runtime.bot.run(admitted)));
  });

  // Azure Bot Service's Twilio channel also says 'sms': its references keep going where they went.
  const previous = runtime.proactive.for({ channelId: SMS_CHANNEL_ID });
  const proactive: ProactiveAdapter = {
    continueConversation: (reference: Partial<ConversationReference>, logic) =>
      (isTwilioSmsReference(reference) ? adapter : previous).continueConversation(reference, logic),
  };
  runtime.proactive.register(SMS_CHANNEL_ID, proactive);
  logger.info({ path: TWILIO_SMS_PATH }, 'SMS through Twilio is on');
  return { close: () => adapter.drain() };
};
