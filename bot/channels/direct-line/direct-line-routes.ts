// Direct Line 3.0, the part Web Chat uses: tokens, start/reconnect, post and get activities.
// Every call but tokens/generate carries a token, and a token only opens its own conversation.
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { messages } from '../../../services/copy';
import type { DirectLineConversation } from './conversation-store';
import { bearerToken } from './direct-line-tokens';
import type { LocalDirectLine, TokenGrant } from './local-direct-line';
import { readBody } from '../../http/read-body';
import { KeyedRateLimiter, LIMITS, addressKey } from '../../http/rate-limiter';
import { isActivity, paramOf, queryOf } from './request-parts';

export const API_PATH = '/v3/directline';
/** Larger activities are refused: a patient's message is short, and memory is bounded. */
const MAX_ACTIVITY_BYTES = 32 * 1024;
/** Token and conversation calls carry nothing, or a user id. */
const smallBody = readBody({ kind: 'json', maxBytes: 4 * 1024, optional: true });

/** Conversations one address may open at once before the per-minute rate applies. */
export const TOKENS_PER_MINUTE = LIMITS.newConversations.burst;

export interface DirectLineLimits {
  newConversations: KeyedRateLimiter;
  postsPerConversation: KeyedRateLimiter;
  postsPerAddress: KeyedRateLimiter;
  slowDownNotices: KeyedRateLimiter;
}

export function defaultDirectLineLimits(now: () => number): DirectLineLimits {
  return {
    newConversations: new KeyedRateLimiter(LIMITS.newConversations, now),
    postsPerConversation: new KeyedRateLimiter(LIMITS.conversation, now),
    postsPerAddress: new KeyedRateLimiter(LIMITS.address, now),
    slowDownNotices: new KeyedRateLimiter(LIMITS.slowDownNotice, now),
  };
}

export function registerDirectLineRoutes(server: Server, directLine: LocalDirectLine, limits: DirectLineLimits): void {
  server.post(`${API_PATH}/tokens/generate`, smallBody, async (req, res) => {
    if (!limits.newConversations.allow(addressKey(req.socket.remoteAddress))) {
      res.send(429, directLineError('TooManyRequests', 'Too many new conversations from this address; try again in a minute.'));
      return;
    }
    const requested = userIdOf(req.body);
    res.send(200, directLine.openConversation(requested));
  });

  server.post(`${API_PATH}/tokens/refresh`, smallBody, async (req, res) => {
    const conversation = authorize(directLine, req, res);
    if (conversation) res.send(200, directLine.grant(conversation));
  });

  server.post(`${API_PATH}/conversations`, smallBody, async (req, res) => {
    const conversation = authorize(directLine, req, res);
    if (!conversation) return;
    const isNew = !conversation.started;
    directLine.start(conversation);
    const grant = directLine.grant(conversation);
    res.send(isNew ? 201 : 200, { ...grant, streamUrl: streamUrl(req.headers, grant, undefined, directLine) });
  });

  // Reconnect (Web Chat after a dropped socket, or a page reload resuming its conversation).
  server.get(`${API_PATH}/conversations/:conversationId`, async (req, res) => {
    const conversation = authorize(directLine, req, res, paramOf(req, 'conversationId'));
    if (!conversation) return;
    directLine.start(conversation);
    const grant = directLine.grant(conversation);
    res.send(200, { ...grant, streamUrl: streamUrl(req.headers, grant, queryOf(req, 'watermark'), directLine) });
  });

  server.post(`${API_PATH}/conversations/:conversationId/activities`, readBody({ kind: 'json', maxBytes: MAX_ACTIVITY_BYTES }), async (req, res) => {
    const conversation = authorize(directLine, req, res, paramOf(req, 'conversationId'));
    if (!conversation) return;
    const body: unknown = req.body;
    if (!isActivity(body)) {
      res.send(400, directLineError('BadArgument', 'An activity with a type is required.'));
      return;
    }
    if (!limits.postsPerConversation.allow(conversation.id) || !limits.postsPerAddress.allow(addressKey(req.socket.remoteAddress))) {
      // Web Chat shows the send as failed; the chat says why, once in a while.
      if (limits.slowDownNotices.allow(conversation.id)) directLine.notice(conversation, messages.slowDown);
      res.send(429, directLineError('TooManyRequests', messages.slowDown));
      return;
    }
    const posted = await directLine.fromUser(conversation, body);
    if (!posted) {
      res.send(404, directLineError('BadArgument', 'Conversation not found.'));
    } else if (!posted.delivered.ok) {
      // As Azure does: the activity is in the conversation, but the bot did not take it.
      res.send(502, { ...directLineError('BotError', 'Failed to send activity: bot returned an error.'), id: posted.id });
    } else {
      res.send(200, { id: posted.id });
    }
  });

  server.get(`${API_PATH}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorize(directLine, req, res, paramOf(req, 'conversationId'));
    if (!conversation) return;
    res.send(200, directLine.store.since(conversation.id, queryOf(req, 'watermark')));
  });
}

/**
 * The conversation a request's token opens, or undefined after answering 401 (no or bad token),
 * 403 (expired, or the token belongs to another conversation) or 404 (conversation dropped).
 */
function authorize(directLine: LocalDirectLine, req: Request, res: Response, conversationId?: string): DirectLineConversation | undefined {
  const check = directLine.tokens.verify(bearerToken(req.headers.authorization));
  if (!check.ok) {
    const status = check.reason === 'expired' ? 403 : 401;
    res.send(status, directLineError(check.reason === 'expired' ? 'TokenExpired' : 'BadArgument', check.reason === 'expired' ? 'Token expired.' : 'A valid token is required.'));
    return undefined;
  }
  if (conversationId !== undefined && conversationId !== check.grant.conversationId) {
    res.send(403, directLineError('BadArgument', 'Token not valid for this conversation.'));
    return undefined;
  }
  const conversation = directLine.store.get(check.grant.conversationId);
  if (!conversation) {
    res.send(404, directLineError('BadArgument', 'Conversation not found.'));
    return undefined;
  }
  return conversation;
}

/** The stream's address as the client reached us (behind a tunnel too), token in the query. */
function streamUrl(headers: IncomingHttpHeaders, grant: TokenGrant, watermark: string | undefined, directLine: LocalDirectLine): string {
  const secure = headers['x-forwarded-proto'] === 'https';
  // Only a well-formed host[:port] is echoed into the URL; anything else gets the bot's own.
  const host = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(headers.host ?? '') ? headers.host : new URL(directLine.serviceUrl()).host;
  const query = new URLSearchParams({ t: grant.token });
  if (watermark) query.set('watermark', watermark);
  return `${secure ? 'wss' : 'ws'}://${host}${API_PATH}/conversations/${encodeURIComponent(grant.conversationId)}/stream?${query.toString()}`;
}

function directLineError(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

function userIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const user: unknown = (body as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return undefined;
  const id: unknown = (user as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
