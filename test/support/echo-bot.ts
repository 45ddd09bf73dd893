// The floor for bench/load.bench.ts: the smallest botbuilder bot on the same adapter and server as
// ours (CloudAdapter on restify, no app id), echoing each message. Lives under test/ because only
// bot/, dialogs/ and test/ may import botbuilder.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import pino from 'pino';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
// Silent like the bot's (restify 11 takes pino; its types still describe bunyan's).
const server = restify.createServer({ log: pino({ level: 'silent' }) as unknown as restify.ServerOptions['log'] });
server.use(restify.plugins.bodyParser());
server.get('/healthz', (_request, response, next) => {
  response.send(200, { ok: true });
  next();
});
server.post('/api/messages', async (request, response) => {
  await adapter.process(request, response, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
});
server.listen(Number(process.env.PORT ?? 3978), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
});
