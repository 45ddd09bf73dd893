// The bot's HTTP server (restify 11): the Bot Framework messages endpoint and a health check.
// Channels and the webhook route register their own routes on it (bot/app.ts).
import restify, { type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';

export interface ServerOptions {
  /**
   * Without Bot Framework credentials nothing authenticates /api/messages, so only this machine
   * (the Emulator, the local Direct Line, a tunnel's local end) may post to it: otherwise anyone
   * could continue someone else's conversation and send its replies to a serviceUrl of theirs.
   */
  loopbackOnly: boolean;
}

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

export function createServer(adapter: CloudAdapter, bot: ActivityHandler, options: ServerOptions): Server {
  const server = restify.createServer({ name: 'booking-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    if (options.loopbackOnly && !isLoopback(req.socket.remoteAddress)) {
      res.send(401, { error: 'set MicrosoftAppId and MicrosoftAppPassword to accept messages from other hosts' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { ok: true });
    next();
  });
  return server;
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
