// Insertion results reach the patient: the sandbox sends real signed webhooks to the bot over HTTP,
// state lives in Azure Blob Storage (Azurite), and the proactive message reaches the test channel.
import assert from 'node:assert/strict';
import type { RunningApp } from '../../bot/app';
import { WEBHOOK_PATH } from '../../bot/webhook-route';
import { ManualClock } from '../../services/clock';
import { readWebhookRegistration, signWebhook } from '../../services/notify';
import type { ListableBlobsStorage } from '../../bot/state-stores';
import { offeredTitles } from '../support/activities';
import { startBotOnChannel, startTestApp, type BotOnChannel } from '../support/app';
import { freePort } from '../support/free-port';
import { blobStorage } from '../support/azurite';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { TestChannel, type ChannelConversation } from '../support/test-channel';
import { sleep, until } from '../support/waiting';

const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";
const BOOKED = /^You're booked: Cleaning with Dr\. .+, (Tue, Dec 1 at \d+:\d\d [AP]M), Brooklyn Office\.$/;


/** Books the `pick`-th offered time and returns its label ("Tue, Dec 1 at 1:00 PM"). */
async function book(conversation: ChannelConversation, pick = 0): Promise<string> {
  const offer = await conversation.say(ONE_MESSAGE);
  const label = offeredTitles(offer[offer.length - 1])[pick];
  assert.ok(label, 'times were offered');
  await conversation.say(label);
  const sent = await conversation.say('yes');
  assert.match(sent[sent.length - 1]?.text ?? '', /^Request sent\./);
  return label;
}

function count(conversation: ChannelConversation, pattern: RegExp): number {
  return conversation.received().filter((activity) => pattern.test(activity.text ?? '')).length;
}




describe('insertion results reach the patient (webhooks, proactive messages, Azurite)', function () {
  this.timeout(60_000);
  let admin: SandboxAdmin;
  let storage: ListableBlobsStorage;
  let clock: ManualClock;
  let bot: BotOnChannel;
  let app: RunningApp;
  let channel: TestChannel;
  let brooklyn: string;

  before(async () => {
    const sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    brooklyn = String(sandbox.seed.locations.brooklyn);
    storage = await blobStorage();
    clock = new ManualClock(SPEC_NOW);
    bot = await startBotOnChannel({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, RECONCILE_AFTER_SECONDS: '1' }, { storage, clock });
    ({ app, channel } = bot);
  });

  after(() => bot.close());

  afterEach(async () => {
    await admin.clearFaults();
    await admin.settings({ insertionDelayMs: 50, webhookRetryDelaysMs: [100, 200, 400] });
  });

  it('registers one webhook endpoint and its subscriptions, idempotently', async () => {
    const endpoints = await app.client.listWebhookEndpoints();
    const ours = endpoints.filter((endpoint) => endpoint.target_url === `${app.url}${WEBHOOK_PATH}`);
    assert.equal(ours.length, 1);
    const subscriptions = await app.client.listWebhookSubscriptions(ours[0].id);
    assert.deepEqual(subscriptions.map((subscription) => subscription.event), ['appointment_insertion', 'appointment_updated', 'sync_status_write_change']);
    const again = await startTestApp({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, PUBLIC_URL: app.url }, { storage, clock });
    await again.close();
    assert.equal((await app.client.listWebhookEndpoints()).filter((endpoint) => endpoint.target_url === `${app.url}${WEBHOOK_PATH}`).length, 1);
  });

  it('completed: "You\'re booked" arrives in the same conversation', async () => {
    const conversation = channel.conversation();
    const label = await book(conversation);
    const booked = await conversation.waitFor(BOOKED);
    assert.equal(BOOKED.exec(booked.text ?? '')?.[1], label);
  });

  /** A refused insertion: told at once with other times, and a new booking goes through. */
  async function failedThenRebooked(on: TestChannel): Promise<void> {
    await admin.failInsertions(1);
    const conversation = on.conversation();
    const refused = await book(conversation);
    const notice = await conversation.waitFor(/couldn't take that time/);
    const offer = conversation.received().slice(conversation.received().indexOf(notice)).find((activity) => offeredTitles(activity).length > 0);
    assert.ok(offer, 'other times offered right away');
    assert.ok(!offeredTitles(offer).includes(refused), 'not the refused time again');
    await conversation.say(offeredTitles(offer)[0]);
    const sent = await conversation.say('yes');
    assert.match(sent[sent.length - 1]?.text ?? '', /^Request sent\./);
    await conversation.waitFor(BOOKED);
  }

  it('failed: "couldn\'t take that time" and other times at once, then a new booking', () => failedThenRebooked(channel));

  it('refuses forged, unsigned and stale deliveries with 401 and changes nothing', async () => {
    const registration = await readWebhookRegistration(storage);
    assert.ok(registration);
    const body = JSON.stringify({ event_name: 'appointment_insertion.complete', resource_type: 'Appointment', data: { appointment: { id: 1 } } });
    const post = (headers: Record<string, string>) => fetch(`${app.url}${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const timestamp = SPEC_NOW.toISOString();
    assert.equal((await post({ timestamp, signature: signWebhook(body, timestamp, 'not-the-secret') })).status, 401);
    assert.equal((await post({})).status, 401);
    const stale = new Date(SPEC_NOW.getTime() - 50 * 60 * 60_000).toISOString();
    assert.equal((await post({ timestamp: stale, signature: signWebhook(body, stale, registration.secret) })).status, 401);
    const tampered = signWebhook(body.replace('complete', 'failed'), timestamp, registration.secret);
    assert.equal((await post({ timestamp, signature: tampered })).status, 401);
  });

  it('acknowledges an exact replay of a signed delivery and does nothing with it, after a restart too', async () => {
    const registration = await readWebhookRegistration(storage);
    const body = JSON.stringify({ event_name: 'appointment_insertion.complete', resource_type: 'Appointment', data: { appointment: { id: 987123 } } });
    const timestamp = new Date(SPEC_NOW.getTime() - 60 * 60_000).toISOString();
    const headers = { 'content-type': 'application/json', timestamp, signature: signWebhook(body, timestamp, registration?.secret ?? '') };
    const handled: number[] = [];
    const watch = (running: RunningApp) => {
      const original = running.outcomes.handleWebhook.bind(running.outcomes);
      running.outcomes.handleWebhook = async (event) => { handled.push(1); return original(event); };
    };
    watch(app);
    const first = await fetch(`${app.url}${WEBHOOK_PATH}`, { method: 'POST', headers, body });
    const again = await fetch(`${app.url}${WEBHOOK_PATH}`, { method: 'POST', headers, body });
    assert.deepEqual([first.status, again.status], [200, 200]);
    const restarted = await startTestApp({ WEBHOOKS_ENABLED: 'false', NEXHEALTH_LOCATION_ID: brooklyn }, { storage, clock });
    try {
      watch(restarted);
      assert.equal((await fetch(`${restarted.url}${WEBHOOK_PATH}`, { method: 'POST', headers, body })).status, 200);
    } finally {
      await restarted.close();
    }
    await sleep(100);
    assert.equal(handled.length, 1, 'only the first copy was handled');
  });

  it('answers an unknown appointment with 2xx and tells nobody', async () => {
    const registration = await readWebhookRegistration(storage);
    const body = JSON.stringify({ event_name: 'appointment_insertion.complete', resource_type: 'Appointment', data: { appointment: { id: 987654 } } });
    const timestamp = SPEC_NOW.toISOString();
    const response = await fetch(`${app.url}${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', timestamp, signature: signWebhook(body, timestamp, registration?.secret ?? '') }, body });
    assert.equal(response.status, 200);
    const ignored = JSON.stringify({ event_name: 'appointment_created', resource_type: 'Appointment', data: { appointments: [{ id: 1 }] } });
    const other = await fetch(`${app.url}${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', timestamp, signature: signWebhook(ignored, timestamp, registration?.secret ?? '') }, body: ignored });
    assert.equal(other.status, 200);
  });

  it('duplicated: the same delivery twice tells the patient once', async () => {
    await admin.webhooks({ duplicateNext: 1 });
    const completeBefore = (await admin.deliveries()).filter((delivery) => delivery.event_name === 'appointment_insertion.complete' && delivery.status === 200).length;
    const conversation = channel.conversation();
    await book(conversation, 1);
    await conversation.waitFor(BOOKED);
    // Both copies were delivered (and answered 2xx); give the second one time to be handled.
    await until(async () => (await admin.deliveries()).filter((delivery) => delivery.event_name === 'appointment_insertion.complete' && delivery.status === 200).length >= completeBefore + 2);
    await sleep(300);
    assert.equal(count(conversation, /You're booked/), 1);
  });

  it('lost: reconciliation asks NexHealth and tells the patient, once', async () => {
    await admin.webhooks({ dropNext: 1 });
    const droppedBefore = (await admin.deliveries()).filter((delivery) => delivery.status === 'dropped').length;
    const conversation = channel.conversation();
    await book(conversation, 2);
    // The insertion completes in the sandbox and its webhook is dropped (polled, not slept for).
    await until(async () => (await admin.deliveries()).filter((delivery) => delivery.status === 'dropped').length > droppedBefore);
    assert.equal(count(conversation, /You're booked/), 0);
    clock.advance(1_500);
    await app.outcomes.reconcileDue();
    await conversation.waitFor(BOOKED);
    await app.outcomes.reconcileDue();
    assert.equal(count(conversation, /You're booked/), 1);
  });

  it('delayed past a restart: the bot that comes back tells the patient', async () => {
    const port = await freePort();
    const restartStorage = await blobStorage();
    const first = await startBotOnChannel({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, PORT: String(port) }, { storage: restartStorage, clock });
    const restartChannel = first.channel;
    try {
      await admin.settings({ insertionDelayMs: 300, webhookRetryDelaysMs: [1_500, 3_000] });
      const conversation = restartChannel.conversation();
      await book(conversation, 3);
      await first.app.close(); // down before the record system answers; the delivery fails and is retried
      await sleep(600);
      const second = await startTestApp({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, PORT: String(port) }, { storage: restartStorage, clock });
      try {
        await conversation.waitFor(BOOKED, 15_000);
        assert.equal(count(conversation, /You're booked/), 1);
      } finally {
        await second.close();
      }
    } finally {
      await restartChannel.stop();
    }
  });

  it('second instance: a webhook landing on the other instance still reaches the patient', async () => {
    const sharedStorage = await blobStorage();
    const receiving = await startTestApp({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn }, { storage: sharedStorage, clock });
    // Both instances sit behind one public URL; NexHealth only ever calls `receiving`.
    const talking = await startBotOnChannel({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, PUBLIC_URL: receiving.url }, { storage: sharedStorage, clock });
    const talkingChannel = talking.channel;
    try {
      const conversation = talkingChannel.conversation();
      await book(conversation, 0);
      await conversation.waitFor(BOOKED);
      const targets = (await admin.deliveries()).map((delivery) => delivery.target_url);
      assert.ok(!targets.includes(`${talking.app.url}${WEBHOOK_PATH}`), 'nothing was delivered to the instance that talked');
    } finally {
      await talking.close();
      await receiving.close();
    }
  });

  describe('on NexHealth API v2 (the suite above runs on the default, v3)', () => {
    let v2Bot: BotOnChannel;
    before(async () => {
      v2Bot = await startBotOnChannel({ NEXHEALTH_API_VERSION: 'v2', WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: brooklyn, RECONCILE_AFTER_SECONDS: '1' }, { clock });
    });
    after(() => v2Bot.close());

    it('failed: "couldn\'t take that time" and other times at once, then a new booking; events come from a v2 subscription', async () => {
      await failedThenRebooked(v2Bot.channel);
      const ours = (await admin.deliveries()).filter((delivery) => delivery.target_url === `${v2Bot.app.url}${WEBHOOK_PATH}`);
      assert.ok(ours.length >= 2 && ours.every((delivery) => delivery.api_version === 'v2'), JSON.stringify(ours));
    });
  });
});
