import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Receiver, SandboxHarness, q, sleep, type ReceivedHook } from './helpers';

interface Delivery { target_url: string; event_name: string; appointment_id: number; status: number | string; at: string }

/** What a receiver must do: HMAC-SHA256(secret, timestamp + "." + base64(raw body)), hex. */
function verify(hook: ReceivedHook, secret: string): boolean {
  const timestamp = hook.headers.timestamp;
  const signature = hook.headers.signature;
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${Buffer.from(hook.raw).toString('base64')}`).digest('hex');
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

describe('sandbox appointment insertion and webhooks', () => {
  let h: SandboxHarness;
  let receiver: Receiver;
  let secret = '';
  let endpointId = 0;
  let slot = 0;

  before(async () => {
    h = await SandboxHarness.start();
    receiver = await Receiver.start();
  });
  after(async () => {
    await h.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await h.reset();
    receiver.clear();
    const endpoint = await h.call<{ id: number; secret_key: string; target_url: string }>('POST', '/webhook_endpoints', { body: { target_url: receiver.url } });
    assert.equal(endpoint.status, 201);
    secret = endpoint.body.data.secret_key;
    endpointId = endpoint.body.data.id;
    const subscription = await h.call('POST', `/webhook_endpoints/${endpointId}/webhook_subscriptions${q({})}`, {
      body: { resource_type: 'Appointment', event: 'appointment_insertion', active: true },
    });
    assert.equal(subscription.status, 201);
  });

  /** Books Emily Kim in Manhattan on a distinct half hour each time. */
  async function book(): Promise<number> {
    slot += 1;
    const start = new Date(Date.parse('2026-12-03T13:00:00Z') + slot * 30 * 60_000).toISOString();
    const reply = await h.call<{ appt: { id: number } }>('POST', `/appointments${q({ location_id: h.seed.locations.manhattan })}`, {
      body: { appt: { patient_id: h.seed.patients.anaDiaz, provider_id: h.seed.providers.emilyKim, start_time: start, appointment_type_id: h.seed.appointmentTypes.manhattan.consultation } },
    });
    assert.equal(reply.status, 201);
    return reply.body.data.appt.id;
  }

  const deliveries = async (): Promise<Delivery[]> => (await h.admin<Delivery[]>('GET', '/__sandbox/webhook-deliveries')).body;

  it('completes the insertion after the delay and sends a signed appointment_insertion.complete', async () => {
    const id = await book();
    const [hook] = await receiver.waitFor(1);
    assert.ok(hook);
    assert.equal(hook.headers['content-type'], 'application/json');
    assert.ok(verify(hook, secret), 'signature verifies with the endpoint secret');
    assert.ok(!verify(hook, 'wrong-secret'));
    assert.equal(hook.headers.timestamp, '2026-11-30T14:00:00.000Z');
    assert.equal(hook.body.event_name, 'appointment_insertion.complete');
    assert.equal(hook.body.data.appointment.id, id);
    assert.equal(hook.body.data.appointment.foreign_id, `ext-${id}`);
    const parsed = JSON.parse(hook.raw) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['institution_id', 'subdomain', 'webhook_subscription_id', 'resource_type', 'event_name', 'event_time', 'delivery_errors', 'data']);
    const fetched = await h.call<{ foreign_id: string | null }>('GET', `/appointments/${id}${q({})}`);
    assert.equal(fetched.body.data.foreign_id, `ext-${id}`);
    assert.deepEqual((await deliveries()).map((d) => [d.event_name, d.appointment_id, d.status]), [['appointment_insertion.complete', id, 200]]);
  });

  it('fails the next insertion when told to, with the reason in data.error', async () => {
    await h.admin('POST', '/__sandbox/insertions', { failNext: 1, failReason: 'Operatory closed in the record system' });
    const failedId = await book();
    await receiver.waitFor(1);
    assert.equal(receiver.hooks[0]?.body.event_name, 'appointment_insertion.failed');
    assert.deepEqual(receiver.hooks[0]?.body.data.error, ['Operatory closed in the record system']);
    assert.equal(receiver.hooks[0]?.body.data.appointment.foreign_id, null);
    const okId = await book();
    await receiver.waitFor(2);
    assert.equal(receiver.hooks[1]?.body.event_name, 'appointment_insertion.complete');
    assert.notEqual(failedId, okId);
  });

  it('drops and duplicates deliveries on request', async () => {
    await h.admin('POST', '/__sandbox/webhooks', { dropNext: 1, duplicateNext: 1 });
    const dropped = await book();
    await sleep(200);
    assert.equal(receiver.hooks.length, 0);
    const duplicated = await book();
    await receiver.waitFor(2);
    assert.deepEqual(receiver.hooks.map((hook) => hook.body.data.appointment.id), [duplicated, duplicated]);
    const statuses = (await deliveries()).map((d) => [d.appointment_id, d.status]);
    assert.deepEqual(statuses, [[dropped, 'dropped'], [duplicated, 200], [duplicated, 200]]);
  });

  it('retries a non-2xx per the retry delays, then disables the endpoint', async () => {
    receiver.statuses = [500, 503];
    await book();
    await receiver.waitFor(3);
    assert.deepEqual((await deliveries()).map((d) => d.status), [500, 503, 200]);
    assert.ok(receiver.hooks.every((hook) => verify(hook, secret)));

    receiver.clear();
    receiver.statuses = [500, 500, 500];
    await book();
    await receiver.waitFor(3);
    await sleep(50);
    const endpoint = await h.call<{ active: boolean }>('GET', `/webhook_endpoints/${endpointId}`);
    assert.equal(endpoint.body.data.active, false);
  });

  it('skips inactive subscriptions and records unreachable endpoints as error', async () => {
    const subscriptions = await h.call<Array<{ id: number }>>('GET', `/webhook_endpoints/${endpointId}/webhook_subscriptions${q({})}`);
    const sid = subscriptions.body.data[0]?.id ?? 0;
    await h.call('PATCH', `/webhook_endpoints/${endpointId}/webhook_subscriptions/${sid}${q({})}`, { body: { active: false } });
    await book();
    await sleep(200);
    assert.equal(receiver.hooks.length, 0);
    await h.call('PATCH', `/webhook_endpoints/${endpointId}/webhook_subscriptions/${sid}${q({})}`, { body: { active: true } });
    await h.call('PATCH', `/webhook_endpoints/${endpointId}`, { body: { target_url: 'http://127.0.0.1:1/nowhere' } });
    await h.admin('PUT', '/__sandbox/settings', { webhookRetryDelaysMs: [] });
    await book();
    await sleep(300);
    assert.deepEqual((await deliveries()).map((d) => d.status), ['error']);
  });

  it('manages endpoints and subscriptions; the secret is shown on GET too, as documented', async () => {
    const list = await h.call<Array<Record<string, unknown>>>('GET', '/webhook_endpoints');
    assert.equal(list.body.data.length, 1);
    assert.equal(list.body.data[0]?.secret_key, secret);
    assert.deepEqual((await h.call('POST', '/webhook_endpoints', { body: {} })).body.error, ['Missing parameter target_url']);
    assert.deepEqual((await h.call('POST', '/webhook_endpoints', { body: { target_url: 'not a url' } })).body.error, ['Invalid parameter target_url']);
    const noSubdomain = await h.call('POST', `/webhook_endpoints/${endpointId}/webhook_subscriptions`, { body: { resource_type: 'Appointment', event: 'appointment_insertion' } });
    assert.deepEqual(noSubdomain.body.error, ['Missing parameter subdomain']);
    const subs = await h.call<Array<{ id: number }>>('GET', `/webhook_endpoints/${endpointId}/webhook_subscriptions${q({})}`);
    const sid = subs.body.data[0]?.id ?? 0;
    assert.equal((await h.call('DELETE', `/webhook_endpoints/${endpointId}/webhook_subscriptions/${sid}${q({})}`)).status, 204);
    assert.equal((await h.call('DELETE', `/webhook_endpoints/${endpointId}`)).status, 204);
    assert.equal((await h.call('GET', `/webhook_endpoints/${endpointId}`)).status, 404);
  });
});
