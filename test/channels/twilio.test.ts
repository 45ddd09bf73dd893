// SMS straight through Twilio, over real HTTP: webhooks signed as Twilio signs them go to the bot's
// /api/twilio/sms, and the bot's answers arrive at a local fake of Twilio's REST API.
import assert from 'node:assert/strict';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { ActivityHandler, MemoryStorage, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import twilio from 'twilio';
import { createAdapter } from '../../bot/adapter';
import { ReplyRenderer } from '../../bot/rendering/reply-renderer';
import type { RunningApp } from '../../bot/app';
import { TWILIO_SMS_PATH, twilioSmsChannel, smsConversationReference } from '../../bot/channels/twilio';
import { ProactiveAdapters, type BotRuntime } from '../../bot/runtime';
import { LOCAL_CHANNEL_HEADER, closeServer, createServer, listen } from '../../bot/server';
import { ConversationLocks } from '../../bot/conversation-locks';
import { DEFAULT_HTTP_LIMITS } from '../../bot/http/harden-server';
import { TurnGate } from '../../bot/turn-gate';
import { ManualClock } from '../../services/clock';
import { loadConfig } from '../../services/config';
import { createLogger } from '../../services/logger';
import { startTestApp } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { FakeTwilio, type SentSms } from '../support/fake-twilio';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';

const ACCOUNT_SID = `AC${'5e'.repeat(16)}`;
const AUTH_TOKEN = 'test-auth-token';
const PRACTICE = '+15550001000';
/** What the Twilio console would be set to: the bot's public URL, not the local one. */
const PUBLIC_URL = 'https://bot.example-dental.test';

function twilioEnv(fake: FakeTwilio, publicUrl = PUBLIC_URL): Record<string, string> {
  return { PUBLIC_URL: publicUrl, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_PHONE_NUMBER: PRACTICE, TWILIO_API_BASE_URL: fake.url };
}

/** A port free right now: the app's public URL (signed by Twilio, called by NexHealth's webhooks) must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let messageCount = 0;

/** A patient's phone: posts what Twilio would post for each text, signed with the account's token. */
class Phone {
  constructor(private readonly botUrl: string, private readonly fake: FakeTwilio, readonly number: string, private readonly publicUrl = PUBLIC_URL) {}

  /** Texts the bot and returns the SMS it answered with. */
  async text(body: string, options: { signature?: string; messageSid?: string } = {}): Promise<{ status: number; twiml: string; replies: SentSms[] }> {
    const before = this.fake.to(this.number).length;
    messageCount += 1;
    const sid = options.messageSid ?? `SM${String(messageCount).padStart(32, '0')}`;
    const params: Record<string, string> = {
      ToCountry: 'US', SmsMessageSid: sid, NumMedia: '0', FromCountry: 'US', SmsSid: sid,
      Body: body, To: PRACTICE, MessageSid: sid, AccountSid: ACCOUNT_SID, From: this.number, NumSegments: '1', ApiVersion: '2010-04-01',
    };
    const signature = options.signature ?? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${this.publicUrl}${TWILIO_SMS_PATH}`, params);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };
    if (signature) headers['x-twilio-signature'] = signature;
    const response = await fetch(`${this.botUrl}${TWILIO_SMS_PATH}`, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
    return { status: response.status, twiml: await response.text(), replies: this.fake.to(this.number).slice(before) };
  }

  /** The last SMS of the bot's answer to `body`. */
  async say(body: string): Promise<string> {
    const { status, replies } = await this.text(body);
    assert.equal(status, 200);
    assert.ok(replies.length > 0, `no SMS answered "${body}"`);
    return replies[replies.length - 1].body;
  }
}

function assertSmsShaped(body: string): void {
  assert.ok(body.length < 320, `longer than 320 characters: ${body}`);
  assert.doesNotMatch(body, /\*\*|__|`|\[[^\]]+\]\(/, `markdown in: ${body}`);
}

/** "1) Brooklyn Office" lines of a numbered SMS. */
function numbered(body: string): string[] {
  return body.split('\n').flatMap((line) => /^\d+\) (.+)$/.exec(line)?.[1] ?? []);
}

describe('SMS through Twilio (direct webhook, no Azure)', function () {
  this.timeout(30_000);
  const fake = new FakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  let admin: SandboxAdmin;
  let app: RunningApp;
  /** Here the public URL is the bot's own: NexHealth's webhooks must reach it too. */
  let publicUrl: string;

  before(async () => {
    await fake.start();
    admin = new SandboxAdmin((await sharedSandbox()).url);
    await admin.reset(SPEC_NOW);
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    // Webhooks on: the insertion result comes back as a proactive SMS.
    app = await startTestApp({ ...twilioEnv(fake, publicUrl), PORT: String(port), WEBHOOKS_ENABLED: 'true' }, { clock: new ManualClock(SPEC_NOW) });
  });

  after(async () => {
    await app.close();
    await fake.stop();
  });

  it('books an appointment by SMS: plain text, numbered choices, "Reply 1-N", a time chosen by replying "2", then "You\'re booked" by SMS', async () => {
    const phone = new Phone(app.url, fake, '+15552013344', publicUrl);
    const first = await phone.text('I want to book an appointment');
    assert.equal(first.status, 200);
    assert.match(first.twiml, /^<\?xml[^>]*\?><Response\/>$/, 'the webhook is answered with empty TwiML');
    const office = first.replies[first.replies.length - 1].body;
    assert.match(office, /Which office/);
    assert.deepEqual(numbered(office), ['Brooklyn Office', 'Manhattan Office']);
    assert.match(office, /\nReply 1-2$/);

    assert.match(await phone.say('1'), /first and last name/);
    assert.match(await phone.say('Ana Diaz'), /date of birth/);
    assert.match(await phone.say('3/4/1990'), /phone number or email/);
    const type = await phone.say('555-201-3344');
    assert.ok(numbered(type).includes('Cleaning'), type);
    assert.match(await phone.say('cleaning'), /When would you like to come in/);
    const times = await phone.say('next tuesday afternoon');
    const offered = numbered(times);
    assert.ok(offered.length >= 2, times);
    assert.equal(offered[offered.length - 1], 'Other times');
    assert.match(times, new RegExp(`\\nReply 1-${offered.length}$`));

    const confirm = await phone.say('2');
    assert.ok(confirm.includes(`${offered[1]}, Brooklyn Office. Book it?`), confirm);
    assert.deepEqual(numbered(confirm), ['Yes', 'No']);
    assert.match(await phone.say('yes'), /^Request sent\./);
    // The office's record system takes it; the notifier finds this adapter by the reference.
    const count = fake.to(phone.number).length;
    const booked = (await fake.waitForCount(phone.number, count + 1))[count].body;
    assert.match(booked, new RegExp(`^You're booked: Cleaning with Dr\\. .+, ${offered[1]}, Brooklyn Office\\.$`));

    const all = fake.to(phone.number);
    assert.ok(all.every((sms) => sms.from === PRACTICE));
    for (const sms of all) assertSmsShaped(sms.body);
  });

  it('refuses a forged or missing signature with 403 and sends nothing', async () => {
    const phone = new Phone(app.url, fake, '+15552010001', publicUrl);
    const forged = await phone.text('book', { signature: twilio.getExpectedTwilioSignature('someone-elses-token', `${publicUrl}${TWILIO_SMS_PATH}`, { Body: 'book' }) });
    assert.equal(forged.status, 403);
    const missing = await phone.text('book', { signature: '' });
    assert.equal(missing.status, 403);
    // A genuine text afterwards is answered, and only it: the forged ones reached nothing.
    const genuine = await phone.text('hi');
    assert.equal(genuine.status, 200);
    assert.equal(fake.to(phone.number).length, genuine.replies.length);
    assert.ok(genuine.replies.length > 0);
  });

  it('a replayed signed webhook (same MessageSid) is answered and runs nothing', async () => {
    const phone = new Phone(app.url, fake, '+15552010009', publicUrl);
    const first = await phone.text('hi', { messageSid: 'SM000000000000000000000000000replay' });
    assert.equal(first.status, 200);
    assert.ok(first.replies.length > 0);
    const replayed = await phone.text('hi', { messageSid: 'SM000000000000000000000000000replay' });
    assert.equal(replayed.status, 200);
    assert.match(replayed.twiml, /<Response\/>/);
    assert.deepEqual(replayed.replies, [], 'no second answer, no second turn');
  });

  it('STOP is confirmed once, then nothing is sent until START; HELP answers; "cancel my appointment" is not an opt-out', async () => {
    const phone = new Phone(app.url, fake, '+15552010002', publicUrl);
    const help = await phone.text('HELP');
    assert.equal(help.replies.length, 1);
    assert.match(help.replies[0].body, /Reply STOP to unsubscribe/);
    assertSmsShaped(help.replies[0].body);

    const sentence = await phone.text('cancel my appointment');
    assert.ok(sentence.replies.length > 0);
    assert.doesNotMatch(sentence.replies.map((sms) => sms.body).join('\n'), /unsubscribed/);
    // The bot's answer (the cancel flow asks who the patient is), not the turn-error apology.
    assert.match(sentence.replies.map((sms) => sms.body).join('\n'), /check who you are[\s\S]*first and last name/);
    assert.doesNotMatch(sentence.replies.map((sms) => sms.body).join('\n'), /went wrong/);

    const stop = await phone.text('Stop');
    assert.deepEqual(stop.replies.map((sms) => sms.body), ['You are unsubscribed and will get no more messages from this number. Reply START to resubscribe.']);
    assert.equal((await phone.text('book')).replies.length, 0);
    assert.equal((await phone.text('HELP')).replies.length, 0);
    assert.equal((await phone.text('STOP')).replies.length, 0, 'the opt-out is confirmed once');

    const start = await phone.text('start');
    assert.equal(start.replies.length, 1);
    assert.match(start.replies[0].body, /resubscribed/);
    assert.match(await phone.say('book'), /Which office/);
  });
});

describe('SMS rendering', () => {
  it('keeps a long message with choices under 320 characters, GSM-7 only, numbered, without markdown', () => {
    const text = `**Note:** ${'a very long explanation '.repeat(30)}see [the office page](https://example.test)`;
    const choices = ['Tue, Dec 1 at 12:00 PM', 'Tue, Dec 1 at 1:00 PM', 'Other times'].map((label) => ({ label }));
    const body = new ReplyRenderer().render({ channelId: 'sms', conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } }, { text, choices }).text ?? '';
    assertSmsShaped(body);
    assert.match(body, /^Note: a very long/);
    assert.match(body, /\.\.\.\n1\) Tue, Dec 1 at 12:00 PM\n2\) Tue, Dec 1 at 1:00 PM\n3\) Other times\nReply 1-3$/);
    assert.match(body, /^[\x20-\x7e\n]*$/, 'plain ASCII keeps the GSM-7 encoding');
  });
});

describe('Twilio SMS adapter: proactive messages and opt-outs', function () {
  this.timeout(20_000);
  const fake = new FakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  let server: Server;
  let runtime: BotRuntime;
  let url: string;
  const azureSends: Partial<ConversationReference>[] = [];

  /** A bot that echoes: these tests are about the channel, not the dialogs. */
  class EchoBot extends ActivityHandler {
    constructor() {
      super();
      this.onMessage(async (context, next) => {
        await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
        await next();
      });
    }
  }

  before(async () => {
    await fake.start();
    const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...twilioEnv(fake) });
    const logger = createLogger({ level: 'silent' });
    const localChannel = { header: LOCAL_CHANNEL_HEADER, key: 'test-key', serviceUrl: () => `${url}/directline` };
    const adapter = createAdapter(config.bot, logger, localChannel);
    const bot = new EchoBot();
    const clock = new ManualClock(SPEC_NOW);
    const gate = new TurnGate(new ConversationLocks());
    server = createServer(adapter, {
      access: { localChannelKey: localChannel.key, localServiceUrls: () => [], ownPort: () => 0 },
      limits: DEFAULT_HTTP_LIMITS,
      https: false,
      turn: (context) => bot.run(context),
    });
    const proactive = new ProactiveAdapters({ continueConversation: async (reference) => { azureSends.push(reference); } });
    runtime = { adapter, bot, gate, config, logger, clock, storage: new MemoryStorage(), proactive, localUrl: () => url, localChannel };
    twilioSmsChannel(server, runtime);
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });

  after(async () => {
    await closeServer(server);
    await fake.stop();
  });

  const sendProactive = (reference: Partial<ConversationReference>, text: string) =>
    runtime.proactive.for(reference).continueConversation(reference, async (context: TurnContext) => { await context.sendActivity(text); });

  it('a proactive message through runtime.proactive reaches Twilio; Azure SMS references still go to Azure', async () => {
    const phone = new Phone(url, fake, '+15552010003');
    assert.equal(await phone.say('hello'), 'echo: hello');
    const reference = smsConversationReference(phone.number, PRACTICE);
    await sendProactive(reference, "You're booked: Tue, Dec 1 at 2:30 PM.");
    const sent = fake.to(phone.number);
    assert.deepEqual(sent[sent.length - 1], { ...sent[sent.length - 1], from: PRACTICE, body: "You're booked: Tue, Dec 1 at 2:30 PM." });

    const azureReference = { ...reference, serviceUrl: 'https://sms.botframework.com/' };
    await sendProactive(azureReference, 'via Azure');
    assert.deepEqual(azureSends, [azureReference]);
    assert.equal(fake.to(phone.number).length, sent.length);
  });

  it('after STOP even a proactive message is held back; START lets them through again', async () => {
    const phone = new Phone(url, fake, '+15552010004');
    const reference = smsConversationReference(phone.number, PRACTICE);
    assert.equal((await phone.text('UNSUBSCRIBE')).replies.length, 1);
    await sendProactive(reference, "You're booked.");
    assert.equal(fake.to(phone.number).length, 1, 'only the opt-out confirmation');
    assert.equal((await phone.text('YES')).replies.length, 1, 'YES resubscribes a number that opted out');
    await sendProactive(reference, "You're booked.");
    assert.equal(fake.to(phone.number)[2].body, "You're booked.");
    assert.equal(await phone.say('yes'), 'echo: yes', 'YES from a subscribed number is an answer for the bot');
  });

  it('a number Twilio reports as unsubscribed (error 21610) is recorded as opted out', async () => {
    const phone = new Phone(url, fake, '+15552010005');
    fake.unsubscribed.add(phone.number);
    const first = await phone.text('hello');
    assert.equal(first.status, 200);
    assert.equal(first.replies.length, 0);
    fake.unsubscribed.delete(phone.number);
    await sendProactive(smsConversationReference(phone.number, PRACTICE), 'held back');
    assert.equal(fake.to(phone.number).length, 0);
  });
});
