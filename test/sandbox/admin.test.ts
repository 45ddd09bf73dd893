import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { FROZEN_NOW, SandboxHarness, q } from './helpers';

describe('sandbox admin controls', () => {
  let h: SandboxHarness;
  before(async () => { h = await SandboxHarness.start(); });
  after(async () => { await h.close(); });
  beforeEach(async () => { await h.reset(); });

  const locations = `/locations${q({})}`;

  it('reset restores data, clock, settings, faults, counters and webhook endpoints', async () => {
    await h.call('POST', `/patients${q({ location_id: h.seed.locations.brooklyn })}`, {
      body: { provider: { provider_id: h.seed.providers.rajPatel }, patient: { first_name: 'Temp', last_name: 'Person', email: 't@p.example', bio: { date_of_birth: '1990-01-01', phone_number: '5550001234', gender: 'Other' } } },
    });
    await h.call('POST', '/webhook_endpoints', { body: { target_url: 'http://127.0.0.1:9/x' } });
    await h.admin('PUT', '/__sandbox/settings', { insertionDelayMs: 999 });
    await h.admin('POST', '/__sandbox/faults', { kind: 'server_error', path: '/providers' });
    await h.admin('POST', '/__sandbox/insertions', { failNext: 3 });
    await h.admin('PUT', '/__sandbox/clock', { now: '2030-01-01T00:00:00Z' });
    const reset = await h.admin<{ now: string; settings: { insertionDelayMs: number }; faults: unknown[]; insertions: { failNext: number } }>('POST', '/__sandbox/reset');
    assert.equal(reset.status, 200);
    assert.notEqual(reset.body.now.slice(0, 4), '2030');
    assert.equal(reset.body.settings.insertionDelayMs, 50, 'back to the start options');
    assert.deepEqual(reset.body.faults, []);
    assert.equal(reset.body.insertions.failNext, 0);
    assert.deepEqual((await h.admin('GET', '/__sandbox/counters')).body, {});
    h.token = await h.authenticate();
    const found = await h.call<{ patients: unknown[] }>('GET', `/patients${q({ location_id: h.seed.locations.brooklyn, name: 'Temp Person' })}`);
    assert.equal(found.body.count, 0);
    assert.deepEqual((await h.call<unknown[]>('GET', '/webhook_endpoints')).body.data, []);
    assert.equal((await h.call('GET', `/providers${q({})}`)).status, 200);
  });

  it('freezes, advances and releases the clock', async () => {
    const frozen = await h.admin<{ now: string }>('PUT', '/__sandbox/clock', { now: '2026-12-01T15:00:00Z' });
    assert.equal(frozen.body.now, '2026-12-01T15:00:00.000Z');
    const advanced = await h.admin<{ now: string }>('POST', '/__sandbox/clock/advance', { ms: 90 * 60_000 });
    assert.equal(advanced.body.now, '2026-12-01T16:30:00.000Z');
    h.token = await h.authenticate(); // the old token expired a day ago on the sandbox clock
    // Past slots disappear as the clock moves: Raj Patel's 10:00 and 11:00 are gone at 11:30 local.
    const slots = await h.call<Array<{ slots: Array<{ time: string }> }>>('GET', `/appointment_slots${q({ start_date: '2026-12-01', lids: [h.seed.locations.brooklyn], pids: [h.seed.providers.rajPatel], slot_length: 60 })}`);
    assert.equal(slots.body.data[0]?.slots[0]?.time, '2026-12-01T13:00:00.000-05:00');
    const released = await h.admin<{ now: string }>('PUT', '/__sandbox/clock', { now: null });
    assert.ok(Math.abs(Date.parse(released.body.now) - Date.now()) < 5000);
    assert.equal((await h.admin('PUT', '/__sandbox/clock', { now: 'yesterday' })).status, 400);
  });

  it('settings change the token lifetime and the insertion delay', async () => {
    await h.admin('PUT', '/__sandbox/settings', { tokenTtlSeconds: 60 });
    const token = await h.authenticate();
    const claims = jwt.decode(token);
    assert.ok(claims && typeof claims === 'object');
    assert.equal(claims.exp, Date.parse(FROZEN_NOW) / 1000 + 60);
    await h.admin('POST', '/__sandbox/clock/advance', { ms: 61_000 });
    assert.equal((await h.call('GET', locations, { token })).status, 401);
    const settings = await h.admin<{ insertionDelayMs: number }>('PUT', '/__sandbox/settings', { insertionDelayMs: 10 });
    assert.equal(settings.body.insertionDelayMs, 10);
    assert.equal((await h.admin('PUT', '/__sandbox/settings', { insertionDelayMs: -1 })).status, 400);
  });

  describe('faults', () => {
    it('down: the socket is destroyed without a response', async () => {
      await h.admin('POST', '/__sandbox/faults', { kind: 'down', times: 1 });
      await assert.rejects(fetch(`${h.sandbox.url}${locations}`, { headers: { Authorization: `Bearer ${h.token}` } }));
      assert.equal((await h.call('GET', locations)).status, 200, 'times: 1 is used up');
    });

    it('slow: answers after delayMs', async () => {
      await h.admin('POST', '/__sandbox/faults', { kind: 'slow', delayMs: 300, times: 1 });
      const started = Date.now();
      assert.equal((await h.call('GET', locations)).status, 200);
      assert.ok(Date.now() - started >= 290);
    });

    it('rate_limit: 429 envelope with Retry-After; server_error: 500 envelope', async () => {
      await h.admin('POST', '/__sandbox/faults', { kind: 'rate_limit', retryAfterSeconds: 2, times: 1 });
      await h.admin('POST', '/__sandbox/faults', { kind: 'server_error', times: 1 });
      const limited = await h.call('GET', locations);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '2');
      assert.equal(limited.body.code, false);
      const broken = await h.call('GET', locations);
      assert.equal(broken.status, 500);
      assert.equal(broken.body.code, false);
      assert.equal((await h.call('GET', locations)).status, 200);
    });

    it('match on path prefix and method, last until cleared by default', async () => {
      await h.admin('POST', '/__sandbox/faults', { kind: 'server_error', path: '/appointment_slots', method: 'get' });
      const slots = `/appointment_slots${q({ start_date: '2026-12-01', lids: [h.seed.locations.brooklyn], pids: [h.seed.providers.sarahLee] })}`;
      assert.equal((await h.call('GET', slots)).status, 500);
      assert.equal((await h.call('GET', slots)).status, 500);
      assert.equal((await h.call('GET', locations)).status, 200);
      assert.equal((await h.admin('DELETE', '/__sandbox/faults')).status, 200);
      assert.equal((await h.call('GET', slots)).status, 200);
      assert.equal((await h.admin('POST', '/__sandbox/faults', { kind: 'explode' })).status, 400);
    });
  });

  it('counts every API request by method and route pattern, faulted ones too', async () => {
    await h.admin('DELETE', '/__sandbox/counters');
    await h.authenticate();
    await h.call('GET', `/appointments/${h.seed.appointments.kimNextWeekday1000}${q({})}`);
    await h.call('GET', `/appointments/${h.seed.appointments.patelNextWeekday0900}${q({})}`);
    await h.admin('POST', '/__sandbox/faults', { kind: 'server_error', times: 1 });
    await h.call('GET', locations);
    await h.call('GET', locations, { token: null });
    const counters = await h.admin<Record<string, number>>('GET', '/__sandbox/counters');
    assert.deepEqual(counters.body, { 'GET /appointments/:id': 2, 'GET /locations': 2, 'POST /authenticates': 1 });
    await h.admin('DELETE', '/__sandbox/counters');
    assert.deepEqual((await h.admin('GET', '/__sandbox/counters')).body, {});
  });

  it('enforces the documented 100 requests per second per key with 429', async () => {
    // A busy machine can spread 110 requests over more than the one-second window: measure a burst
    // that fitted in it (setting the limits resets every key's windows).
    let statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await h.admin('PUT', '/__sandbox/settings', { limits: { perSecond: 100 } });
      const started = Date.now();
      const replies = await Promise.all(Array.from({ length: 110 }, () => h.call('GET', locations)));
      statuses = replies.map((reply) => reply.status);
      if (Date.now() - started < 1000) break;
    }
    assert.ok(statuses.filter((status) => status === 429).length >= 10);
    assert.ok(statuses.filter((status) => status === 200).length <= 100);
    await h.admin('PUT', '/__sandbox/settings', { rateLimits: false });
    const unlimited = await Promise.all(Array.from({ length: 110 }, () => h.call('GET', locations)));
    assert.ok(unlimited.every((reply) => reply.status === 200));
  });
});
