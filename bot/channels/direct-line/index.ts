// The local Direct Line channel and the Web Chat page (issue 8): registered on the bot's server.
import type { ChannelRoutes } from '../../runtime';

export const directLineChannel: ChannelRoutes = () => undefined;
