// The Bot Connector API the bot calls back on (its `serviceUrl`): replies, proactive messages,
// updates and deletes, kept for Web Chat. Only this bot may call it: its calls carry the local
// channel's key (bot/adapter.ts signs them). Anyone else is refused the same way whatever the id,
// so the routes tell nothing about which conversations exist.
import type { Activity } from 'botbuilder';
import type { Next, Request, Response, Server } from 'restify';
import { readBody } from '../../http/read-body';
import { SERVICE_PATH, type LocalDirectLine } from './local-direct-line';
import { isActivity, paramOf } from './request-parts';

/** What the bot sends is a message with cards at most. */
const MAX_BOT_ACTIVITY_BYTES = 256 * 1024;

export function registerConnectorRoutes(server: Server, directLine: LocalDirectLine): void {
  const activities = `${SERVICE_PATH}/v3/conversations/:conversationId/activities`;
  const onlyThisBot = (req: Request, res: Response, next: Next) => {
    if (directLine.fromThisBot(req.headers)) return next();
    res.send(401, { error: { code: 'Unauthorized', message: 'Not allowed.' } });
    return next(false);
  };
  const body = readBody({ kind: 'json', maxBytes: MAX_BOT_ACTIVITY_BYTES });

  // Proactive messages: no activity to reply to.
  server.post(activities, onlyThisBot, body, async (req, res) => {
    const sent: unknown = req.body;
    if (!isActivity(sent)) return badRequest(res);
    answer(res, directLine.fromBot(paramOf(req, 'conversationId'), sent));
  });

  server.post(`${activities}/:activityId`, onlyThisBot, body, async (req, res) => {
    const sent: unknown = req.body;
    if (!isActivity(sent)) return badRequest(res);
    answer(res, directLine.fromBot(paramOf(req, 'conversationId'), sent, paramOf(req, 'activityId')));
  });

  server.put(`${activities}/:activityId`, onlyThisBot, body, async (req, res) => {
    const sent: unknown = req.body;
    if (!isActivity(sent)) return badRequest(res);
    answer(res, directLine.updateFromBot(paramOf(req, 'conversationId'), paramOf(req, 'activityId'), sent));
  });

  server.del(`${activities}/:activityId`, onlyThisBot, async (req, res) => {
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
