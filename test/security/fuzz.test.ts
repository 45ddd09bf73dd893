// Hostile traffic against the bot as its own process (`npm start`): every public route gets
// malformed, empty, oversized, compressed and multipart bodies, wrong content types, unknown and
// incomplete activities, slow connections, replays and floods (all bounded). Every answer is a 4xx
// (never a 5xx) with nothing internal in it, memory stays bounded, the process stays up, and a
// patient books normally right after.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import twilio from 'twilio';
import { FakeTwilio } from '../support/fake-twilio';
import { TestChannel } from '../support/test-channel';
import { sleep, until } from '../support/waiting';
import { startBotProcess, type BotProcess } from './bot-process';
import { DirectLineChat, suggestedTitles } from './direct-line-chat';
import { ECHO_MARK, HOSTILE_INPUTS, INTERNAL_TEXT, hostileActivities } from './inputs';
import { send, type RawAnswer, type RawRequest } from './raw-http';

const ACCOUNT_SID = `AC${'7a'.repeat(16)}`;
const AUTH_TOKEN = 'fuzz-auth-token';
const PRACTICE = '+15550001000';
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;

interface Route {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
}

describe('hostile traffic: every route refuses what it must, and the process stays up', function () {
  this.timeout(180_000);
  const fake = new FakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  const statuses = new Map<number, number>();
  let bot: BotProcess;
  let chat: DirectLineChat;
  /** Opened before the floods use up this address's new conversations. */
  let patient: DirectLineChat;
  let rssBefore = 0;
  let rssWarm = 0;
  let tried = 0;

  before(async () => {
    await fake.start();
    bot = await startBotProcess((port) => ({
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_PHONE_NUMBER: PRACTICE, TWILIO_API_BASE_URL: fake.url,
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    }));
    chat = await DirectLineChat.open(bot.url);
    await chat.waitFor(/front desk/);
    patient = await DirectLineChat.open(bot.url);
    rssBefore = await bot.rssMb();
  });

  after(async () => {
    const table = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', ');
    console.log(`      fuzz: ${tried} requests; answers by status: ${table}`);
    await bot?.stop();
    await fake.stop();
  });

  /** Sends, counts, and checks what every answer must be. */
  async function attempt(route: Route, input: Omit<RawRequest, 'path'>, label: string): Promise<RawAnswer> {
    const answer = await send(bot.url, { ...input, path: route.path, method: route.method, headers: { ...route.headers, ...input.headers } })
      .catch((error: unknown) => assert.fail(`${label}: ${error instanceof Error ? error.message : String(error)}`));
    tried += 1;
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    assert.ok(answer.status < 500, `${label}: ${answer.status} ${answer.text}`);
    assert.doesNotMatch(answer.text, INTERNAL_TEXT, `${label}: internal text in ${answer.text}`);
    assert.ok(!answer.text.includes(ECHO_MARK), `${label}: the body was echoed`);
    assert.ok(bot.alive(), `${label}: the process ended\n${bot.stderr()}`);
    return answer;
  }

  function routes(): Route[] {
    const connector = `/directline/v3/conversations/${chat.grant.conversationId}/activities`;
    return [
      { name: '/api/messages', path: '/api/messages' },
      { name: 'NexHealth webhook', path: '/api/nexhealth/webhook' },
      { name: 'Twilio SMS', path: '/api/twilio/sms' },
      { name: 'tokens/generate', path: '/v3/directline/tokens/generate' },
      { name: 'tokens/refresh', path: '/v3/directline/tokens/refresh', headers: chat.auth() },
      { name: 'conversations', path: '/v3/directline/conversations', headers: chat.auth() },
      { name: 'Direct Line activities', path: chat.activitiesPath, headers: chat.auth() },
      { name: 'connector POST', path: connector },
      { name: 'connector PUT', method: 'PUT', path: `${connector}/x` },
      { name: 'unknown route', path: '/api/unknown' },
      // GET-only routes: a body posted to them is refused, never read.
      { name: 'POST /metrics', path: '/metrics' },
      { name: 'POST /readyz', path: '/readyz' },
      { name: 'POST /healthz', path: '/healthz' },
    ];
  }

  async function everyRouteEveryBody(): Promise<void> {
    for (const route of routes()) {
      for (const input of HOSTILE_INPUTS) {
        const answer = await attempt(route, input, `${route.name} × ${input.name}`);
        if (input.broken) assert.ok(answer.status >= 400, `${route.name} × ${input.name}: ${answer.status}`);
      }
    }
  }

  it('answers every route × hostile body with 4xx and a fixed message (twice), and no GET route takes a body', async () => {
    await everyRouteEveryBody();
    // The first pass brings the heap and the allocator to their working size (any busy traffic
    // does); from there the rest of the suite must not grow memory by much.
    rssWarm = await bot.rssMb();
    await everyRouteEveryBody();
  });

  it('refuses unknown, incomplete and misdirected activities on /api/messages, and runs no turn for them', async () => {
    const channel = new TestChannel(bot.url);
    await channel.start();
    try {
      for (const { name, activity, headers } of hostileActivities(channel.serviceUrl, bot.port)) {
        const answer = await attempt({ name, path: '/api/messages' }, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) }, name);
        assert.ok(answer.status === 400 || answer.status === 401, `${name}: ${answer.status} ${answer.text}`);
      }
      await sleep(200);
      assert.deepEqual(channel.conversation({ id: 'fuzz-conversation' }).received(), [], 'no reply went anywhere');
    } finally {
      await channel.stop();
    }
  });

  it('header, upgrade and nesting tricks: answered, closed, never trusted', async () => {
    // An upgrade to anything but the chat stream is answered and its socket closed.
    for (const head of ['GET /healthz HTTP/1.1\r\nHost: x\r\nUpgrade: foo\r\nConnection: Upgrade\r\n\r\n', 'GET /v3/directline/conversations/%ZZ/stream?t=x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n']) {
      const { answer, closedMs } = await rawExchange(bot.port, head);
      assert.match(answer, /^HTTP\/1\.1 4\d\d /, answer);
      assert.ok(closedMs < 2_000, `closed after ${closedMs} ms`);
    }
    // A proxy header past the hundredth still counts.
    const complete = { type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'proxied' }, from: { id: 'u' } };
    for (const count of [97, 120]) {
      const filler = Object.fromEntries(Array.from({ length: count }, (_, index) => [`x-filler-${index}`, 'v']));
      for (const path of ['/metrics', '/api/messages']) {
        const answer = await attempt({ name: path, path, method: path === '/metrics' ? 'GET' : 'POST' }, { headers: { 'content-type': 'application/json', ...filler, 'x-forwarded-for': '203.0.113.9' }, body: path === '/metrics' ? undefined : JSON.stringify(complete) }, `${path} behind ${count} headers`);
        assert.equal(answer.status, 401, `${path} behind ${count} headers`);
      }
    }
    // A message nested 10,000 deep is refused, and the conversation stays readable.
    const nested = `{"type":"message","text":"hi","a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const refused = await attempt({ name: 'nested', path: chat.activitiesPath, headers: chat.auth() }, { headers: { 'content-type': 'application/json' }, body: nested }, 'nested post');
    assert.equal(refused.status, 400);
    assert.equal((await send(bot.url, { method: 'GET', path: chat.activitiesPath, headers: chat.auth() })).status, 200);
    // A made-up Host is not echoed into the stream URL.
    const started = await send(bot.url, { path: '/v3/directline/conversations', headers: { ...chat.auth(), host: 'evil.example"><script>' } });
    assert.doesNotMatch(started.text, /evil\.example|<script>/);
    // Without an app id an Authorization header exempts nobody from the per-address limit.
    const statuses = await Promise.all(Array.from({ length: 150 }, () => send(bot.url, { path: '/api/messages', headers: { 'content-type': 'application/json', authorization: 'Bearer made-up' }, body: '{}' }).then((answer) => answer.status)));
    tried += 150;
    assert.ok(statuses.includes(429), 'a bogus bearer is limited too');
    assert.equal((await send(bot.url, { method: 'HEAD', path: '/healthz' })).status, 200, 'HEAD probes work');
  });

  it('cuts off slow clients: dribbled headers and dribbled bodies', async () => {
    const started = Date.now();
    const slow = [
      ...Array.from({ length: 5 }, () => dribble(bot.port, 'POST /api/messages HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(200))),
      ...Array.from({ length: 5 }, () => dribble(bot.port, 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n' + ' '.repeat(1000), 90)),
    ];
    const closedAfter = await Promise.all(slow);
    assert.ok(closedAfter.every((ms) => ms < REQUEST_TIMEOUT_MS + 2_500), `closed after ${closedAfter.join(', ')} ms`);
    assert.ok(Date.now() - started < 10_000);
    assert.ok(bot.alive());
  });

  it('floods: one conversation on /api/messages gets a few turns and one "slow down"', async () => {
    const channel = new TestChannel(bot.url);
    await channel.start();
    try {
      const conversation = channel.conversation();
      for (let round = 0; round < 60; round += 1) {
        const sent = await Promise.all(Array.from({ length: 5 }, () => conversation.send({ type: 'message', text: 'hi' })));
        for (const { status } of sent) assert.ok(status < 500, `status ${status}`);
        await sleep(70);
      }
      tried += 300;
      await sleep(500);
      const replies = conversation.received();
      assert.equal(replies.filter((activity) => /faster than I can read/.test(activity.text ?? '')).length, 1, 'one "slow down"');
      assert.ok(replies.length < 40, `${replies.length} replies to 300 messages`);
    } finally {
      await channel.stop();
    }
  });

  it('floods: Direct Line posts and new conversations are refused with 429, the chat says why', async () => {
    const flooded = await DirectLineChat.open(bot.url);
    const posts = await Promise.all(Array.from({ length: 40 }, (_, index) => flooded.post(`message ${index}`)));
    assert.ok(posts.includes(429), 'posts refused');
    assert.ok(posts.every((status) => status === 200 || status === 429 || status === 502), posts.join(','));
    await flooded.waitFor(/faster than I can read/);
    const generated: number[] = [];
    for (let index = 0; index < 70; index += 1) generated.push((await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' })).status);
    tried += 110;
    assert.ok(generated.includes(429), 'new conversations refused');
  });

  it('replays: a signed Twilio webhook sent twice is answered twice and runs once', async () => {
    const params = { MessageSid: `SM${'9'.repeat(32)}`, From: '+15552019999', To: PRACTICE, Body: 'hi', NumMedia: '0' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${bot.url}/api/twilio/sms`, params);
    const route = { name: 'Twilio SMS', path: '/api/twilio/sms' };
    const request = { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() };
    const first = await attempt(route, request, 'first');
    await until(() => fake.to(params.From).length > 0);
    const sentAfterFirst = fake.to(params.From).length;
    const replayed = await attempt(route, request, 'replay');
    assert.deepEqual([first.status, replayed.status], [200, 200]);
    await sleep(300);
    assert.equal(fake.to(params.From).length, sentAfterFirst, 'no second answer');
  });

  it('afterwards: the process is up, memory is bounded, and a patient books normally', async () => {
    await patient.waitFor(/front desk/);
    const offices = await patient.say("I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon", /Which office/);
    const times = await patient.say(suggestedTitles(offices).find((title) => /Brooklyn/.test(title)) ?? 'Brooklyn Office', /times|nearest/i);
    await patient.say(suggestedTitles(times)[0], /Book it\?/);
    await patient.say('Yes', /^Request sent/);
    await patient.waitFor(/^You're booked/, 20_000);
    const rssAfter = await bot.rssMb();
    console.log(`      fuzz: RSS ${rssBefore.toFixed(0)} MB at start, ${rssWarm.toFixed(0)} MB after the first pass, ${rssAfter.toFixed(0)} MB at the end`);
    assert.ok(rssAfter - rssWarm < 50, `RSS grew from ${rssWarm} to ${rssAfter} MB`);
    assert.ok(bot.alive());
    assert.doesNotMatch(bot.stderr(), /Error|uncaught/i);
  });
});

/** Writes `text` at once; the server's answer and how long until it closed the connection. */
function rawExchange(port: number, text: string): Promise<{ answer: string; closedMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => { answer += chunk.toString('utf8'); });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ answer, closedMs: Date.now() - started }));
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/** Sends `text` a byte at a time, every `everyMs`; resolves with how long until the server closed. */
function dribble(port: number, text: string, everyMs = 150): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let index = 0;
    const timer = setInterval(() => {
      if (index < text.length && !socket.destroyed) socket.write(text[index++]);
    }, everyMs);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    });
  });
}
