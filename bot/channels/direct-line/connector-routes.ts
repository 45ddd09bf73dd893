// The Bot Connector API the bot calls back on (its `serviceUrl`): replies, proactive messages,
// updates and deletes, kept for Web Chat. With no app id the bot sends no credentials, as with the
// Emulator; conversation ids are random, so only the bot that received one can post into it.
import type { Activity } from 'botbuilder';
import type { Response, Server } from 'restify';
import { SERVICE_PATH, type LocalDirectLine } from './local-direct-line';
import { isActivity, paramOf } from './request-parts';

export function registerConnectorRoutes(server: Server, directLine: LocalDirectLine): void {
  const activities = `${SERVICE_PATH}/v3/conversations/:conversationId/activities`;

  // Proactive messages: no activity to reply to.
  server.post(activities, async (req, res) => {
    const body: unknown = req.body;
    if (!isActivity(body)) return badRequest(res);
    answer(res, directLine.fromBot(paramOf(req, 'conversationId'), body));
  });

  server.post(`${activities}/:activityId`, async (req, res) => {
    const body: unknown = req.body;
    if (!isActivity(body)) return badRequest(res);
    answer(res, directLine.fromBot(paramOf(req, 'conversationId'), body, paramOf(req, 'activityId')));
  });

  server.put(`${activities}/:activityId`, async (req, res) => {
    const body: unknown = req.body;
    if (!isActivity(body)) return badRequest(res);
    answer(res, directLine.updateFromBot(paramOf(req, 'conversationId'), paramOf(req, 'activityId'), body));
  });

  server.del(`${activities}/:activityId`, async (req, res) => {
    const removed = directLine.store.remove(paramOf(req, 'conversationId'), paramOf(req, 'activityId'));
    if (removed) res.send(200, {});
    else notFound(res);
  });
}

function answer(res: Response, stored: Activity | undefined): void {
  if (stored) res.send(200, { id: stored.id });
  else notFound(res);
}

function badRequest(res: Response): void {
  res.send(400, { error: { code: 'BadArgument', message: 'An activity with a type is required.' } });
}

function notFound(res: Response): void {
  res.send(404, { error: { code: 'ConversationNotFound', message: 'No such conversation or activity.' } });
}
