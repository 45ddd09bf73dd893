// Whole conversations over real HTTP: a test channel posts activities to the bot's /api/messages
// with its own serviceUrl (as the Emulator does) and reads the replies the bot sends back to it;
// bookings are then checked through the sandbox's API.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_VERSIONS } from '../../services/nexhealth';
import { FileStorage } from '../../services/storage';
import type { Activity } from 'botbuilder';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { SPEC_NOW } from '../support/dialog-harness';
import { startTestApp } from '../support/app';
import { freePort } from '../support/free-port';
import { SandboxAdmin, sharedSandbox, slotsPath } from '../support/sandbox';
import { TestChannel } from '../support/test-channel';

const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";

function choices(activity: Activity | undefined): string[] {
  return activity?.suggestedActions?.actions.map((action) => String(action.title)) ?? [];
}


function lastOf(replies: Activity[]): Activity {
  assert.ok(replies.length > 0, 'the bot answered nothing');
  return replies[replies.length - 1];
}

describe('end-to-end conversations over HTTP', function () {
  this.timeout(30_000);
  let admin: SandboxAdmin;
  let multiLocation: RunningApp;
  let brooklynOnly: RunningApp;
  let channel: TestChannel;
  let brooklynChannel: TestChannel;
  let smsChannel: TestChannel;

  before(async () => {
    const sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    const clock = new ManualClock(SPEC_NOW);
    multiLocation = await startTestApp({}, { clock });
    brooklynOnly = await startTestApp({ NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { clock });
    channel = new TestChannel(multiLocation.url);
    brooklynChannel = new TestChannel(brooklynOnly.url);
    smsChannel = new TestChannel(multiLocation.url, 'sms');
    await Promise.all([channel.start(), brooklynChannel.start(), smsChannel.start()]);
  });

  beforeEach(() => admin.reset(SPEC_NOW));

  after(async () => {
    await Promise.all([channel.stop(), brooklynChannel.stop(), smsChannel.stop()]);
    await Promise.all([multiLocation.close(), brooklynOnly.close()]);
  });

  it('greets a new conversation once', async () => {
    const conversation = channel.conversation();
    const added: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Patient' }], recipient: { id: 'bot', name: 'Bot' } };
    const first = await conversation.send(added);
    assert.equal(first.replies.length, 1);
    assert.match(first.replies[0].text ?? '', /front desk assistant/);
    const again = await conversation.send(added);
    assert.equal(again.replies.length, 0);
  });

  it('a double-tapped "Yes" books once and answers once', async () => {
    const conversation = brooklynChannel.conversation();
    const offer = lastOf(await conversation.say(ONE_MESSAGE));
    await conversation.say(choices(offer)[0]);
    const [first, second] = await Promise.all([conversation.send({ text: 'Yes' }), conversation.send({ text: 'Yes' })]);
    assert.ok(first.status < 300 && second.status < 300);
    const texts = conversation.received().map((activity) => activity.text ?? '');
    assert.equal(texts.filter((text) => /^Request sent\./.test(text)).length, 1, texts.slice(-4).join(' / '));
    assert.ok(!texts.some((text) => /went wrong|just taken/.test(text)), texts.slice(-4).join(' / '));
    const seed = (await sharedSandbox()).seed;
    const booked = await brooklynOnly.client.listAppointments({ locationId: seed.locations.brooklyn, start: '2026-11-24T00:00:00Z', end: '2026-12-31T00:00:00Z', patientId: seed.patients.anaDiaz });
    assert.equal(booked.filter((appointment) => !appointment.cancelled).length, 1);
  });

  it('books step by step with two offices, by button titles and answers', async () => {
    const conversation = channel.conversation();
    assert.deepEqual(choices(lastOf(await conversation.say('I need an appointment'))), ['Brooklyn Office', 'Manhattan Office']);
    await conversation.say('Manhattan Office');
    await conversation.say('this is maria garcia');
    const dob = (await multiLocation.client.searchPatients({ locationId: 102, name: 'Garcia' })).find((patient) => patient.first_name === 'Maria')?.bio?.date_of_birth ?? '';
    await conversation.say(`born ${dob}`);
    const phone = (await multiLocation.client.searchPatients({ locationId: 102, name: 'Garcia' })).find((patient) => patient.first_name === 'Maria')?.bio?.phone_number ?? '';
    assert.match(lastOf(await conversation.say(phone)).text ?? '', /kind of appointment/);
    assert.match(lastOf(await conversation.say('consultation')).text ?? '', /When would you like/);
    const offer = lastOf(await conversation.say('thursday morning'));
    assert.ok(choices(offer).length > 1, offer.text);
    await conversation.say('1');
    assert.match(lastOf(await conversation.say('yep')).text ?? '', /^Request sent\./);
  });

  it('answers bad input kindly and keeps the conversation where it was', async () => {
    const conversation = channel.conversation();
    await conversation.say('book');
    assert.match(lastOf(await conversation.say('Brooklyn')).text ?? '', /first and last name/);
    const cases: Partial<Activity>[] = [
      { text: '' },
      { text: '   ' },
      { attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/photo.png' }] },
      { text: 'x'.repeat(10_000) },
      { type: 'somethingNew' },
    ];
    for (const activity of cases) {
      const { status, replies } = await conversation.send(activity);
      assert.ok(status < 300, `status ${status}`);
      assert.equal(replies.length, 1, JSON.stringify(activity).slice(0, 60));
      assert.match(replies[0].text ?? '', /only read text|too long/);
    }
    assert.match(lastOf(await conversation.say('😀🦷')).text ?? '', /first and last name/);
    assert.match(lastOf(await conversation.say('Ana Diaz')).text ?? '', /date of birth/, 'still at the same question');
  });

  it('survives NexHealth being down: apologises, and the same answer works once it is back', async () => {
    const conversation = brooklynChannel.conversation();
    await admin.fault({ kind: 'server_error', path: slotsPath() });
    const sorry = lastOf(await conversation.say(ONE_MESSAGE));
    assert.match(sorry.text ?? '', /can't reach the practice's scheduling system/);
    await admin.clearFaults();
    const offer = lastOf(await conversation.say(ONE_MESSAGE));
    assert.ok(choices(offer).length > 1, offer.text);
  });

  it('talks plain numbered text under 320 characters on SMS', async () => {
    const conversation = smsChannel.conversation();
    const replies = [
      ...(await conversation.say('book')),
      ...(await conversation.say('2')),
    ];
    assert.match(replies[0].text ?? '', /1\) Brooklyn Office\n2\) Manhattan Office\nReply 1-2/);
    assert.match(lastOf(replies).text ?? '', /first and last name/, 'picked Manhattan by number');
    await conversation.say('Ana Diaz');
    await conversation.say('3/4/1990');
    const types = lastOf(await conversation.say('555-201-3344'));
    assert.match(types.text ?? '', /\n1\) .+\n2\) /);
    const offer = lastOf(await conversation.say('1'));
    assert.match(offer.text ?? '', /When would you like/);
    const times = lastOf(await conversation.say('monday afternoon'));
    for (const reply of conversation.received()) {
      assert.ok((reply.text ?? '').length <= 320, `too long: ${reply.text}`);
      assert.equal(reply.suggestedActions, undefined);
      assert.doesNotMatch(reply.text ?? '', /\*\*|__|\[.+\]\(/);
    }
    assert.match(times.text ?? '', /Reply 1-\d/);
  });

  it('picks up where it was after the bot restarts (durable file storage, as npm start uses)', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'bot-state-'));
    const port = String(await freePort());
    const env = { STORAGE: 'file', STORAGE_DIR: directory, PORT: port };
    const clock = new ManualClock(SPEC_NOW);
    let app = await startTestApp(env, { storage: new FileStorage(directory), clock });
    const restartChannel = new TestChannel(app.url);
    await restartChannel.start();
    try {
      const conversation = restartChannel.conversation();
      await conversation.say('book');
      await conversation.say('Brooklyn');
      assert.match(lastOf(await conversation.say('Ana Diaz')).text ?? '', /date of birth/);
      await app.close();
      app = await startTestApp(env, { storage: new FileStorage(directory), clock });
      assert.match(lastOf(await conversation.say('3/4/1990')).text ?? '', /phone number or email/, 'the new process knew the question and the name');
    } finally {
      await restartChannel.stop();
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('strips the @mention in a Teams group chat and answers with a card, never suggested actions', async () => {
    const teams = new TestChannel(multiLocation.url, 'msteams');
    await teams.start();
    try {
      const conversation = teams.conversation({ conversationType: 'groupChat' });
      const reply = lastOf(await conversation.say('<at>Booking Bot</at> book', {
        entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Booking Bot' }, text: '<at>Booking Bot</at>' }],
      }));
      assert.match(reply.text ?? '', /Which office/);
      assert.equal(reply.suggestedActions, undefined);
      assert.equal(reply.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.hero');
    } finally {
      await teams.stop();
    }
  });

  // The conversations that cross the versioned surface (slot search, patient search and create,
  // the patient's appointments, cancel), on each NexHealth API version the bot can be set to.
  for (const apiVersion of API_VERSIONS) {
    describe(`on NexHealth API ${apiVersion} (NEXHEALTH_API_VERSION=${apiVersion})`, () => {
      let app: RunningApp;
      let versionChannel: TestChannel;

      before(async () => {
        const sandbox = await sharedSandbox();
        app = await startTestApp({ NEXHEALTH_API_VERSION: apiVersion, NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { clock: new ManualClock(SPEC_NOW) });
        versionChannel = new TestChannel(app.url);
        await versionChannel.start();
      });

      after(async () => {
        await versionChannel.stop();
        await app.close();
      });

      /** The bot spoke this version: its slot searches went to this version's path, none to the other's. */
      const spokeThisVersion = async (): Promise<void> => {
        const counters = await admin.counters();
        const other = API_VERSIONS.find((version) => version !== apiVersion);
        assert.ok((counters[`GET ${slotsPath(apiVersion)}`] ?? 0) > 0, JSON.stringify(counters));
        assert.equal(counters[`GET ${slotsPath(other)}`], undefined);
      };

      it('books from one message: the next reply offers times, then confirms and sends the request', async () => {
        const conversation = versionChannel.conversation();
        const offer = lastOf(await conversation.say(ONE_MESSAGE));
        const times = choices(offer).filter((title) => title !== 'Other times');
        assert.ok(times.length > 0 && times.every((title) => title.startsWith('Tue, Dec 1 at ')), offer.text);
        const confirm = lastOf(await conversation.say(times[0]));
        assert.match(confirm.text ?? '', new RegExp(`Cleaning with Dr\\. .+, ${times[0]}, Brooklyn Office\\. Book it\\?`));
        assert.match(lastOf(await conversation.say('yes')).text ?? '', /^Request sent\./);

        const booked = await app.client.listAppointments({ locationId: 101, start: '2026-12-01T00:00:00Z', end: '2026-12-02T05:00:00Z', patientId: (await sharedSandbox()).seed.patients.anaDiaz });
        assert.equal(booked.filter((appointment) => !appointment.cancelled).length, 1);
        await spokeThisVersion();
      });

      it('registers a new patient once and books their first visit', async () => {
        const conversation = versionChannel.conversation();
        await conversation.say('book a cleaning');
        await conversation.say('Zed Newman');
        await conversation.say('July 9 2001');
        assert.match(lastOf(await conversation.say('555-444-1212')).text ?? '', /email/);
        assert.match(lastOf(await conversation.say('zed@example.com')).text ?? '', /which sex/);
        const offer = lastOf(await conversation.say('male'));
        const ask = choices(offer).length > 1 ? offer : lastOf(await conversation.say('next Tuesday afternoon'));
        await conversation.say(choices(ask)[0]);
        assert.match(lastOf(await conversation.say('yes')).text ?? '', /^Request sent\./);
        const created = await app.client.searchPatients({ locationId: 101, name: 'Newman' });
        assert.equal(created.length, 1);
        const booked = await app.client.listAppointments({ locationId: 101, start: '2026-11-24T00:00:00Z', end: '2026-12-31T00:00:00Z', patientId: created[0].id });
        assert.equal(booked.length, 1);
        await spokeThisVersion();
      });

      it("cancels the patient's appointment, found by a patient-scoped query", async () => {
        const seed = (await sharedSandbox()).seed;
        const created = await app.client.createAppointment({
          locationId: seed.locations.brooklyn, patientId: seed.patients.anaDiaz, providerId: seed.providers.sarahLee, operatoryId: seed.operatories.brooklynChair1,
          appointmentTypeId: seed.appointmentTypes.brooklyn.cleaning, startTime: '2026-12-01T14:30:00-05:00', endTime: '2026-12-01T15:30:00-05:00',
        });
        const conversation = versionChannel.conversation();
        assert.match(lastOf(await conversation.say('Cancel an appointment')).text ?? '', /first and last name/);
        await conversation.say('Ana Diaz');
        await conversation.say('3/4/1990');
        const confirm = lastOf(await conversation.say('555-201-3344'));
        assert.equal(confirm.text, 'Cancel Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office?');
        assert.equal(lastOf(await conversation.say('yes')).text, 'Done: your Cleaning appointment on Tue, Dec 1 at 2:30 PM is cancelled.');
        assert.equal((await app.client.getAppointment(created.id)).cancelled, true);
      });
    });
  }
});
