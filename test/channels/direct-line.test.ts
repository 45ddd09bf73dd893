// The local Direct Line over real HTTP and WebSocket, as Web Chat uses it: tokens, start, post,
// get with a watermark, the stream, isolation between conversations and proactive messages.
import assert from 'node:assert/strict';
import type { Activity, ConversationReference } from 'botbuilder';
import WebSocket from 'ws';
import { createAdapter } from '../../bot/adapter';
import type { RunningApp } from '../../bot/app';
import { webChatPage } from '../../bot/webchat/webchat-page';
import { loadConfig } from '../../services/config';
import { createLogger } from '../../services/logger';
import { startTestApp } from '../support/app';

interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

describe('local Direct Line (HTTP and WebSocket)', function () {
  this.timeout(20_000);
  let app: RunningApp;
  const asTheBot = () => ({ [app.localChannel.header]: app.localChannel.key });
  let api: string;

  before(async () => {
    app = await startTestApp();
    api = `${app.url}/v3/directline`;
  });

  after(() => app.close());

  async function call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  async function startConversation(): Promise<Grant> {
    const generated = await call('POST', '/tokens/generate');
    assert.equal(generated.status, 200);
    const started = await call('POST', '/conversations', (generated.json as Grant).token);
    assert.equal(started.status, 201);
    return started.json as Grant;
  }

  async function activities(grant: Grant, watermark = ''): Promise<ActivitySet> {
    const got = await call('GET', `/conversations/${grant.conversationId}/activities?watermark=${watermark}`, grant.token);
    assert.equal(got.status, 200);
    return got.json as ActivitySet;
  }

  /** Polls until an activity's text matches (the greeting comes after the conversation starts). */
  async function pollFor(grant: Grant, pattern: RegExp): Promise<ActivitySet> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const set = await activities(grant);
      if (set.activities.some((activity) => pattern.test(activity.text ?? ''))) return set;
      if (Date.now() > deadline) throw new Error(`no activity matching ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function say(grant: Grant, text: string) {
    return call('POST', `/conversations/${grant.conversationId}/activities`, grant.token, { type: 'message', text, from: { id: 'someone-else', name: '' }, channelData: { clientActivityID: 'client-1' } });
  }

  it('starts a conversation with a token bound to it, and the bot greets', async () => {
    const grant = await startConversation();
    assert.match(grant.conversationId, /^[0-9a-f]{32}$/);
    assert.ok(grant.token && grant.expires_in > 0);
    assert.equal(grant.streamUrl, `${app.url.replace(/^http/, 'ws')}/v3/directline/conversations/${grant.conversationId}/stream?t=${encodeURIComponent(grant.token)}`);
    const set = await pollFor(grant, /front desk assistant/);
    const greeting = set.activities[0];
    assert.equal(greeting.from.role, 'bot');
    assert.equal(greeting.channelId, 'webchat');
    assert.equal(greeting.conversation.id, grant.conversationId);
    assert.deepEqual(greeting.suggestedActions?.actions.map((action) => action.title), ['Book an appointment', 'My appointments', 'Cancel an appointment']);
    // Web Chat reads the user id from the token, as with Azure's tokens.
    const claims: unknown = JSON.parse(Buffer.from(grant.token.split('.')[1], 'base64url').toString('utf8'));
    assert.match(String((claims as { user?: unknown }).user), /^dl_/);
  });

  it('posts an activity, stamps it as the channel, and returns the answer after the watermark', async () => {
    const grant = await startConversation();
    const greeted = await pollFor(grant, /front desk assistant/);
    const posted = await say(grant, 'book');
    assert.equal(posted.status, 200);
    const { id } = posted.json as { id: string };
    assert.match(id, new RegExp(`^${grant.conversationId}\\|\\d{7}$`));

    const after = await activities(grant, greeted.watermark);
    assert.equal(after.activities.length, 2, after.activities.map((activity) => activity.text).join(' / '));
    const [echo, reply] = after.activities;
    assert.equal(echo.id, id);
    assert.equal(echo.text, 'book');
    assert.equal(echo.from.role, 'user');
    assert.match(echo.from.id, /^dl_/, 'the token decides who the user is, not the client');
    assert.deepEqual(echo.channelData, { clientActivityID: 'client-1' }, 'Web Chat matches its echo by clientActivityID');
    assert.equal(echo.serviceUrl, `${app.url}/directline`);
    assert.equal(reply.text, 'Which office would you like to visit?');
    assert.equal(reply.replyToId, id);
    assert.deepEqual(reply.suggestedActions?.actions.map((action) => action.title), ['Brooklyn Office', 'Manhattan Office']);
    assert.ok(Number(after.watermark) > Number(greeted.watermark));
    assert.deepEqual((await activities(grant, after.watermark)).activities, []);
  });

  it('refuses calls without a token, with a bad one, or with another conversation\'s token', async () => {
    const mine = await startConversation();
    const theirs = await startConversation();
    assert.equal((await call('POST', '/conversations')).status, 401);
    assert.equal((await call('GET', `/conversations/${mine.conversationId}/activities`)).status, 401);
    assert.equal((await call('GET', `/conversations/${mine.conversationId}/activities`, `${mine.token}x`)).status, 401);
    assert.equal((await call('GET', `/conversations/${theirs.conversationId}/activities`, mine.token)).status, 403);
    assert.equal((await say({ ...theirs, token: mine.token }, 'hello')).status, 403);
    assert.equal((await call('GET', `/conversations/${theirs.conversationId}`, mine.token)).status, 403);
    const refused = await openStream(`ws://127.0.0.1:${app.port}/v3/directline/conversations/${theirs.conversationId}/stream?t=${encodeURIComponent(mine.token)}`);
    assert.equal(refused.status, 403);
  });

  it('keeps two conversations apart', async () => {
    const [first, second] = await Promise.all([startConversation(), startConversation()]);
    await Promise.all([pollFor(first, /front desk/), pollFor(second, /front desk/)]);
    await Promise.all([say(first, 'book'), say(second, 'help')]);
    const [firstSet, secondSet] = await Promise.all([activities(first), activities(second)]);
    const texts = (set: ActivitySet) => set.activities.map((activity) => activity.text ?? '');
    assert.deepEqual(texts(firstSet).slice(1), ['book', 'Which office would you like to visit?']);
    assert.equal(texts(secondSet)[1], 'help');
    assert.ok(!texts(secondSet).includes('book'));
    assert.ok(firstSet.activities.every((activity) => activity.conversation.id === first.conversationId));
    assert.ok(secondSet.activities.every((activity) => activity.conversation.id === second.conversationId));
    assert.notEqual(firstSet.activities[1].from.id, secondSet.activities[1].from.id);
  });

  it('streams the backlog on connect, then each new activity as a frame', async () => {
    const grant = await startConversation();
    await pollFor(grant, /front desk/);
    const stream = await openStream(grant.streamUrl ?? '');
    assert.equal(stream.status, 101);
    try {
      const backlog = await stream.next();
      assert.match(backlog.activities[0].text ?? '', /front desk assistant/);
      assert.equal(backlog.watermark, '1');
      await say(grant, 'book');
      const echo = await stream.next();
      assert.deepEqual(echo.activities.map((activity) => activity.text), ['book']);
      assert.equal(echo.watermark, '2');
      const reply = await stream.next();
      assert.equal(reply.activities[0].text, 'Which office would you like to visit?');
      assert.equal(reply.watermark, '3');
    } finally {
      stream.close();
    }
  });

  it('resumes from a watermark: reconnect gives a fresh stream url and token', async () => {
    const grant = await startConversation();
    await pollFor(grant, /front desk/);
    const reconnected = await call('GET', `/conversations/${grant.conversationId}?watermark=1`, grant.token);
    assert.equal(reconnected.status, 200);
    const again = reconnected.json as Grant;
    assert.equal(again.conversationId, grant.conversationId);
    assert.match(again.streamUrl ?? '', /watermark=1$/);
    const refreshed = await call('POST', '/tokens/refresh', grant.token);
    assert.equal(refreshed.status, 200);
    assert.equal((refreshed.json as Grant).conversationId, grant.conversationId);
    assert.equal((await activities({ ...grant, token: (refreshed.json as Grant).token })).activities.length, 1);
  });

  it('delivers proactive messages (no reply id) to polls and streams', async () => {
    const grant = await startConversation();
    const greeted = await pollFor(grant, /front desk/);
    const stream = await openStream(grant.streamUrl ?? '');
    try {
      await stream.next();
      const greeting = greeted.activities[0];
      // What the bot does for a webhook: continue the stored conversation through the channel's serviceUrl.
      const reference: Partial<ConversationReference> = {
        channelId: greeting.channelId, serviceUrl: greeting.serviceUrl, conversation: greeting.conversation, bot: greeting.from, user: greeting.recipient,
      };
      // The bot's own adapter signs calls to its local channel.
      const adapter = createAdapter(loadConfig({}).bot, createLogger({ level: 'silent' }), app.localChannel);
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity("You're booked: test");
      });
      const frame = await stream.next();
      assert.equal(frame.activities[0].text, "You're booked: test");
      assert.equal(frame.activities[0].replyToId, undefined, 'no reply id for Web Chat to wait for');
      const polled = await activities(grant, greeted.watermark);
      assert.deepEqual(polled.activities.map((activity) => activity.text), ["You're booked: test"]);
    } finally {
      stream.close();
    }
  });

  it('lets the bot update and delete what it sent', async () => {
    const grant = await startConversation();
    const greeted = await pollFor(grant, /front desk/);
    const greeting = greeted.activities[0];
    const connector = `${app.url}/directline/v3/conversations/${grant.conversationId}/activities/${encodeURIComponent(greeting.id ?? '')}`;
    const updated = await fetch(connector, { method: 'PUT', headers: { 'content-type': 'application/json', ...asTheBot() }, body: JSON.stringify({ type: 'message', text: 'Hello again' }) });
    assert.equal(updated.status, 200);
    const after = await activities(grant, greeted.watermark);
    assert.deepEqual(after.activities.map((activity) => [activity.id, activity.text]), [[greeting.id, 'Hello again']]);
    assert.equal((await fetch(connector, { method: 'DELETE', headers: asTheBot() })).status, 200);
    assert.deepEqual((await activities(grant)).activities, []);
  });

  it('answers 404 to the bot for a conversation it does not know', async () => {
    const response = await fetch(`${app.url}/directline/v3/conversations/nope/activities`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...asTheBot() }, body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    assert.equal(response.status, 404);
  });

  it("refuses connector calls that are not the bot's, alike for known and unknown conversations", async () => {
    const grant = await startConversation();
    const greeted = await pollFor(grant, /front desk/);
    const greetingId = encodeURIComponent(greeted.activities[0].id ?? '');
    const base = `${app.url}/directline/v3/conversations`;
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ type: 'message', text: 'Your card was declined, reply with its number' });
    const attempts: [string, RequestInit][] = [
      [`${base}/${grant.conversationId}/activities`, { method: 'POST', headers: json, body }],
      [`${base}/nope/activities`, { method: 'POST', headers: json, body }],
      [`${base}/${grant.conversationId}/activities/${greetingId}`, { method: 'PUT', headers: { ...json, [app.localChannel.header]: 'guessed' }, body }],
      [`${base}/${grant.conversationId}/activities/${greetingId}`, { method: 'DELETE' }],
      [`${base}/nope/activities/x`, { method: 'DELETE' }],
    ];
    const answers = await Promise.all(attempts.map(async ([url, init]) => { const response = await fetch(url, init); return `${response.status} ${await response.text()}`; }));
    assert.equal(new Set(answers).size, 1, answers.join(' | '));
    assert.match(answers[0], /^401 /);
    assert.deepEqual((await activities(grant)).activities.map((activity) => activity.text), [greeted.activities[0].text], 'nothing was posted, changed or deleted');
  });

  it('serves the chat page and the Web Chat bundle', async () => {
    const page = await fetch(app.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /<title>Demo Dental · Book an appointment<\/title>/);
    assert.match(html, /src="\/webchat\/webchat\.js"/);
    const bundle = await fetch(`${app.url}/webchat/webchat.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await bundle.text()).includes('renderWebChat'));
    const cached = await fetch(`${app.url}/webchat/webchat.js`, { headers: { 'if-none-match': bundle.headers.get('etag') ?? '' } });
    assert.equal(cached.status, 304);
  });

  it("serves the page's own script as a file from this origin, so the CSP allows scripts from 'self' only", async () => {
    const page = await fetch(app.url);
    const html = await page.text();
    assert.doesNotMatch(html, /<script>/, 'no inline script');
    assert.doesNotMatch(html, /\{\{\w+\}\}/, 'every placeholder filled');
    assert.match(html, /<body data-direct-line-path="\/v3\/directline" data-initials="DD">/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self';/);
    const script = await fetch(`${app.url}/webchat/chat.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(await script.text(), /window\.WebChat\.renderWebChat\(/);
  });

  it("escapes the practice's name into the page", () => {
    const html = webChatPage({ practiceName: '<b>Bad & "Co"</b>', bundlePath: '/b.js', scriptPath: '/c.js', directLinePath: '/dl' });
    assert.match(html, /<title>&#60;b&#62;Bad &#38; &#34;Co&#34;&#60;\/b&#62; · Book an appointment<\/title>/);
    assert.match(html, /data-initials="&#60;&#38;"/);
    assert.doesNotMatch(html, /<b>/);
  });
});

interface OpenedStream {
  status: number;
  next(): Promise<ActivitySet>;
  close(): void;
}

/** Opens a stream; `status` is 101 when it opened, the HTTP status when refused. */
function openStream(url: string): Promise<OpenedStream> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const frames: ActivitySet[] = [];
    const waiting: ((set: ActivitySet) => void)[] = [];
    socket.on('message', (data) => {
      const text = (data as Buffer).toString('utf8');
      if (!text) return;
      const set = JSON.parse(text) as ActivitySet;
      const waiter = waiting.shift();
      if (waiter) waiter(set);
      else frames.push(set);
    });
    const stream = (status: number): OpenedStream => ({
      status,
      close: () => socket.close(),
      next: () => new Promise<ActivitySet>((resolveFrame, rejectFrame) => {
        const queued = frames.shift();
        if (queued) return resolveFrame(queued);
        const timer = setTimeout(() => rejectFrame(new Error('no frame within 5 s')), 5_000);
        waiting.push((set) => { clearTimeout(timer); resolveFrame(set); });
      }),
    });
    socket.on('open', () => resolve(stream(101)));
    socket.on('unexpected-response', (_request, response) => {
      resolve(stream(response.statusCode ?? 0));
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
  });
}
