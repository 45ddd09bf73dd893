// Webhook registration against the sandbox, as NexHealth behaves: GET /webhook_endpoints shows the
// secret, endpoints may belong to another deployment on the same key, subscriptions can be PATCHed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../services/clock';
import { createLogger } from '../../services/logger';
import type { NexHealthClient } from '../../services/nexhealth';
import { ensureWebhookRegistration, readWebhookRegistration, INSERTION_EVENT } from '../../services/notify';
import { FileStorage } from '../../services/storage';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { sandboxClient } from '../support/sandbox-client';

const TARGET = 'http://127.0.0.1:9/api/nexhealth/webhooks';
const logger = createLogger({ level: 'silent' });

describe('webhook registration', function () {
  this.timeout(20_000);
  let client: NexHealthClient;
  let admin: SandboxAdmin;
  let directories: string[] = [];
  const storage = (): FileStorage => {
    const directory = mkdtempSync(path.join(tmpdir(), 'webhook-reg-'));
    directories.push(directory);
    return new FileStorage(directory);
  };

  before(async () => {
    const sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    client = sandboxClient(sandbox, new ManualClock(new Date('2026-11-24T15:00:00Z')));
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
});
