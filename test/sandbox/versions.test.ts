// The sandbox serves NexHealth's two surfaces, picked by the Nex-Api-Version header: v2.2.2 and
// v3.0.0 (v20240412), each strictly (the other version's paths are 404s, its paging and filter
// parameters are ignored as unknown ones are).
import assert from 'node:assert/strict';
import { SandboxHarness, q } from './helpers';

const V3 = { Accept: 'application/json', 'Nex-Api-Version': 'v20240412' };

interface PageInfo { has_previous_page: boolean; has_next_page: boolean; start_cursor: string | null; end_cursor: string | null }
interface Listed { id: number; patient_id?: number | null }

describe('sandbox API versions', () => {
  let h: SandboxHarness;
  before(async () => { h = await SandboxHarness.start(); });
  after(async () => { await h.close(); });
  beforeEach(async () => { await h.reset(); });

  const B = (): number => h.seed.locations.brooklyn;
  const v3 = <T>(path: string) => h.call<T>('GET', path, { headers: V3 });
  const window = { start: '2026-11-01T00:00:00Z', end: '2027-01-31T00:00:00Z' };

  it('renamed paths exist on their own version only (404 on the other)', async () => {
    const v2Slots = `/appointment_slots${q({ start_date: '2026-12-01', lids: [B()], pids: [h.seed.providers.sarahLee] })}`;
    const v3Slots = `/available_slots${q({ start_date: '2026-12-01', lids: [B()], pids: [h.seed.providers.sarahLee] })}`;
    assert.equal((await h.call('GET', v2Slots)).status, 200);
    assert.equal((await h.call('GET', v3Slots)).status, 404);
    assert.equal((await v3(v3Slots)).status, 200);
    assert.equal((await v3(v2Slots)).status, 404);
    const hours = `?${q({ location_id: B() }).slice(1)}`;
    assert.equal((await h.call('GET', `/availabilities${hours}`)).status, 200);
    assert.equal((await h.call('GET', `/working_hours${hours}`)).status, 404);
    assert.equal((await v3(`/working_hours${hours}`)).status, 200);
    const missing = await v3(`/availabilities${hours}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(Object.keys(missing.body), ['code', 'data', 'description', 'error']);
  });

  it('v3 writes working hours under `working_hour`, v2 under `availability`', async () => {
    const manhattan = h.seed.locations.manhattan;
    const hours = { provider_id: h.seed.providers.emilyKim, begin_time: '18:00', end_time: '19:00', days: ['Saturday'] };
    const created = await h.call('POST', `/working_hours${q({ location_id: manhattan })}`, { headers: V3, body: { working_hour: hours } });
    assert.equal(created.status, 201);
    const wrongKey = await h.call('POST', `/working_hours${q({ location_id: manhattan })}`, { headers: V3, body: { availability: hours } });
    assert.equal(wrongKey.status, 400);
    assert.deepEqual(wrongKey.body.error, ['Missing parameter working_hour']);
  });

  it('v3 slots need no pids[] and carry end_time; v2 requires pids[] and has none', async () => {
    const search = { start_date: '2026-12-01', days: 1, lids: [B()], slot_length: 30 };
    const v3Reply = await v3<Array<{ slots: Array<{ time: string; end_time?: string }> }>>(`/available_slots${q(search)}`);
    assert.equal(v3Reply.status, 200);
    const v3Slots = v3Reply.body.data.flatMap((group) => group.slots);
    assert.ok(v3Slots.length > 0 && v3Slots.every((slot) => slot.end_time !== undefined));
    assert.deepEqual((await h.call('GET', `/appointment_slots${q(search)}`)).body.error, ['Missing parameter pids']);
  });

  it('v3 pages with cursors and page_info (per_page 5 unless given); v2 with page and count', async () => {
    const path = (extra: Record<string, string | number>) => `/patients${q({ location_id: B(), ...extra })}`;
    const first = await v3<Listed[]>(path({}));
    assert.equal(first.status, 200);
    assert.ok(Array.isArray(first.body.data), 'v3 answers the list itself');
    assert.equal(first.body.data.length, 5, 'v3 per_page defaults to 5');
    assert.equal(first.body.count, undefined);
    const info = (first.body as unknown as { page_info: PageInfo }).page_info;
    assert.equal(info.has_next_page, true);
    assert.equal(info.has_previous_page, false);
    const seen = first.body.data.map((patient) => patient.id);
    let cursor = info.end_cursor;
    while (cursor) {
      const next = await v3<Listed[]>(path({ per_page: 3, end_cursor: cursor }));
      const nextInfo = (next.body as unknown as { page_info: PageInfo }).page_info;
      assert.ok(next.body.data.length <= 3);
      seen.push(...next.body.data.map((patient) => patient.id));
      cursor = nextInfo.has_next_page ? nextInfo.end_cursor : null;
    }
    const v2 = await h.call<{ patients: Listed[] }>('GET', path({ per_page: 1000 }));
    assert.equal(v2.body.count, seen.length);
    assert.deepEqual(seen, v2.body.data.patients.map((patient) => patient.id), 'every patient once, in order');
    // `start_cursor` pages back; a cursor that is not one is refused.
    const back = await v3<Listed[]>(path({ per_page: 2, start_cursor: info.end_cursor ?? '' }));
    assert.deepEqual(back.body.data.map((patient) => patient.id), seen.slice(2, 4));
    assert.equal((await v3(path({ end_cursor: 'bm9wZQ' }))).status, 400);
  });

  it("each version ignores the other's paging parameters", async () => {
    const v3Page = await v3<Listed[]>(`/providers${q({ page: 2, per_page: 1 })}`);
    assert.ok(v3Page.body.error.some((problem) => /ignored: .*page/.test(problem)));
    const v2Page = await h.call<Listed[]>('GET', `/providers${q({ end_cursor: 'aTow', per_page: 1 })}`);
    assert.equal(v2Page.status, 200);
    assert.ok(v2Page.body.error.some((problem) => /ignored: .*end_cursor/.test(problem)));
  });

  it('v3 filters GET /appointments by patient_ids[] (up to 25); v2 ignores it and filters by patient_id', async () => {
    const ana = h.seed.patients.anaDiaz;
    const byIds = await v3<Listed[]>(`/appointments${q({ ...window, per_page: 100, patient_ids: [ana] })}`);
    assert.ok(byIds.body.data.length > 0 && byIds.body.data.every((appointment) => appointment.patient_id === ana));
    const v3Single = await v3<Listed[]>(`/appointments${q({ ...window, per_page: 100, patient_id: ana })}`);
    assert.ok(v3Single.body.data.some((appointment) => appointment.patient_id !== ana), 'patient_id is not a v3 filter');
    const v2Ids = await h.call<Listed[]>('GET', `/appointments${q({ ...window, per_page: 100, patient_ids: [ana] })}`);
    assert.ok(v2Ids.body.data.some((appointment) => appointment.patient_id !== ana), 'patient_ids[] is not a v2 filter');
    assert.ok(v2Ids.body.error.some((problem) => /ignored: .*patient_ids/.test(problem)));
    const v2Single = await h.call<Listed[]>('GET', `/appointments${q({ ...window, per_page: 100, patient_id: ana })}`);
    assert.ok(v2Single.body.data.length > 0 && v2Single.body.data.every((appointment) => appointment.patient_id === ana));
    const tooMany = await v3(`/appointments${q({ ...window, patient_ids: Array.from({ length: 26 }, (_, index) => index + 1) })}`);
    assert.equal(tooMany.status, 400);
  });
});
