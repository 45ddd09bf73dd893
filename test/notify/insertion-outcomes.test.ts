// The outcomes coordinator on real storage and the real client against the sandbox; the messenger
// (the bot's proactive turn) is replaced by a recorder, since this suite is about deciding what to tell.
import assert from 'node:assert/strict';
import { SweepableMemoryStorage } from '../../bot/state-stores';
import { ManualClock } from '../../services/clock';
import { createLogger } from '../../services/logger';
import { NexHealthClient } from '../../services/nexhealth';
import { InsertionOutcomes, PendingAppointmentStore, PendingRequests, UNDELIVERABLE_AFTER_MS, type InsertionOutcome, type ProactiveMessage, type ProactiveMessenger } from '../../services/notify';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { until } from '../support/waiting';


/** The outcome a message tells, and the appointment (the test's conversations name it). */
function toldOf(conversation: Record<string, unknown>, message: ProactiveMessage): { appointmentId: number; outcome: InsertionOutcome } {
  return { appointmentId: Number(conversation.appointmentId), outcome: message.kind === 'refused' ? 'failed' : 'complete' };
}

/** A messenger that records insertion results (and, if asked, notices) and sends nothing. */
function messenger(onResult: (conversation: Record<string, unknown>, message: ProactiveMessage) => Promise<void> | void, onNotice: (kind: string) => void = () => undefined): ProactiveMessenger {
  return {
    async send(conversation, message) {
      if (message.kind === 'booked' || message.kind === 'rescheduled' || message.kind === 'refused') await onResult(conversation, message);
      else onNotice(message.kind);
    },
  };
}

const recorder = (store: PendingAppointmentStore, clock: ManualClock) => new PendingRequests(store, clock, { reconcileAfterMs: 1_000 });

describe('insertion outcomes', function () {
  this.timeout(20_000);
  let told: { appointmentId: number; outcome: InsertionOutcome }[];
  let outcomes: InsertionOutcomes;
  let store: PendingAppointmentStore;
  let client: NexHealthClient;
  let clock: ManualClock;
  let admin: SandboxAdmin;
  let seed: Awaited<ReturnType<typeof sharedSandbox>>['seed'];

  const pending = (appointmentId: number) => ({ appointmentId, conversation: { appointmentId }, summary: 'Cleaning', retry: {} });

  async function requestAppointment(startTime: string): Promise<number> {
    const appointment = await client.createAppointment({
      locationId: seed.locations.brooklyn, patientId: seed.patients.anaDiaz, providerId: seed.providers.rajPatel,
      operatoryId: seed.operatories.brooklynChair2, startTime, appointmentTypeId: seed.appointmentTypes.brooklyn.consultation,
    });
    return appointment.id;
  }

  beforeEach(async () => {
    const sandbox = await sharedSandbox();
    seed = sandbox.seed;
    admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    clock = new ManualClock(SPEC_NOW);
    client = new NexHealthClient({ baseUrl: sandbox.url, apiKey: 'sandbox-api-key', subdomain: 'demo-dental', clock });
    told = [];
    store = new PendingAppointmentStore(new SweepableMemoryStorage());
    outcomes = new InsertionOutcomes(store, client, messenger((conversation, message) => { told.push(toldOf(conversation, message)); }), clock, createLogger({ level: 'silent' }), { reconcileAfterMs: 1_000, maxChecks: 2 });
    await outcomes.start();
  });

  afterEach(() => outcomes.stop());

  it('delivers an outcome that arrived before the request was recorded, once, after the turn', async () => {
    await outcomes.handleWebhook({ kind: 'insertion', appointmentId: 42, outcome: 'complete' });
    assert.deepEqual(told, []);
    await recorder(store, clock).requested(pending(42));
    assert.deepEqual(told, [], 'not inside the patient\'s own turn');
    await until(() => told.length > 0);
    assert.deepEqual(told, [{ appointmentId: 42, outcome: 'complete' }]);
    await outcomes.handleWebhook({ kind: 'insertion', appointmentId: 42, outcome: 'complete' });
    assert.equal(told.length, 1);
  });

  it('ignores a later, contradicting event for an appointment already told', async () => {
    await recorder(store, clock).requested(pending(43));
    await outcomes.handleWebhook({ kind: 'insertion', appointmentId: 43, outcome: 'failed' });
    await outcomes.handleWebhook({ kind: 'insertion', appointmentId: 43, outcome: 'complete' });
    assert.deepEqual(told, [{ appointmentId: 43, outcome: 'failed' }]);
  });

  it('waits while NexHealth has no answer, then cancels the request and reports it refused', async () => {
    await admin.failInsertions(1);
    await admin.webhooks({ dropNext: 1 });
    const appointmentId = await requestAppointment('2026-12-02T15:00:00.000-05:00');
    await recorder(store, clock).requested(pending(appointmentId));
    await outcomes.reconcileDue();
    assert.deepEqual(told, [], 'not due yet');
    clock.advance(1_100);
    await outcomes.reconcileDue();
    assert.deepEqual(told, [], 'first check: still nothing, ask again later');
    clock.advance(2_100);
    await outcomes.reconcileDue();
    assert.deepEqual(told, [{ appointmentId, outcome: 'failed' }]);
    assert.equal((await client.getAppointment(appointmentId)).cancelled, true, 'cancelled before telling, so it can never complete later');
  });

  it('does not take NexHealth\'s own "Nex" foreign id for an insertion', async () => {
    const sandbox = await sharedSandbox();
    const settings = await fetch(`${sandbox.url}/__sandbox/practice-settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nexForeignIdsWhilePending: true }) });
    assert.equal(settings.status, 200);
    await admin.settings({ insertionDelayMs: 60_000 });
    const appointmentId = await requestAppointment('2026-12-02T14:00:00.000-05:00');
    assert.match((await client.getAppointment(appointmentId)).foreign_id_type ?? '', /^Nex/);
    await recorder(store, clock).requested(pending(appointmentId));
    clock.advance(1_100);
    await outcomes.reconcileDue();
    assert.deepEqual(told, [], 'still waiting for the record system');
  });

  it("tells the office's cancellation of a watched appointment once, and never the bot's own", async () => {
    const notices: string[] = [];
    const watching = new InsertionOutcomes(store, client, messenger(() => undefined, (kind) => notices.push(kind)),
      clock, createLogger({ level: 'silent' }), { reconcileAfterMs: 1_000 });
    const theirs = await requestAppointment('2026-12-02T13:00:00.000-05:00');
    const ours = await requestAppointment('2026-12-02T14:00:00.000-05:00');
    for (const appointmentId of [theirs, ours]) {
      await recorder(store, clock).requestedWithoutInsertion({ appointmentId, conversation: {}, type: 'Consultation', start: '2026-12-02T19:00:00.000Z', timeZone: 'America/New_York' });
    }
    await recorder(store, clock).cancelling(ours);
    for (const appointmentId of [theirs, ours]) await client.cancelAppointment(appointmentId);
    await watching.handleWebhook({ kind: 'appointment_updated', appointmentIds: [theirs, ours] });
    await watching.handleWebhook({ kind: 'appointment_updated', appointmentIds: [theirs] });
    assert.deepEqual(notices, ['office_cancelled']);
  });

  it('never cancels a request that a webhook is telling the patient about right now', async () => {
    await admin.failInsertions(1);
    await admin.webhooks({ dropNext: 1 });
    const appointmentId = await requestAppointment('2026-12-02T16:00:00.000-05:00');
    // Gives up at its first check, so only the claim can hold it back.
    const impatient = new InsertionOutcomes(store, client, messenger(() => { told.push({ appointmentId, outcome: 'failed' }); }),
      clock, createLogger({ level: 'silent' }), { reconcileAfterMs: 1_000, maxChecks: 1 });
    await recorder(store, clock).requested(pending(appointmentId));
    // A "complete" webhook has claimed it and is sending "You're booked" at this very moment.
    assert.equal((await store.claim(appointmentId, 'complete', clock.now())).kind, 'claimed');
    clock.advance(1_100);
    await impatient.reconcileDue();
    assert.equal((await client.getAppointment(appointmentId)).cancelled, false);
    assert.deepEqual(told, []);
  });

  it('keeps a request pending when telling the patient fails, and tells them on the next try', async () => {
    let fail = true;
    const notifier = messenger((conversation, message) => {
      if (fail) throw new Error('channel down');
      told.push(toldOf(conversation, message));
    });
    const flakyStore = new PendingAppointmentStore(new SweepableMemoryStorage());
    const flaky = new InsertionOutcomes(flakyStore, client, notifier, clock, createLogger({ level: 'silent' }), { reconcileAfterMs: 1_000 });
    await recorder(flakyStore, clock).requested(pending(44));
    await assert.rejects(flaky.handleWebhook({ kind: 'insertion', appointmentId: 44, outcome: 'complete' }));
    fail = false;
    await flaky.handleWebhook({ kind: 'insertion', appointmentId: 44, outcome: 'complete' });
    assert.deepEqual(told, [{ appointmentId: 44, outcome: 'complete' }]);
  });

  it('gives up a result it could not tell for a week, keeping nothing of the conversation or the patient', async () => {
    const notifier = messenger(() => { throw new Error('conversation gone'); });
    const undeliverable = new PendingAppointmentStore(new SweepableMemoryStorage());
    const stuck = new InsertionOutcomes(undeliverable, client, notifier, clock, createLogger({ level: 'silent' }), { reconcileAfterMs: 1_000 });
    const record = { appointmentId: 45, conversation: { conversation: { id: 'c-45' } }, summary: 'Cleaning, Tue, Dec 1 at 1:00 PM', retry: { patientId: 7 }, replaces: { appointmentId: 9, summary: 'Cleaning', when: 'Mon' } };
    await recorder(undeliverable, clock).requested(record);
    clock.advance(UNDELIVERABLE_AFTER_MS - 1);
    await assert.rejects(stuck.handleWebhook({ kind: 'insertion', appointmentId: 45, outcome: 'complete' }));
    assert.equal((await undeliverable.get(45))?.state, 'pending', 'still retried within the week');
    clock.advance(1);
    await assert.rejects(stuck.handleWebhook({ kind: 'insertion', appointmentId: 45, outcome: 'complete' }));
    const tombstone = await undeliverable.get(45);
    assert.deepEqual([tombstone?.state, tombstone?.conversation, tombstone?.retry, tombstone?.summary, tombstone?.replaces], ['notified', {}, {}, '', undefined]);
    assert.deepEqual(await undeliverable.pendingIds(), []);
  });
});
