// Listing, cancelling and rescheduling through the real dialogs, service layer and sandbox.
import assert from 'node:assert/strict';
import type { AppointmentRequestListener } from '../../dialogs/dialog-services';
import type { BookingDraft } from '../../services/booking';
import { createDialogHarness, type DialogHarness, type HarnessOptions, type Reply } from '../support/dialog-harness';

const IDENTITY = "I'm Ana Diaz, born 3/4/1990, 555-201-3344";
const TUESDAY = 'Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office';
const THURSDAY = 'Cleaning with Dr. Emily Kim, Thu, Dec 3 at 10:00 AM, Manhattan Office';

function last(replies: Reply[]): Reply {
  assert.ok(replies.length > 0, 'expected a reply');
  return replies[replies.length - 1];
}

function texts(replies: Reply[]): string {
  return replies.map((reply) => `${reply.text} ${reply.choices.join(' ')}`).join('\n');
}

/** Ana's appointments, booked through the client (the seed has only a past one). */
async function bookForAna(bot: DialogHarness, which: ('tuesday' | 'thursday')[]): Promise<Record<'tuesday' | 'thursday', number>> {
  const seed = bot.sandbox.seed;
  const ids = { tuesday: 0, thursday: 0 };
  for (const day of which) {
    const created = day === 'tuesday'
      ? await bot.nexhealth.createAppointment({
        locationId: seed.locations.brooklyn, patientId: seed.patients.anaDiaz, providerId: seed.providers.sarahLee, operatoryId: seed.operatories.brooklynChair1,
        appointmentTypeId: seed.appointmentTypes.brooklyn.cleaning, startTime: '2026-12-01T14:30:00-05:00', endTime: '2026-12-01T15:30:00-05:00',
      })
      : await bot.nexhealth.createAppointment({
        locationId: seed.locations.manhattan, patientId: seed.patients.anaDiaz, providerId: seed.providers.emilyKim, operatoryId: seed.operatories.manhattanRoomA,
        appointmentTypeId: seed.appointmentTypes.manhattan.cleaning, startTime: '2026-12-03T10:00:00-05:00', endTime: '2026-12-03T11:00:00-05:00',
      });
    ids[day] = created.id;
  }
  return ids;
}

async function isCancelled(bot: DialogHarness, id: number): Promise<boolean> {
  const appointment = await bot.nexhealth.getAppointment(id);
  return Boolean(appointment.cancelled || appointment.canceled);
}

async function identify(bot: DialogHarness, start: string): Promise<Reply[]> {
  const first = await bot.say(start);
  assert.match(last(first).text, /first and last name/);
  await bot.say('Ana Diaz');
  await bot.say('3/4/1990');
  return bot.say('555-201-3344');
}

describe('my appointments: list, cancel, reschedule (dialogs over the real service layer)', function () {
  this.timeout(20_000);

  describe('list', () => {
    it('the menu button "My appointments" asks for identity first, then says there are none', async () => {
      const bot = await createDialogHarness();
      const replies = await identify(bot, 'My appointments');
      assert.equal(last(replies).text, 'You have no upcoming appointments. Want to book one?', 'Ana has a past visit only');
      const other = await createDialogHarness();
      const start = await other.say('when is my appointment');
      assert.deepEqual(start.map((reply) => reply.text), ['Sure. First I need to check who you are.', 'What is your first and last name?']);
    });

    it('lists upcoming appointments at every location, soonest first, and nothing before identity', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['thursday', 'tuesday']);
      const before: Reply[] = [];
      before.push(...await bot.say('when is my appointment'));
      before.push(...await bot.say('Ana Diaz'));
      before.push(...await bot.say('3/4/1990'));
      assert.doesNotMatch(texts(before), /Dec|Cleaning|Lee|Kim|Brooklyn|Manhattan|upcoming appointments:/, 'nothing of the record before the contact matched');
      const list = last(await bot.say('555-201-3344'));
      assert.equal(list.text, `Your upcoming appointments:\n1) ${TUESDAY}\n2) ${THURSDAY}`);
      assert.match(last(await bot.say('hi')).text, /What would you like to do/, 'the flow is over');
    });

    it('ends after three details that do not match, saying no more than "couldn\'t match"', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday']);
      await bot.say('my appointments');
      await bot.say('Ana Diaz');
      await bot.say('3/4/1990');
      const wrongContact = last(await bot.say('555-999-0000'));
      assert.match(wrongContact.text, /couldn't match those details/);
      assert.match(last(await bot.say('555-999-0001')).text, /couldn't match those details/);
      const replies = await bot.say('555-999-0002');
      assert.match(last(replies).text, /call the office/);
      assert.doesNotMatch(texts(replies), /Dec|Cleaning/);
      assert.match(last(await bot.say('555-201-3344')).text, /What would you like to do/, 'the flow ended');

      // No record with that birth date at all reads exactly like a contact that does not match.
      const stranger = await createDialogHarness();
      await stranger.say('my appointments');
      await stranger.say('Ana Diaz');
      await stranger.say('3/5/1990');
      assert.equal(last(await stranger.say('555-201-3344')).text, wrongContact.text);
    });

    it('on SMS the list is plain numbered text under 320 characters', async () => {
      const bot = await createDialogHarness({ channelId: 'sms' });
      await bookForAna(bot, ['tuesday', 'thursday']);
      await bot.say('my appointments');
      const list = last(await bot.say(IDENTITY));
      assert.equal(list.text, `Your upcoming appointments:\n1) ${TUESDAY}\n2) ${THURSDAY}`);
      assert.equal(list.activity.suggestedActions, undefined);
      assert.ok(list.text.length < 320);
    });
  });

  describe('cancel', () => {
    it('one appointment: confirms, cancels, says so', async () => {
      const bot = await createDialogHarness();
      const { tuesday } = await bookForAna(bot, ['tuesday']);
      const confirm = last(await identify(bot, 'Cancel an appointment'));
      assert.equal(confirm.text, `Cancel ${TUESDAY}?`);
      assert.deepEqual(confirm.choices, ['Yes', 'No']);
      assert.equal(last(await bot.say('yes')).text, 'Done: your Cleaning appointment on Tue, Dec 1 at 2:30 PM is cancelled.');
      assert.equal(await isCancelled(bot, tuesday), true);
    });

    it('NexHealth failing at the cancellation: says nothing was cancelled, asks again, and a second yes cancels', async () => {
      const bot = await createDialogHarness();
      const { tuesday } = await bookForAna(bot, ['tuesday']);
      await identify(bot, 'Cancel an appointment');
      await bot.admin.fault({ kind: 'server_error', path: '/appointments', method: 'PATCH', times: 10 });
      const again = last(await bot.say('yes'));
      assert.match(again.text, /can't reach the practice's scheduling system.+Nothing was cancelled yet\. Cancel .+\?$/);
      assert.equal(await isCancelled(bot, tuesday), false);
      await bot.admin.clearFaults();
      assert.match(last(await bot.say('yes')).text, /^Done: your Cleaning appointment/);
      assert.equal(await isCancelled(bot, tuesday), true);
    });

    it('several: offers them and takes "2"', async () => {
      const bot = await createDialogHarness();
      const ids = await bookForAna(bot, ['tuesday', 'thursday']);
      const pick = last(await identify(bot, 'cancel my appointment'));
      assert.equal(pick.text, 'Which appointment would you like to cancel?');
      assert.deepEqual(pick.choices, [TUESDAY, THURSDAY]);
      assert.equal(last(await bot.say('2')).text, `Cancel ${THURSDAY}?`);
      assert.match(last(await bot.say('yes')).text, /^Done: your Cleaning appointment on Thu, Dec 3 at 10:00 AM is cancelled\.$/);
      assert.equal(await isCancelled(bot, ids.thursday), true);
      assert.equal(await isCancelled(bot, ids.tuesday), false);
    });

    it('several: takes "Tuesday at 2:30" and "the second one"; help says what it waits for', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday', 'thursday']);
      await identify(bot, 'cancel my appointment');
      const help = await bot.say('help');
      assert.match(help[0].text, /waiting for you to pick one of your appointments/);
      assert.equal(last(await bot.say('Tuesday at 2:30')).text, `Cancel ${TUESDAY}?`);

      const other = await createDialogHarness();
      await bookForAna(other, ['tuesday', 'thursday']);
      await identify(other, 'cancel my appointment');
      assert.equal(last(await other.say('the second one')).text, `Cancel ${THURSDAY}?`);
    });

    it('"I can\'t make it Tuesday" goes straight to the Tuesday appointment after identity', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday', 'thursday']);
      const replies = await bot.say("I can't make it Tuesday");
      assert.match(last(replies).text, /first and last name/);
      assert.equal(last(await bot.say('Ana Diaz, born 3/4/1990, 555-201-3344')).text, `Cancel ${TUESDAY}?`);
    });

    it('a "no" leaves it as it is', async () => {
      const bot = await createDialogHarness();
      const { tuesday } = await bookForAna(bot, ['tuesday']);
      await bot.say('cancel my appointment');
      assert.equal(last(await bot.say(IDENTITY)).text, `Cancel ${TUESDAY}?`);
      assert.equal(last(await bot.say('no')).text, "OK, I've left it as it is.");
      assert.equal(await isCancelled(bot, tuesday), false);
    });

    it('a bare "cancel" inside the flow still means stop; "start over" restarts this flow', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday']);
      await bot.say('cancel my appointment');
      await bot.say('Ana Diaz');
      const restarted = await bot.say('start over');
      assert.match(restarted[0].text, /start over/i);
      assert.match(last(restarted).text, /first and last name/, 'identity again, not booking');
      assert.match(last(await bot.say('cancel')).text, /stopped/);
    });
  });

  describe('switching flows', () => {
    it('"my appointments" in the middle of a booking lists them; "book" in the middle of a cancel books', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday']);
      await bot.say('book');
      await bot.say('Brooklyn');
      const switched = await bot.say('my appointments');
      assert.match(texts(switched), /check who you are/);
      assert.equal(last(await bot.say(IDENTITY)).text, `Your upcoming appointments:\n1) ${TUESDAY}`);

      await bot.say('cancel my appointment');
      assert.match(last(await bot.say('book')).text, /Which office/);
    });
  });

  describe('reschedule', () => {
    it('books a new time for the same visit and leaves the old one until the office confirms', async () => {
      const requests: BookingDraft[] = [];
      const listener: Partial<AppointmentRequestListener> = { appointmentRequested: async (_context, request) => { requests.push(request.draft); } };
      const bot = await createDialogHarness({ requests: listener } satisfies HarnessOptions);
      const { tuesday } = await bookForAna(bot, ['tuesday']);
      const ask = await identify(bot, 'I need to move my appointment');
      assert.match(texts(ask), /new time for your Cleaning appointment on Tue, Dec 1 at 2:30 PM/);
      assert.match(last(ask).text, /When would you like to come in/);
      // Same provider as before (Dr. Lee works Monday to Wednesday in Brooklyn).
      const times = last(await bot.say('monday morning'));
      assert.ok(times.choices.length > 1, times.text);
      assert.ok(times.choices[0].startsWith('Mon, Nov 30'), times.choices.join(', '));
      assert.match(last(await bot.say('1')).text, /^Cleaning with Dr\. Sarah Lee, Mon, Nov 30 at .+, Brooklyn Office\. Book it\?$/);
      assert.equal(last(await bot.say('yes')).text, "Request sent. I'll message you here as soon as the office confirms. Your appointment on Tue, Dec 1 at 2:30 PM stays as it is until then.");
      assert.equal(requests.length, 1);
      assert.deepEqual(requests[0].replaces, { appointmentId: tuesday, summary: TUESDAY, when: 'Tue, Dec 1 at 2:30 PM' });
      assert.equal(requests[0].patientId, bot.sandbox.seed.patients.anaDiaz);
      assert.equal(await isCancelled(bot, tuesday), false, 'the old appointment stays until completion');
      const upcoming = await bot.nexhealth.listAppointments({ locationId: bot.sandbox.seed.locations.brooklyn, start: '2026-11-24T00:00:00Z', end: '2026-12-31T00:00:00Z', patientId: bot.sandbox.seed.patients.anaDiaz });
      assert.equal(upcoming.filter((appointment) => !appointment.cancelled).length, 2);
    });

    it('"can we do Friday instead": picks the appointment, then offers Friday times at once', async () => {
      const bot = await createDialogHarness();
      await bookForAna(bot, ['tuesday', 'thursday']);
      await bot.say('can we do Friday instead');
      await bot.say('Ana Diaz');
      await bot.say('3/4/1990');
      const pick = last(await bot.say('555-201-3344'));
      assert.equal(pick.text, 'Which appointment would you like to move?');
      const times = last(await bot.say('2'));
      assert.match(times.text, /Here are the times/);
      assert.ok(times.choices.length > 1 && times.choices.filter((choice) => choice !== 'Other times').every((choice) => choice.startsWith('Fri, Nov 27')), times.choices.join(', '));
    });

    it('on SMS the appointments are numbered choices', async () => {
      const bot = await createDialogHarness({ channelId: 'sms' });
      await bookForAna(bot, ['tuesday', 'thursday']);
      await bot.say('reschedule');
      const pick = last(await bot.say(IDENTITY));
      assert.equal(pick.text, `Which appointment would you like to move?\n1) ${TUESDAY}\n2) ${THURSDAY}\nReply 1-2`);
      assert.ok(pick.text.length < 320);
      assert.match(texts(await bot.say('2')), /Thu, Dec 3 at 10:00 AM/);
    });
  });
});
