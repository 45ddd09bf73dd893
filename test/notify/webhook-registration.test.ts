// Webhook registration against the sandbox, as NexHealth behaves: GET /webhook_endpoints shows the
// secret, endpoints may belong to another deployment on the same key, subscriptions can be PATCHed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../services/clock';
import { createLogger } from '../../services/logger';
import type { NexHealthClient } from '../../services/nexhealth';
import type { RunningSandbox } from '../../sandbox';
import { ensureWebhookRegistration, readWebhookRegistration, INSERTION_EVENT, WEBHOOK_SUBSCRIPTIONS as SUBSCRIPTIONS } from '../../services/notify';
import { FileStorage } from '../../services/storage';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { sandboxClient } from '../support/sandbox-client';

const TARGET = 'http://127.0.0.1:9/api/nexhealth/webhooks';
const logger = createLogger({ level: 'silent' });

describe('webhook registration', function () {
  this.timeout(20_000);
  let client: NexHealthClient;
  let v2Client: NexHealthClient;
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  let directories: string[] = [];
  const storage = (): FileStorage => {
    const directory = mkdtempSync(path.join(tmpdir(), 'webhook-reg-'));
    directories.push(directory);
    return new FileStorage(directory);
  };

  before(async () => {
    sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    client = sandboxClient(sandbox, new ManualClock(new Date('2026-11-24T15:00:00Z')));
    v2Client = sandboxClient(sandbox, new ManualClock(new Date('2026-11-24T15:00:00Z')), { apiVersion: 'v2' });
  });

  beforeEach(() => admin.reset(new Date('2026-11-24T15:00:00Z')));

  afterEach(() => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    directories = [];
  });

  it('subscribes to insertions, office changes and the synchronizer\'s write status, once each', async () => {
    const { endpointId } = await ensureWebhookRegistration(client, storage(), TARGET, logger);
    const subscriptions = await client.listWebhookSubscriptions(endpointId);
    assert.deepEqual(subscriptions.map((item) => [item.resource_type, item.event, item.active]), [
      ['Appointment', 'appointment_insertion', true], ['Appointment', 'appointment_updated', true], ['SyncStatus', 'sync_status_write_change', true],
    ]);
  });

  it("never deletes an endpoint this deployment did not create (another deployment's, same URL)", async () => {
    const theirs = await ensureWebhookRegistration(client, storage(), TARGET, logger);
    const ours = await ensureWebhookRegistration(client, storage(), TARGET, logger);
    assert.notEqual(ours.endpointId, theirs.endpointId);
    const ids = (await client.listWebhookEndpoints()).map((endpoint) => endpoint.id);
    assert.ok(ids.includes(theirs.endpointId) && ids.includes(ours.endpointId));
  });

  it('takes the secret from GET /webhook_endpoints when the stored one is out of date', async () => {
    const store = storage();
    const registered = await ensureWebhookRegistration(client, store, TARGET, logger);
    await store.write({ 'nexhealth-webhook/registration': { ...registered, secret: 'stale', eTag: '*' } });
    const again = await ensureWebhookRegistration(client, store, TARGET, logger);
    assert.equal(again.endpointId, registered.endpointId);
    assert.equal(again.secret, registered.secret);
    assert.equal((await readWebhookRegistration(store))?.secret, registered.secret);
  });

  it('re-activates a disabled subscription with PATCH instead of creating a duplicate', async () => {
    const store = storage();
    const { endpointId } = await ensureWebhookRegistration(client, store, TARGET, logger);
    const subscriptions = await client.listWebhookSubscriptions(endpointId);
    const subscription = subscriptions.find((item) => item.event === INSERTION_EVENT);
    assert.ok(subscription);
    await client.updateWebhookSubscription(endpointId, subscription.id, { active: false });
    await admin.resetCounters();
    await ensureWebhookRegistration(client, store, TARGET, logger);
    const after = await client.listWebhookSubscriptions(endpointId);
    assert.deepEqual(after.filter((item) => item.event === INSERTION_EVENT).map((item) => [item.id, item.event, item.active]), [[subscription.id, INSERTION_EVENT, true]]);
    assert.equal(after.length, subscriptions.length, 'no duplicate of any subscription');
    const counters = await admin.counters();
    assert.equal(counters['PATCH /webhook_endpoints/:id/webhook_subscriptions/:sid'], 1);
    assert.equal(counters['POST /webhook_endpoints/:id/webhook_subscriptions'], undefined);
  });

  describe('subscriptions are pinned to the API version that created them', () => {
    /** Books a time so the sandbox sends an appointment_insertion event; returns the appointment id. */
    const book = async (): Promise<number> => {
      const brooklyn = sandbox.seed.locations.brooklyn;
      const type = sandbox.seed.appointmentTypes.brooklyn.cleaning;
      // Brooklyn books by operatory: its chairs go with the search.
      const operatoryIds = [sandbox.seed.operatories.brooklynChair1, sandbox.seed.operatories.brooklynChair2];
      const [group] = await client.getAppointmentSlots({ startDate: '2026-11-25', days: 1, locationIds: [brooklyn], providerIds: [sandbox.seed.providers.sarahLee], appointmentTypeId: type, operatoryIds });
      const slot = group.slots[0];
      const booked = await client.createAppointment({
        locationId: brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
        startTime: slot.time, operatoryId: slot.operatory_id ?? undefined, appointmentTypeId: type,
      });
      return booked.id;
    };

    const firstDeliveries = async (appointmentId: number) => {
      const deadline = Date.now() + 3_000;
      for (;;) {
        const found = (await admin.deliveries()).filter((delivery) => delivery.appointment_id === appointmentId && delivery.event_name.startsWith(INSERTION_EVENT));
        if (found.length > 0 || Date.now() > deadline) return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    it('records the version it subscribed under, and re-subscribes under the new one after a change', async () => {
      const store = storage();
      const onV2 = await ensureWebhookRegistration(v2Client, store, TARGET, logger);
      assert.equal(onV2.subscriptionVersion, 'v2');
      const old = await client.listWebhookSubscriptions(onV2.endpointId);
      const onV3 = await ensureWebhookRegistration(client, store, TARGET, logger);
      assert.equal(onV3.endpointId, onV2.endpointId, 'the endpoint is kept');
      assert.equal((await readWebhookRegistration(store))?.subscriptionVersion, 'v3');
      const now = await client.listWebhookSubscriptions(onV3.endpointId);
      assert.equal(now.length, SUBSCRIPTIONS.length, 'the v2 subscriptions are gone, not doubled');
      assert.ok(now.every((subscription) => !old.some((previous) => previous.id === subscription.id)), 'each one made anew');
      const deliveries = await firstDeliveries(await book());
      assert.ok(deliveries.length > 0, 'the event was sent');
      assert.ok(deliveries.every((delivery) => delivery.api_version === 'v3'), 'under the new version only');
      await admin.resetCounters();
      await ensureWebhookRegistration(client, store, TARGET, logger);
      assert.equal((await admin.counters())['POST /webhook_endpoints/:id/webhook_subscriptions'], undefined, 'same version: nothing re-created');
    });

    it('takes a registration stored before versions were recorded as made under v2', async () => {
      const store = storage();
      const registered = await ensureWebhookRegistration(v2Client, store, TARGET, logger);
      const { subscriptionVersion: _dropped, ...legacy } = registered;
      await store.write({ 'nexhealth-webhook/registration': { ...legacy, eTag: '*' } });
      await ensureWebhookRegistration(client, store, TARGET, logger);
      const deliveries = await firstDeliveries(await book());
      assert.deepEqual([...new Set(deliveries.map((delivery) => delivery.api_version))], ['v3']);
    });
  });
});
