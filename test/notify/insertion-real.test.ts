// Insertion as a real practice does it, end to end over HTTP: an operatory-mapped office, a
// synchronizer that goes offline, an office that confirms by hand, and the office cancelling or
// moving a bot-booked appointment, each reaching the patient's chat once.
import assert from 'node:assert/strict';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { offeredTitles } from '../support/activities';
import { startBotOnChannel, type BotOnChannel } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import type { ChannelConversation } from '../support/test-channel';
import { sleep, until } from '../support/waiting';

const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";
const BOOKED = /^You're booked: Cleaning with Dr\. .+, Tue, Dec 1 at \d+:\d\d [AP]M, Brooklyn Office\.$/;
const OFFLINE = /^The office's system is offline right now/;

interface SandboxAppointment { id: number; operatory_id: number | null; cancelled: boolean; start_time: string; patient_id: number }

async function book(conversation: ChannelConversation, pick: number): Promise<{ label: string; replies: string[] }> {
  const offer = await conversation.say(ONE_MESSAGE);
  const label = offeredTitles(offer[offer.length - 1])[pick];
  assert.ok(label, 'times were offered');
  await conversation.say(label);
  const sent = await conversation.say('yes');
  return { label, replies: sent.map((activity) => activity.text ?? '') };
}

const count = (conversation: ChannelConversation, pattern: RegExp): number => conversation.received().filter((activity) => pattern.test(activity.text ?? '')).length;

describe('insertion as a real practice does it (operatories, sync status, office changes)', function () {
  this.timeout(60_000);
  let admin: SandboxAdmin;
  let sandboxUrl: string;
  let clock: ManualClock;
  let bot: BotOnChannel;
  let app: RunningApp;
  let brooklyn: number;

  const practice = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${sandboxUrl}/__sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(response.status, 200, `${method} ${path}`);
    return response.json();
  };
  /** The patient's newest appointment as the sandbox holds it. */
  const newest = async (): Promise<SandboxAppointment> => {
    const list = await app.client.listAppointments({ locationId: brooklyn, start: SPEC_NOW.toISOString(), end: new Date(SPEC_NOW.getTime() + 30 * 86_400_000).toISOString() });
    const ours = list.filter((appointment) => appointment.id > 9100).sort((a, b) => b.id - a.id)[0];
    assert.ok(ours, 'the bot booked one');
    return ours as unknown as SandboxAppointment;
  };
  /** Reconciliation passes, each after the longest backoff, as many as would give up on a request. */
  const reconcileMany = async (times: number) => {
    for (let pass = 0; pass < times; pass += 1) {
      clock.advance(200_000);
      await app.outcomes.reconcileDue();
    }
  };

  before(async () => {
    const sandbox = await sharedSandbox();
    sandboxUrl = sandbox.url;
    admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    brooklyn = sandbox.seed.locations.brooklyn;
    clock = new ManualClock(SPEC_NOW);
    bot = await startBotOnChannel({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: String(brooklyn), RECONCILE_AFTER_SECONDS: '1' }, { clock });
    ({ app } = bot);
  });

  after(() => bot.close());

  beforeEach(() => practice('PUT', '/practice-settings', { readBackDelayMs: 50 }));

  afterEach(async () => {
    await practice('PUT', `/locations/${brooklyn}`, { insert_appt_client: true });
    await practice('PUT', `/locations/${brooklyn}/sync`, { write_status: 'green' });
  });

  it('books an operatory-mapped office with the operatory of the slot (searched with operatory_ids[])', async () => {
    const conversation = bot.channel.conversation();
    const { replies } = await book(conversation, 0);
    assert.match(replies[replies.length - 1] ?? '', /^Request sent\./);
    await conversation.waitFor(BOOKED);
    const appointment = await newest();
    assert.notEqual(appointment.operatory_id, null);
  });

  it('an offline synchronizer: no cancellation, one honest message, then the booking once it is back', async () => {
    await practice('PUT', `/locations/${brooklyn}/sync`, { write_status: 'red' });
    const conversation = bot.channel.conversation();
    await book(conversation, 1);
    await reconcileMany(8);
    await conversation.waitFor(OFFLINE);
    await reconcileMany(3);
    const appointment = await newest();
    assert.equal(appointment.cancelled, false, 'not cancelled while the office system is offline');
    assert.equal(count(conversation, OFFLINE), 1);
    assert.equal(count(conversation, /couldn't take that time/), 0);
    await practice('PUT', `/locations/${brooklyn}/sync`, { write_status: 'green' });
    await conversation.waitFor(BOOKED);
    // Once the telling has finished (a claim is only taken over after its lease, which the jumps below would pass).
    await sleep(300);
    await reconcileMany(2);
    assert.equal(count(conversation, BOOKED), 1);
    assert.equal(count(conversation, OFFLINE), 1);
  });

  it('an office that never inserts API bookings: says the office will confirm, and never cancels', async () => {
    await practice('PUT', `/locations/${brooklyn}`, { insert_appt_client: false });
    const conversation = bot.channel.conversation();
    const { replies } = await book(conversation, 2);
    assert.match(replies[replies.length - 1] ?? '', /the office will contact you to confirm it\.$/);
    await reconcileMany(8);
    const appointment = await newest();
    assert.equal(appointment.cancelled, false);
    assert.equal(count(conversation, /couldn't take that time|You're booked/), 0);
  });

  it('the office cancels a bot-booked appointment: the patient is told in the same chat, once', async () => {
    const conversation = bot.channel.conversation();
    const { label } = await book(conversation, 3);
    await conversation.waitFor(BOOKED);
    const appointment = await newest();
    await admin.webhooks({ duplicateNext: 1 });
    await practice('POST', `/appointments/${appointment.id}/office-change`, { cancelled: true });
    const told = await conversation.waitFor(/^The office cancelled/);
    assert.equal(told.text, `The office cancelled your cleaning on ${label}. Say "book" to find another time.`);
    await until(async () => (await admin.deliveries()).filter((delivery) => delivery.event_name === 'appointment_updated' && delivery.appointment_id === appointment.id).length >= 2);
    await sleep(300);
    assert.equal(count(conversation, /^The office cancelled/), 1);
  });

  it('the office moves a bot-booked appointment: the new time is told once', async () => {
    const conversation = bot.channel.conversation();
    const { label } = await book(conversation, 4);
    await conversation.waitFor(BOOKED);
    const appointment = await newest();
    const later = new Date(Date.parse(appointment.start_time) + 86_400_000).toISOString();
    await practice('POST', `/appointments/${appointment.id}/office-change`, { start_time: later });
    const told = await conversation.waitFor(/^The office moved/);
    assert.equal(told.text, `The office moved your cleaning on ${label} to Wed, Dec 2 at ${label.split(' at ')[1]}.`);
    await sleep(300);
    assert.equal(count(conversation, /^The office moved/), 1);
  });
});
