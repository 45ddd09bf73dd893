// The sandbox enforces NexHealth's documented per-key limits on raw requests, with 429 in the
// documented envelope: 10 a second on GET /appointments and GET /appointment_slots, 1,000 a minute
// for patients and appointments together, 100 a second overall.
import assert from 'node:assert/strict';
import { SandboxHarness, q, type Reply } from './helpers';

describe('sandbox rate limits', () => {
  let h: SandboxHarness;
  before(async () => { h = await SandboxHarness.start(); });
  after(async () => { await h.close(); });
  beforeEach(async () => { await h.reset(); });

  const slots = (): string => `/appointment_slots${q({ start_date: '2026-12-01', days: 1, lids: [h.seed.locations.brooklyn], pids: [h.seed.providers.sarahLee] })}`;
  const appointments = (): string => `/appointments${q({ location_id: h.seed.locations.brooklyn, start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' })}`;
  const burst = (times: number, path: () => string): Promise<Reply[]> => Promise.all(Array.from({ length: times }, () => h.call('GET', path())));
  const statuses = (replies: Reply[]): Record<number, number> =>
    replies.reduce<Record<number, number>>((tally, reply) => ({ ...tally, [reply.status]: (tally[reply.status] ?? 0) + 1 }), {});

  it('answers a burst over 10 a second on GET /appointment_slots with 429 in the documented envelope', async () => {
    const replies = await burst(15, slots);
    assert.deepEqual(statuses(replies), { 200: 10, 429: 5 });
    const refused = replies.find((reply) => reply.status === 429);
    assert.deepEqual(refused?.body, { code: false, data: null, description: 'Rate limit exceeded', error: ['Too many requests'] });
    const locations = await h.call('GET', `/locations${q({})}`);
    assert.equal(locations.status, 200, 'other endpoints are not held back by the slot limit');
    assert.deepEqual((await h.admin('GET', '/__sandbox/rate-limited')).body, { 'GET /appointment_slots': 5 });
  });

  it('limits GET /appointments to 10 a second, but not the appointment by id', async () => {
    assert.deepEqual(statuses(await burst(12, appointments)), { 200: 10, 429: 2 });
    const byId = await burst(12, () => `/appointments/${h.seed.appointments.patelNextWeekday0900}${q({})}`);
    assert.deepEqual(statuses(byId), { 200: 12 });
  });

  it('has room again once the second has passed', async () => {
    await h.admin('PUT', '/__sandbox/settings', { limits: { secondMs: 300 } });
    assert.deepEqual(statuses(await burst(12, slots)), { 200: 10, 429: 2 });
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.deepEqual(statuses(await burst(10, slots)), { 200: 10 });
  });

  it('shares the per-minute budget between patients and appointments, apart from other endpoints', async () => {
    await h.admin('PUT', '/__sandbox/settings', { limits: { patientsAndAppointmentsPerMinute: 6, otherPerMinute: 4 } });
    const patients = await burst(4, () => `/patients${q({ location_id: h.seed.locations.brooklyn, name: 'Diaz' })}`);
    const byId = await burst(4, () => `/appointments/${h.seed.appointments.patelNextWeekday0900}${q({})}`);
    assert.deepEqual(statuses([...patients, ...byId]), { 200: 6, 429: 2 });
    assert.deepEqual(statuses(await burst(5, () => `/providers${q({ location_id: h.seed.locations.brooklyn })}`)), { 200: 4, 429: 1 },
      'the other endpoints have a minute of their own');
  });

  it('refuses a limit that is not a positive integer, and is back to the documented limits after a reset', async () => {
    const refused = await h.admin('PUT', '/__sandbox/settings', { limits: { perSecond: 0 } });
    assert.equal(refused.status, 400);
    assert.equal((await h.admin('PUT', '/__sandbox/settings', { limits: { perMonth: 3 } })).status, 400);
    await h.admin('PUT', '/__sandbox/settings', { limits: { listReadsPerSecond: 2 } });
    await h.reset();
    const settings = await h.admin<{ rateLimits: boolean; limits: Record<string, number> }>('GET', '/__sandbox/settings');
    assert.equal(settings.body.rateLimits, true, 'on by default');
    assert.deepEqual(settings.body.limits, { perSecond: 100, listReadsPerSecond: 10, patientsAndAppointmentsPerMinute: 1000, otherPerMinute: 2000, secondMs: 1000, minuteMs: 60_000 });
  });

  it('can be turned off for a test that needs it', async () => {
    await h.admin('PUT', '/__sandbox/settings', { rateLimits: false });
    assert.deepEqual(statuses(await burst(15, slots)), { 200: 15 });
  });
});
