// A reschedule end to end: the new request goes out over HTTP, the sandbox's signed webhook says
// how it went, and only a completed one cancels the old appointment (told once, in the same chat).
import assert from 'node:assert/strict';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { API_VERSIONS } from '../../services/nexhealth';
import { lastText, offeredTitles } from '../support/activities';
import { startBotOnChannel, type BotOnChannel } from '../support/app';
import { blobStorage } from '../support/azurite';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { TestChannel, type ChannelConversation } from '../support/test-channel';
import { sleep } from '../support/waiting';
import type { RunningSandbox } from '../../sandbox';

const IDENTITY = "I'm Ana Diaz, born 3/4/1990, 555-201-3344";



// On each NexHealth API version the bot can be set to (the suite's body is the same for both).
for (const apiVersion of API_VERSIONS) describe(`reschedule: the old appointment is cancelled only when the new one is confirmed (webhooks, ${apiVersion})`, function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  let bot: BotOnChannel;
  let app: RunningApp;
  let channel: TestChannel;

  before(async () => {
    sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    bot = await startBotOnChannel({ NEXHEALTH_API_VERSION: apiVersion, WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn), RECONCILE_AFTER_SECONDS: '30' },
      { storage: await blobStorage(), clock: new ManualClock(SPEC_NOW) });
    ({ app, channel } = bot);
  });

  after(() => bot.close());

  afterEach(async () => {
    await admin.clearFaults();
  });

  /** Ana's appointment with Dr. Lee in Brooklyn on Tue, Dec 1 at `time` (already in the record system). */
  async function oldAppointment(time: string): Promise<number> {
    const seed = sandbox.seed;
    const created = await app.client.createAppointment({
      locationId: seed.locations.brooklyn, patientId: seed.patients.anaDiaz, providerId: seed.providers.sarahLee, operatoryId: seed.operatories.brooklynChair1,
      appointmentTypeId: seed.appointmentTypes.brooklyn.cleaning, startTime: `2026-12-01T${time}:00-05:00`,
    });
    // Its own insertion finishes before the test's faults are set (polled, not slept for).
    const deadline = Date.now() + 10_000;
    while (!(await app.client.getAppointment(created.id)).foreign_id) {
      if (Date.now() > deadline) throw new Error('the old appointment never reached the record system');
      await sleep(25);
    }
    return created.id;
  }

  async function requestNewTime(conversation: ChannelConversation, pick: number, which?: string): Promise<string> {
    await conversation.say('move my appointment');
    let ask = await conversation.say(IDENTITY);
    if (which) {
      assert.match(lastText(ask), /Which appointment/);
      ask = await conversation.say(which);
    }
    assert.match(lastText(ask), /When would you like to come in/);
    const offer = await conversation.say('monday');
    const label = offeredTitles(offer[offer.length - 1])[pick];
    assert.ok(label, 'times were offered');
    await conversation.say(label);
    const sent = await conversation.say('yes');
    assert.match(lastText(sent), /^Request sent\. .* stays as it is until then\.$/);
    return label;
  }

  async function cancelled(id: number): Promise<boolean> {
    const appointment = await app.client.getAppointment(id);
    return Boolean(appointment.cancelled || appointment.canceled);
  }

  it('completed: books the new time, cancels the old one and says both, once', async () => {
    const old = await oldAppointment('14:30');
    const conversation = channel.conversation();
    const label = await requestNewTime(conversation, 0);
    const done = /^You're booked: Cleaning with Dr\. Sarah Lee, (.+), Brooklyn Office\. Your appointment on Tue, Dec 1 at 2:30 PM is cancelled\.$/;
    const told = await conversation.waitFor(done);
    assert.equal(done.exec(told.text ?? '')?.[1], label);
    assert.equal(await cancelled(old), true);
    await sleep(500);
    assert.equal(conversation.received().filter((activity) => /You're booked/.test(activity.text ?? '')).length, 1);
  });

  it('failed: the old appointment is unchanged and other times are offered at once', async () => {
    const old = await oldAppointment('10:00');
    await admin.failInsertions(1);
    const conversation = channel.conversation();
    // The first test's new appointment is upcoming too: say which one.
    const refused = await requestNewTime(conversation, 1, 'the Tuesday one');
    const notice = await conversation.waitFor(/couldn't take that time\. Your appointment on Tue, Dec 1 at 10:00 AM is unchanged\./);
    const offer = conversation.received().slice(conversation.received().indexOf(notice)).find((activity) => offeredTitles(activity).length > 0);
    assert.ok(offer, 'other times offered right away');
    assert.ok(!offeredTitles(offer).includes(refused));
    assert.equal(await cancelled(old), false);

    // Another time from that offer still replaces the same appointment once confirmed.
    await conversation.say(offeredTitles(offer)[0]);
    assert.match(lastText(await conversation.say('yes')), /stays as it is until then/);
    await conversation.waitFor(/Your appointment on Tue, Dec 1 at 10:00 AM is cancelled\./);
    assert.equal(await cancelled(old), true);
  });

  it('does not start a second move of an appointment whose first move is still waiting', async () => {
    const old = await oldAppointment('16:00');
    await admin.settings({ insertionDelayMs: 60_000 });
    try {
      const conversation = channel.conversation();
      await requestNewTime(conversation, 0, 'Tuesday at 4pm');
      await conversation.say('move my appointment');
      const again = await conversation.say(IDENTITY);
      const answer = lastText(again).includes('Which appointment') ? await conversation.say('Tuesday at 4pm') : again;
      assert.match(lastText(answer), /already asked to move your appointment on Tue, Dec 1 at 4:00 PM/);
    } finally {
      await admin.settings({ insertionDelayMs: 50 });
    }
    assert.equal(await cancelled(old), false);
  });
});
