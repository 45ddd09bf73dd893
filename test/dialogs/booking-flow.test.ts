// The booking conversation through the real dialogs, service layer and sandbox (botbuilder-testing).
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { createDialogHarness, type DialogHarness, type Reply } from '../support/dialog-harness';

const ZONE = 'America/New_York';
const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";

/** The local date-times of the offered choices ("Tue, Dec 1 at 2:30 PM" → DateTime), "Other times" left out. */
function offeredTimes(reply: Reply): DateTime[] {
  return reply.choices
    .filter((choice) => choice !== 'Other times')
    .map((choice) => DateTime.fromFormat(`${choice} 2026`, "ccc, LLL d 'at' h:mm a yyyy", { zone: ZONE, locale: 'en-US' }));
}

function last(replies: Reply[]): Reply {
  assert.ok(replies.length > 0, 'expected a reply');
  return replies[replies.length - 1];
}

async function reachTimes(bot: DialogHarness, when = 'next tuesday afternoon'): Promise<Reply> {
  await bot.say('book');
  await bot.say('Brooklyn');
  await bot.say('Ana Diaz');
  await bot.say('3/4/1990');
  await bot.say('555-201-3344');
  await bot.say('cleaning');
  return last(await bot.say(when));
}

async function anaAppointments(bot: DialogHarness) {
  return (await bot.nexhealth.listAppointments({
    locationId: bot.sandbox.seed.locations.brooklyn, start: '2026-11-24T00:00:00Z', end: '2026-12-31T00:00:00Z', patientId: bot.sandbox.seed.patients.anaDiaz,
  })).filter((appointment) => !appointment.cancelled);
}

describe('booking conversation (dialogs over the real service layer)', function () {
  this.timeout(20_000);

  it('asks one question at a time, in the order of the spec, and books', async () => {
    const bot = await createDialogHarness();
    assert.match(last(await bot.say('hi')).text, /book an appointment/i);
    const office = last(await bot.say('I want to book an appointment'));
    assert.match(office.text, /Which office/);
    assert.deepEqual(office.choices, ['Brooklyn Office', 'Manhattan Office']);
    assert.match(last(await bot.say('Brooklyn')).text, /first and last name/);
    assert.match(last(await bot.say('Ana Diaz')).text, /date of birth/);
    assert.match(last(await bot.say('3/4/1990')).text, /phone number or email/);
    const type = last(await bot.say('555-201-3344'));
    assert.match(type.text, /kind of appointment/);
    assert.ok(type.choices.includes('Cleaning'));
    assert.match(last(await bot.say('cleaning')).text, /When would you like to come in/);
    const times = last(await bot.say('next tuesday afternoon'));
    const offered = offeredTimes(times);
    assert.ok(offered.length >= 1 && offered.length <= 5);
    assert.equal(times.choices[times.choices.length - 1], 'Other times');
    assert.ok(offered.every((time) => time.toISODate() === '2026-12-01' && time.hour >= 12 && time.hour < 17), times.choices.join(', '));
    assert.equal(new Set(offered.map((time) => time.toMillis())).size, offered.length, 'no time offered twice');

    const confirm = last(await bot.say('2'));
    assert.match(confirm.text, new RegExp(`^Cleaning with Dr\\. .+, ${times.choices[1]}, Brooklyn Office\\. Book it\\?$`));
    assert.deepEqual(confirm.choices, ['Yes', 'No']);
    assert.equal(last(await bot.say('yes')).text, "Request sent. I'll message you here as soon as the office confirms.");

    const booked = await anaAppointments(bot);
    assert.equal(booked.length, 1);
    assert.equal(Date.parse(booked[0].start_time), offered[1].toMillis());
  });

  it('takes everything from one message and offers times next (single-location bot)', async () => {
    const bot = await createDialogHarness({ locationId: 101 });
    assert.equal(bot.sandbox.seed.locations.brooklyn, 101, 'seed id used by this test');
    const replies = await bot.say(ONE_MESSAGE);
    const offered = offeredTimes(last(replies));
    assert.ok(offered.length > 0, replies.map((reply) => reply.text).join(' / '));
    assert.ok(offered.every((time) => time.toISODate() === '2026-12-01' && time.hour >= 12 && time.hour < 17));
  });

  it('with several offices, asks only which office, then offers times', async () => {
    const bot = await createDialogHarness();
    assert.match(last(await bot.say(ONE_MESSAGE)).text, /Which office/);
    const times = last(await bot.say('the brooklyn office'));
    assert.ok(offeredTimes(times).length > 0, times.text);
  });

  it('accepts a time as the answer ("3pm", "Tuesday at 4pm")', async () => {
    const bot = await createDialogHarness();
    await reachTimes(bot);
    assert.match(last(await bot.say('3pm')).text, /Tue, Dec 1 at 3:00 PM/);
    const other = await createDialogHarness();
    await reachTimes(other);
    assert.match(last(await other.say('Tuesday at 4pm')).text, /Tue, Dec 1 at 4:00 PM/);
  });

  it('pages on with "Other times" without repeating a time', async () => {
    const bot = await createDialogHarness();
    const first = offeredTimes(await reachTimes(bot, 'next week'));
    const second = offeredTimes(last(await bot.say('Other times')));
    assert.ok(second.length > 0);
    assert.ok(second.every((time) => !first.some((earlier) => earlier.equals(time))));
  });

  it('says so when nothing is open in the window and offers the nearest times', async () => {
    const bot = await createDialogHarness();
    const reply = await reachTimes(bot, 'sunday');
    assert.match(reply.text, /Nothing is open then/);
    const offered = offeredTimes(reply);
    assert.ok(offered.length > 0);
    assert.ok(offered.every((time) => time.weekday !== 7));
  });

  it('treats "no, Thursday instead" at the confirmation as a correction', async () => {
    const bot = await createDialogHarness();
    await reachTimes(bot);
    await bot.say('1');
    const times = last(await bot.say('no, Thursday instead'));
    const offered = offeredTimes(times);
    assert.ok(offered.length > 0, times.text);
    assert.ok(offered.every((time) => time.toISODate() === '2026-11-26'));
  });

  it('a plain "no" shows the other times again', async () => {
    const bot = await createDialogHarness();
    const times = await reachTimes(bot);
    await bot.say('1');
    const again = last(await bot.say('no'));
    assert.match(again.text, /not booked/);
    assert.deepEqual(offeredTimes(again).map(String), offeredTimes(times).slice(1).map(String));
    assert.equal((await anaAppointments(bot)).length, 0);
  });

  it('says when a time was taken meanwhile and offers the next nearest', async () => {
    const bot = await createDialogHarness({ locationId: 101 });
    const times = last(await bot.say(ONE_MESSAGE));
    await bot.say('1');
    const wanted = offeredTimes(times)[0];
    // Someone else takes that time with every provider before the patient says yes.
    const seed = bot.sandbox.seed;
    for (const [providerId, operatoryId] of [[seed.providers.sarahLee, seed.operatories.brooklynChair1], [seed.providers.rajPatel, seed.operatories.brooklynChair2]]) {
      await bot.nexhealth.createAppointment({ locationId: 101, patientId: seed.patients.johnSmith1980, providerId, operatoryId, startTime: wanted.toISO() ?? '', appointmentTypeId: seed.appointmentTypes.brooklyn.cleaning }).catch(() => undefined);
    }
    const reply = last(await bot.say('yes'));
    assert.match(reply.text, /just taken/);
    const offered = offeredTimes(reply);
    assert.ok(offered.length > 0 && offered.every((time) => !time.equals(wanted)));
  });

  it('refuses a date that has passed and asks again', async () => {
    const bot = await createDialogHarness();
    const reply = await reachTimes(bot, 'last tuesday');
    assert.match(reply.text, /already passed/);
    assert.ok(offeredTimes(last(await bot.say('friday morning'))).length > 0);
  });

  it('answers help with what it is waiting for, then asks again', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Ana Diaz');
    const replies = await bot.say('help');
    assert.match(replies[0].text, /waiting for your date of birth/);
    assert.match(last(replies).text, /date of birth/);
    assert.match(last(await bot.say('March 4 1990')).text, /phone number or email/);
  });

  describe('help after a question was asked again', () => {
    /** "help" right after a re-ask: says what it waits for and asks the same question, no apology. */
    async function helpAfterReask(bot: DialogHarness, waitingFor: RegExp, question: RegExp): Promise<void> {
      const replies = await bot.say('help');
      assert.doesNotMatch(replies.map((reply) => reply.text).join('\n'), /went wrong/);
      assert.match(replies[0].text, waitingFor);
      assert.match(last(replies).text, question);
    }

    it('at the office question', async () => {
      const bot = await createDialogHarness();
      await bot.say('book');
      assert.match(last(await bot.say('qwxz')).text, /didn't catch which office/);
      await helpAfterReask(bot, /waiting for which office/, /Which office/);
      assert.match(last(await bot.say('Brooklyn')).text, /first and last name/);
    });

    it('at the appointment type question', async () => {
      const bot = await createDialogHarness();
      for (const answer of ['book', 'Brooklyn', 'Ana Diaz', '3/4/1990', '555-201-3344']) await bot.say(answer);
      assert.match(last(await bot.say('qwxz')).text, /not sure which kind of appointment/);
      await helpAfterReask(bot, /waiting for the kind of appointment/, /Please pick one/);
      assert.match(last(await bot.say('cleaning')).text, /When would you like/);
    });

    it('at the time questions (when, then which time)', async () => {
      const bot = await createDialogHarness();
      for (const answer of ['book', 'Brooklyn', 'Ana Diaz', '3/4/1990', '555-201-3344', 'cleaning']) await bot.say(answer);
      assert.match(last(await bot.say('qwxz')).text, /couldn't tell which day/);
      await helpAfterReask(bot, /waiting for when you would like to come in/, /For example/);
      const times = last(await bot.say('next tuesday afternoon'));
      assert.ok(times.choices.length > 1, 'times were offered');
      assert.match(last(await bot.say('qwxz')).text, /pick one of the times/);
      await helpAfterReask(bot, /waiting for you to pick one of the times/, /pick one of the times/);
      assert.match(last(await bot.say('1')).text, /Book it\?$/);
    });

    it('at the confirmation', async () => {
      const bot = await createDialogHarness();
      await reachTimes(bot);
      await bot.say('1');
      assert.match(last(await bot.say('qwxz')).text, /answer yes or no/);
      await helpAfterReask(bot, /waiting for a yes or no to book the time/, /Book it\?$/);
      assert.match(last(await bot.say('yes')).text, /Request sent/);
    });
  });

  it('stops on "nevermind" and forgets what was collected', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Ana Diaz');
    assert.match(last(await bot.say('nevermind')).text, /stopped/);
    assert.match(last(await bot.say('book')).text, /Which office/);
    assert.match(last(await bot.say('Brooklyn')).text, /first and last name/, 'the name was forgotten');
  });

  it('starts over on "start over"', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Ana Diaz');
    const replies = await bot.say('start over');
    assert.match(replies[0].text, /start over/i);
    assert.match(last(replies).text, /Which office/);
  });

  it('re-asks kindly when an answer is not understood, keeping what it had', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Ana Diaz');
    assert.match(last(await bot.say('🙂🙂')).text, /couldn't read that date of birth/);
    assert.match(last(await bot.say({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://example.invalid/x.png' }] })).text, /only read text/);
    assert.match(last(await bot.say('3/4/1990')).text, /phone number or email/);
  });

  it('creates a new patient once, after asking for phone, email and (with three choices) sex', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Zed Newman');
    await bot.say('July 9 2001');
    const noMatch = await bot.say('555-444-1212');
    assert.match(noMatch[0].text, /couldn't find a record/);
    assert.match(last(noMatch).text, /email/);
    const sex = last(await bot.say('Zed@Example.com'));
    assert.match(sex.text, /which sex/);
    assert.deepEqual(sex.choices, ['Male', 'Female', 'Other']);
    assert.match(last(await bot.say('purple')).text, /didn't catch that.*which sex/);
    assert.match(last(await bot.say('male')).text, /kind of appointment/);
    const created = await bot.nexhealth.searchPatients({ locationId: 101, name: 'Newman' });
    assert.equal(created.length, 1);
    assert.equal(created[0].bio?.date_of_birth, '2001-07-09');
    assert.equal(created[0].bio?.gender, 'Male');
    assert.equal(created[0].email, 'zed@example.com', 'sent lower-case, as the API requires');
    const providers = (await bot.nexhealth.listProviders(101)).map((provider) => provider.id);
    assert.equal((created[0] as { provider_id?: number }).provider_id, providers[0], "the location's first bookable provider");
  });

  it('registers a new patient with the provider they asked for', async () => {
    const bot = await createDialogHarness();
    await bot.say('book a cleaning with Dr. Patel in Brooklyn');
    await bot.say('Zed Newman');
    await bot.say('July 9 2001');
    await bot.say('555-444-1212');
    await bot.say('zed@example.com');
    await bot.say('3'); // the third choice, as an SMS patient answers a numbered list
    const [created] = await bot.nexhealth.searchPatients({ locationId: 101, name: 'Newman' });
    assert.equal(created.bio?.gender, 'Other');
    assert.equal((created as { provider_id?: number }).provider_id, bot.sandbox.seed.providers.rajPatel);
  });

  it('takes a corrected name ("it\'s Ana not Anna") and finds the record', async () => {
    const bot = await createDialogHarness();
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Anna Diaz');
    await bot.say('3/4/1990');
    assert.match(last(await bot.say('555-201-3344')).text, /email/);
    assert.match(last(await bot.say("no, it's Ana not Anna")).text, /kind of appointment/);
    assert.equal((await bot.nexhealth.searchPatients({ locationId: 101, name: 'Diaz' })).length, 1, 'no duplicate created');
  });

  it('tells two records with the same name and birth date apart by phone, and stops after three misses', async () => {
    const bot = await createDialogHarness();
    const maria = (await bot.nexhealth.searchPatients({ locationId: 101, name: 'Garcia' })).filter((patient) => patient.first_name === 'Maria');
    assert.equal(maria.length, 2);
    const dob = maria[0].bio?.date_of_birth ?? '';
    await bot.say('book');
    await bot.say('Brooklyn');
    await bot.say('Maria Garcia');
    await bot.say(dob);
    const miss = last(await bot.say('555-999-0000'));
    assert.match(miss.text, /couldn't match/);
    assert.doesNotMatch(miss.text, /Garcia|record of|two/i, 'reveals nothing about the records');
    assert.match(last(await bot.say(maria[1].bio?.phone_number ?? '')).text, /kind of appointment/);

    const unlucky = await createDialogHarness();
    await unlucky.say('book');
    await unlucky.say('Brooklyn');
    await unlucky.say('Maria Garcia');
    await unlucky.say(dob);
    await unlucky.say('555-999-0000');
    await unlucky.say('555-999-0001');
    assert.match(last(await unlucky.say('555-999-0002')).text, /call the office/);
  });
});

describe('booking never doubles up', function () {
  this.timeout(20_000);
  const ONE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";

  async function anaUpcoming(bot: DialogHarness) {
    return (await bot.nexhealth.listAppointments({
      locationId: 101, start: '2026-11-24T00:00:00Z', end: '2026-12-31T00:00:00Z', patientId: bot.sandbox.seed.patients.anaDiaz,
    })).filter((appointment) => !appointment.cancelled);
  }

  it('a turn that fails after the create, then "yes" again: one appointment, and it is recorded', async () => {
    let failures = 1;
    const recorded: number[] = [];
    const bot = await createDialogHarness({
      locationId: 101,
      requests: { appointmentRequested: async (_context, request) => {
        if (failures > 0) { failures -= 1; throw new Error('storage down'); }
        recorded.push(request.appointment.id);
      } },
    });
    await bot.say(ONE);
    await bot.say('2');
    await assert.rejects(bot.say('yes'));
    const again = last(await bot.say('yes'));
    assert.match(again.text, /^Request sent\./);
    const booked = await anaUpcoming(bot);
    assert.equal(booked.length, 1);
    assert.deepEqual(recorded, [booked[0].id]);
  });

  it('NexHealth failing at the create: says it may retry safely, and a second yes books once', async () => {
    const bot = await createDialogHarness({ locationId: 101 });
    await bot.say(ONE);
    await bot.say('1');
    await bot.admin.fault({ kind: 'lose_response', path: '/appointments', method: 'POST', times: 1 });
    await bot.admin.fault({ kind: 'server_error', path: '/appointments', method: 'GET', times: 10 });
    const unsure = last(await bot.say('yes'));
    assert.match(unsure.text, /won't be booked twice/);
    await bot.admin.clearFaults();
    assert.match(last(await bot.say('yes')).text, /^Request sent\./);
    assert.equal((await anaUpcoming(bot)).length, 1);
  });
});
