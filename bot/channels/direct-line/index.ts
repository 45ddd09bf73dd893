// The local Direct Line channel and the Web Chat page (issue 8): registered on the bot's server.
// Web Chat talks Direct Line 3.0 to this server; the channel hands activities to the bot over
// /api/messages and takes the bot's replies on its connector routes, like Azure Bot Service.
import type { ChannelRoutes } from '../../runtime';
import { practiceNameOf } from '../../webchat/webchat-page';
import { registerWebChatRoutes } from '../../webchat/webchat-routes';
import { registerConnectorRoutes } from './connector-routes';
import { API_PATH, defaultDirectLineLimits, registerDirectLineRoutes } from './direct-line-routes';
import { LocalDirectLine } from './local-direct-line';
import { StreamServer } from './stream-server';

/** How often idle conversations are looked for (they are dropped after the store's idle limit). */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export const directLineChannel: ChannelRoutes = (server, runtime) => {
  const directLine = new LocalDirectLine(runtime);
  // Floods are measured in wall-clock time, whatever the booking clock says.
  registerDirectLineRoutes(server, directLine, defaultDirectLineLimits(Date.now));
  registerConnectorRoutes(server, directLine);
  registerWebChatRoutes(server, { practiceName: practiceNameOf(runtime.config.nexhealth.subdomain), directLinePath: API_PATH }, runtime.config.webchat.frameAncestors);
  const streams = new StreamServer(server.server, directLine);
  const sweeper = setInterval(() => directLine.store.sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();
  if (runtime.config.bot.appId) {
    runtime.logger.warn('direct line: the local Web Chat page sends unauthenticated activities; with an app id the bot refuses them (use Azure Direct Line instead)');
  }
  return {
    async close() {
      clearInterval(sweeper);
      await streams.close();
      directLine.store.clear();
    },
  };
};

