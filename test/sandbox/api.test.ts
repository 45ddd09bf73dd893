import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import { API_HEADERS, DEMO_API_KEY, FROZEN_NOW, SandboxHarness, q } from './helpers';

interface Patient { id: number; first_name: string; last_name: string; email: string; bio: { date_of_birth: string; phone_number: string } }
interface Appt { id: number; foreign_id: string | null; start_time: string; end_time: string; cancelled: boolean; cancelled_at: string | null; operatory_id: number | null; patient_id: number }
interface SlotGroup { lid: number; pid: number; slots: Array<{ time: string; end_time: string; operatory_id: number | null }>; next_available_date: string | null }

describe('sandbox API', () => {
  let h: SandboxHarness;
  before(async () => { h = await SandboxHarness.start(); });
  after(async () => { await h.close(); });
  beforeEach(async () => { await h.reset(); });

  const B = (): number => h.seed.locations.brooklyn;
  const M = (): number => h.seed.locations.manhattan;

  describe('auth', () => {
    it('exchanges the API key (no Bearer) for a JWT that lasts tokenTtlSeconds from the clock', async () => {
      const response = await fetch(`${h.sandbox.url}/authenticates`, { method: 'POST', headers: { ...API_HEADERS, Authorization: DEMO_API_KEY } });
      assert.equal(response.status, 201);
      const body = (await response.json()) as { code: boolean; data: { token: string }; description: string; error: string[] };
      assert.equal(body.code, true);
      assert.equal(body.description, 'Authenticated');
      assert.deepEqual(body.error, []);
      const claims = jwt.decode(body.data.token);
      assert.ok(claims && typeof claims === 'object');
      assert.equal(claims.exp, Date.parse(FROZEN_NOW) / 1000 + 3600);
    });

    it('requires a known Nex-Api-Version on every request, the token exchange included (400 envelope)', async () => {
      const accept = { Accept: API_HEADERS.Accept };
      const exchange = await fetch(`${h.sandbox.url}/authenticates`, { method: 'POST', headers: { ...accept, Authorization: DEMO_API_KEY } });
      assert.equal(exchange.status, 400);
      const missing = await h.call('GET', `/locations${q({})}`, { headers: { 'Nex-Api-Version': '' } });
      assert.equal(missing.status, 400);
      assert.deepEqual(missing.body.error, ['Missing header Nex-Api-Version']);
      assert.deepEqual(Object.keys(missing.body), ['code', 'data', 'description', 'error']);
      const unknown = await h.call('GET', `/locations${q({})}`, { headers: { 'Nex-Api-Version': 'v4' } });
      assert.equal(unknown.status, 400);
      assert.deepEqual(Object.keys(unknown.body), ['code', 'data', 'description', 'error']);
      for (const v3 of ['v3.0.0', 'v20240412']) assert.equal((await h.call('GET', `/locations${q({})}`, { headers: { 'Nex-Api-Version': v3 } })).status, 200);
      assert.equal((await h.call('GET', `/locations${q({})}`)).status, 200);
    });

    it('rejects a wrong key, a missing, malformed or expired token with a 401 envelope', async () => {
      const wrong = await fetch(`${h.sandbox.url}/authenticates`, { method: 'POST', headers: { ...API_HEADERS, Authorization: 'nope' } });
      assert.equal(wrong.status, 401);
      assert.equal(((await wrong.json()) as { code: boolean }).code, false);
      const path = `/locations${q({})}`;
      assert.equal((await h.call('GET', path, { token: null })).status, 401);
      assert.equal((await h.call('GET', path, { token: 'garbage' })).status, 401);
      const bare = await fetch(`${h.sandbox.url}${path}`, { headers: { ...API_HEADERS, Authorization: h.token } });
      assert.equal(bare.status, 401);
      await h.admin('POST', '/__sandbox/clock/advance', { ms: 3601_000 });
      const expired = await h.call('GET', path);
      assert.equal(expired.status, 401);
      assert.deepEqual(Object.keys(expired.body), ['code', 'data', 'description', 'error']);
    });

    it('tolerates a missing Accept version header', async () => {
      const response = await fetch(`${h.sandbox.url}/locations${q({})}`, { headers: { 'Nex-Api-Version': 'v2', Authorization: `Bearer ${h.token}` } });
      assert.equal(response.status, 200);
    });
  });

  describe('reference data', () => {
    it('lists the institution with its two New York locations', async () => {
      const reply = await h.call<Array<{ subdomain: string; locations: Array<{ id: number; tz: string; map_by_operatory: boolean; phone_number: string }> }>>('GET', `/locations${q({})}`);
      assert.equal(reply.status, 200);
      const [institution] = reply.body.data;
      assert.equal(institution?.subdomain, 'demo-dental');
      assert.deepEqual(institution?.locations.map((l) => [l.id, l.tz, l.map_by_operatory]), [[B(), 'America/New_York', true], [M(), 'America/New_York', false]]);
    });

    it('lists providers (filter by location and ids[]), operatories and appointment types', async () => {
      const all = await h.call<Array<{ id: number }>>('GET', `/providers${q({ requestable: 'true' })}`);
      assert.equal(all.body.count, 4);
      const everyone = await h.call<Array<{ id: number }>>('GET', `/providers${q({})}`);
      assert.ok(everyone.body.data.some((p) => p.id === h.seed.providers.danaReyes), 'requestable is a filter: without it, the front-desk-only provider is listed too');
      const brooklyn = await h.call<Array<{ id: number; locations: Array<{ id: number }> }>>('GET', `/providers${q({ location_id: B(), requestable: 'true' })}`);
      assert.deepEqual(brooklyn.body.data.map((p) => p.id).sort(), [h.seed.providers.sarahLee, h.seed.providers.rajPatel, h.seed.providers.marcusNguyen].sort());
      const ids = await h.call<Array<{ id: number }>>('GET', `/providers${q({ ids: [h.seed.providers.emilyKim] })}`);
      assert.deepEqual(ids.body.data.map((p) => p.id), [h.seed.providers.emilyKim]);
      const ops = await h.call<Array<{ location_id: number }>>('GET', `/operatories${q({ location_id: B() })}`);
      assert.equal(ops.body.count, 2);
      const types = await h.call<Array<{ name: string; minutes: number; parent_id: number }>>('GET', `/appointment_types${q({ location_id: M() })}`);
      assert.deepEqual(types.body.data.map((t) => [t.name, t.minutes]), [['Cleaning', 60], ['New Patient Exam', 60], ['Emergency', 30], ['Consultation', 30], ['Filling', 60]]);
    });

    it('creates an appointment type; names are unique', async () => {
      const body = { location_id: B(), appointment_type: { name: 'Whitening', minutes: 45, parent_type: 'Location', parent_id: B(), bookable_online: true } };
      const created = await h.call<{ id: number; minutes: number }>('POST', `/appointment_types${q({})}`, { body });
      assert.equal(created.status, 201);
      assert.equal(created.body.data.minutes, 45);
      const again = await h.call('POST', `/appointment_types${q({})}`, { body });
      assert.equal(again.status, 400);
      const noName = await h.call('POST', `/appointment_types${q({})}`, { body: { location_id: B(), appointment_type: { minutes: 30 } } });
      assert.deepEqual(noName.body.error, ['Missing parameter appointment_type.name']);
    });

    it('creates, updates and deletes availabilities', async () => {
      const { sarahLee } = h.seed.providers;
      const noOperatory = await h.call('POST', `/availabilities${q({ location_id: B() })}`, {
        body: { availability: { provider_id: sarahLee, begin_time: '08:00', end_time: '12:00', days: ['Saturday'], appointment_type_ids: [], active: true } },
      });
      assert.equal(noOperatory.status, 400);
      assert.deepEqual(noOperatory.body.error, ['Missing parameter availability.operatory_id']);
      const created = await h.call<{ id: number; days: string[]; begin_time: string }>('POST', `/availabilities${q({ location_id: M() })}`, {
        body: { availability: { provider_id: sarahLee, begin_time: '08:00', end_time: '12:00', days: ['Saturday'], appointment_type_ids: [h.seed.appointmentTypes.manhattan.cleaning], active: true } },
      });
      assert.equal(created.status, 201);
      const id = created.body.data.id;
      const patched = await h.call<{ begin_time: string }>('PATCH', `/availabilities/${id}${q({})}`, { body: { availability: { begin_time: '09:30' } } });
      assert.equal(patched.body.data.begin_time, '09:30');
      const slots = await h.call<SlotGroup[]>('GET', `/appointment_slots${q({ start_date: '2026-12-05', days: 1, lids: [M()], pids: [sarahLee], slot_length: 60 })}`);
      assert.equal(slots.body.data[0]?.slots[0]?.time, '2026-12-05T09:30:00.000-05:00');
      const deleted = await h.call('DELETE', `/availabilities/${id}${q({})}`);
      assert.equal(deleted.status, 204);
      assert.equal((await h.call('GET', `/availabilities/${id}${q({})}`)).status, 404);
    });
  });

  describe('validation and errors', () => {
    it('names a missing subdomain, location_id, start_date, lids, start and end', async () => {
      const cases: Array<[string, string]> = [
        ['/providers', 'Missing parameter subdomain'],
        [`/patients${q({})}`, 'Missing parameter location_id'],
        [`/operatories${q({})}`, 'Missing parameter location_id'],
        [`/appointment_slots${q({ lids: [B()] })}`, 'Missing parameter start_date'],
        [`/appointment_slots${q({ start_date: '2026-12-01' })}`, 'Missing parameter lids'],
        [`/appointment_slots${q({ start_date: '2026-12-01', lids: [B()] })}`, 'Missing parameter pids'],
        [`/appointment_slots${q({ start_date: '2026-12-01', lids: [B()], pids: [] })}`, 'Missing parameter pids'],
        [`/appointments${q({ end: '2026-12-02' })}`, 'Missing parameter start'],
        [`/appointments${q({ start: '2026-12-01' })}`, 'Missing parameter end'],
      ];
      for (const [path, message] of cases) {
        const reply = await h.call('GET', path);
        assert.equal(reply.status, 400, path);
        assert.equal(reply.body.code, false);
        assert.deepEqual(reply.body.error, [message], path);
      }
    });

    it('rejects malformed values and more than 14 days with 400', async () => {
      const bad = await h.call('GET', `/appointment_slots${q({ start_date: '2026-13-01', lids: [B()] })}`);
      assert.deepEqual(bad.body.error, ['Invalid parameter start_date']);
      const tooMany = await h.call('GET', `/appointment_slots${q({ start_date: '2026-12-01', days: 15, lids: [B()] })}`);
      assert.equal(tooMany.status, 400);
      assert.match(tooMany.body.error[0] ?? '', /days/);
      const badId = await h.call('GET', `/patients${q({ location_id: 'abc' })}`);
      assert.deepEqual(badId.body.error, ['Invalid parameter location_id']);
      const badJson = await h.call('POST', `/patients${q({ location_id: B() })}`, { body: '{not json' });
      assert.equal(badJson.status, 400);
    });

    it('answers 403 for an unknown subdomain and 404 for unknown ids and routes', async () => {
      const other = await h.call('GET', '/providers?subdomain=other-practice');
      assert.equal(other.status, 403);
      assert.equal((await h.call('GET', `/patients${q({ location_id: 999 })}`)).status, 404);
      assert.equal((await h.call('GET', `/appointments/123456${q({})}`)).status, 404);
      assert.equal((await h.call('GET', `/patients/123456${q({})}`)).status, 404);
      assert.equal((await h.call('GET', `/nothing-here${q({})}`)).status, 404);
    });

    it('reports an unknown parameter as a non-fatal error with code true', async () => {
      const reply = await h.call('GET', `/providers${q({ colour: 'blue' })}`);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.code, true);
      assert.match(reply.body.error[0] ?? '', /ignored: colour/);
    });
  });

  describe('patients', () => {
    const search = (params: Record<string, string | number>) => h.call<{ patients: Patient[] }>('GET', `/patients${q({ location_id: B(), ...params })}`);

    it('paginates with count = total', async () => {
      const first = await search({ per_page: 5, page: 1 });
      const second = await search({ per_page: 5, page: 2 });
      assert.equal(first.body.data.patients.length, 5);
      assert.ok((first.body.count ?? 0) >= 20);
      assert.equal(first.body.count, second.body.count);
      assert.notEqual(first.body.data.patients[0]?.id, second.body.data.patients[0]?.id);
      const beyond = await search({ per_page: 50, page: 9 });
      assert.deepEqual(beyond.body.data.patients, []);
    });

    it('matches name on first, last or full name, case-insensitively', async () => {
      assert.equal((await search({ name: 'john smith' })).body.count, 2);
      assert.equal((await search({ name: 'SMITH' })).body.count, 2);
      assert.equal((await search({ name: 'ana' })).body.data.patients[0]?.id, h.seed.patients.anaDiaz);
    });

    it('filters by date of birth, phone digits and email', async () => {
      const marias = await search({ name: 'Maria Garcia', date_of_birth: '1985-06-21' });
      assert.equal(marias.body.count, 2, 'two Maria Garcias share a date of birth');
      const byPhone = await search({ phone_number: '(555) 201-3344' });
      assert.deepEqual(byPhone.body.data.patients.map((p) => p.id), [h.seed.patients.anaDiaz]);
      const byDob = await search({ name: 'John Smith', date_of_birth: '1992-11-02' });
      assert.deepEqual(byDob.body.data.patients.map((p) => p.id), [h.seed.patients.johnSmith1992]);
      const byEmail = await search({ email: 'MGARCIA.NYC@example.com' });
      assert.deepEqual(byEmail.body.data.patients.map((p) => p.id), [h.seed.patients.mariaGarciaB]);
      assert.deepEqual((await search({ date_of_birth: '03/04/1990' })).body.error, ['Invalid parameter date_of_birth']);
    });

    it('honours non_patient: a guarantor on file is left out with non_patient=false', async () => {
      const cohens = await search({ name: 'Cohen', date_of_birth: '1975-01-30' });
      assert.deepEqual(cohens.body.data.patients.map((p) => p.id).sort(), [h.seed.patients.davidCohen, h.seed.patients.cohenGuarantor].sort());
      const patientsOnly = await search({ name: 'Cohen', date_of_birth: '1975-01-30', non_patient: 'false' });
      assert.deepEqual(patientsOnly.body.data.patients.map((p) => p.id), [h.seed.patients.davidCohen]);
    });

    it('creates a patient (201 {user}), returns an existing match (200) only when asked, else 400', async () => {
      const patient = { first_name: 'Zoe', last_name: 'Park', email: 'zoe.park@example.com', bio: { date_of_birth: '1995-05-05', phone_number: '555-201-9999', gender: 'Female' } };
      const path = `/patients${q({ location_id: B() })}`;
      const provider = { provider_id: h.seed.providers.rajPatel };
      const created = await h.call<{ user: Patient }>('POST', path, { body: { provider, patient } });
      assert.equal(created.status, 201);
      assert.equal(created.body.data.user.bio.phone_number, '5552019999');
      const duplicate = await h.call('POST', path, { body: { provider, patient } });
      assert.equal(duplicate.status, 400);
      const matched = await h.call<{ user: Patient }>('POST', path, { body: { provider, patient, return_existing_if_match: true } });
      assert.equal(matched.status, 200);
      assert.equal(matched.body.data.user.id, created.body.data.user.id);
      const found = await search({ name: 'zoe park' });
      assert.equal(found.body.count, 1);
    });

    it('names the missing or malformed patient field', async () => {
      const path = `/patients${q({ location_id: B() })}`;
      const bio = { date_of_birth: '1990-01-01', phone_number: '5550001111', gender: 'Male' };
      const base = { first_name: 'A', last_name: 'B', email: 'a@b.example', bio };
      const provider = { provider_id: h.seed.providers.rajPatel };
      const cases: Array<[unknown, string]> = [
        [{ provider }, 'Missing parameter patient'],
        [{ provider, patient: { ...base, first_name: undefined } }, 'Missing parameter patient.first_name'],
        [{ provider, patient: { ...base, email: 'nope' } }, 'Invalid parameter patient.email'],
        [{ provider, patient: { ...base, email: 'A@B.EXAMPLE' } }, 'Invalid parameter patient.email'],
        [{ provider, patient: { ...base, bio: { phone_number: '5550001111' } } }, 'Missing parameter patient.bio.date_of_birth'],
        [{ provider, patient: { ...base, bio: { ...bio, phone_number: '123' } } }, 'Invalid parameter patient.bio.phone_number'],
        [{ provider, patient: { ...base, bio: { ...bio, gender: undefined } } }, 'Missing parameter patient.bio.gender'],
        [{ provider, patient: { ...base, bio: { ...bio, gender: 'unknown' } } }, 'Invalid parameter patient.bio.gender'],
        [{ patient: base }, 'Missing parameter provider'],
        [{ patient: base, provider: {} }, 'Missing parameter provider.provider_id'],
      ];
      for (const [body, message] of cases) {
        const reply = await h.call('POST', path, { body });
        assert.equal(reply.status, 400);
        assert.deepEqual(reply.body.error, [message]);
      }
    });
  });

  describe('slots and appointments', () => {
    const day = (): string => h.seed.nextWeekday; // Tuesday 2026-12-01 with the frozen clock
    // Brooklyn books by operatory: its searches name the chairs, as the docs ask.
    const chairsOf = (lid: number): Record<string, number[]> => (lid === B() ? { operatory_ids: [h.seed.operatories.brooklynChair1, h.seed.operatories.brooklynChair2] } : {});
    const slotsFor = (pid: number, lid: number, typeId: number) =>
      h.call<SlotGroup[]>('GET', `/appointment_slots${q({ start_date: day(), days: 1, lids: [lid], pids: [pid], appointment_type_id: typeId, ...chairsOf(lid) })}`);

    it('computes slots from seed availabilities minus seed appointments and blocks', async () => {
      assert.equal(day(), '2026-12-01');
      const { rajPatel } = h.seed.providers;
      const reply = await slotsFor(rajPatel, B(), h.seed.appointmentTypes.brooklyn.cleaning);
      assert.equal(reply.status, 200);
      const group = reply.body.data[0];
      assert.deepEqual([group?.lid, group?.pid], [B(), rajPatel]);
      const starts = group?.slots.map((s) => s.time.slice(11, 16));
      // 09:00 booked, 12:00 lunch block; open 09:00–17:00 in 60-minute steps.
      assert.deepEqual(starts, ['10:00', '11:00', '13:00', '14:00', '15:00', '16:00']);
      assert.ok(group?.slots.every((s) => s.operatory_id === h.seed.operatories.brooklynChair2));
    });

    it('gives slots without an operatory at an operatory-mapped location searched without operatory_ids[]', async () => {
      const unmapped = await h.call<SlotGroup[]>('GET', `/appointment_slots${q({ start_date: day(), days: 1, lids: [B()], pids: [h.seed.providers.rajPatel], appointment_type_id: h.seed.appointmentTypes.brooklyn.cleaning })}`);
      const slots = unmapped.body.data[0]?.slots ?? [];
      assert.equal(slots.length > 0 && slots.every((slot) => slot.operatory_id === null), true);
      const manhattan = await slotsFor(h.seed.providers.emilyKim, M(), h.seed.appointmentTypes.manhattan.cleaning);
      assert.equal((manhattan.body.data[0]?.slots.length ?? 0) > 0, true, 'a location not mapped by operatory is unaffected');
    });

    it('answers v2 slots as the docs show them: no end_time', async () => {
      const reply = await slotsFor(h.seed.providers.rajPatel, B(), h.seed.appointmentTypes.brooklyn.cleaning);
      assert.ok((reply.body.data[0]?.slots.length ?? 0) > 0);
      assert.ok(reply.body.data[0]?.slots.every((slot: object) => !('end_time' in slot) && 'operatory_id' in slot));
    });

    it('filters appointments by v2 patient_id; patient_ids[] (v3) is ignored and said so', async () => {
      const window = { start: '2026-11-30T00:00:00Z', end: '2026-12-02T05:00:00Z' };
      const david = h.seed.patients.davidCohen;
      const byPatient = await h.call<Appt[]>('GET', `/appointments${q({ ...window, patient_id: david })}`);
      assert.ok(byPatient.body.data.length > 0 && byPatient.body.data.every((appt) => appt.patient_id === david));
      const v3Style = await h.call<Appt[]>('GET', `/appointments${q({ ...window, patient_ids: [david] })}`);
      assert.ok(v3Style.body.data.some((appt) => appt.patient_id !== david), 'the v3 filter does nothing in v2');
      assert.match(v3Style.body.error.join(' '), /ignored: patient_ids/);
    });

    it('keeps a cancelled appointment\'s time free and honours the type length', async () => {
      const reply = await slotsFor(h.seed.providers.emilyKim, M(), h.seed.appointmentTypes.manhattan.emergency);
      const starts = reply.body.data[0]?.slots.map((s) => s.time.slice(11, 16)) ?? [];
      assert.ok(!starts.includes('10:00'));
      assert.ok(starts.includes('10:30'));
      assert.ok(starts.includes('11:00'), 'cancelled appointment frees 11:00');
      assert.equal(starts.length, 17);
    });

    it('gives next_available_date when the range has none', async () => {
      // Nguyen works Saturdays in Brooklyn only for cleaning/emergency; ask on a Sunday.
      const reply = await h.call<SlotGroup[]>('GET', `/appointment_slots${q({ start_date: '2026-12-06', days: 1, lids: [B()], pids: [h.seed.providers.marcusNguyen], slot_length: 30 })}`);
      assert.deepEqual(reply.body.data[0]?.slots, []);
      assert.equal(reply.body.data[0]?.next_available_date, '2026-12-10');
    });

    it('books a slot (201, foreign_id null), then refuses the same time', async () => {
      const { rajPatel } = h.seed.providers;
      const appt = { patient_id: h.seed.patients.anaDiaz, provider_id: rajPatel, operatory_id: h.seed.operatories.brooklynChair2, start_time: '2026-12-01T10:00:00.000-05:00', appointment_type_id: h.seed.appointmentTypes.brooklyn.cleaning };
      const path = `/appointments${q({ location_id: B(), notify_patient: false })}`;
      const created = await h.call<{ appt: Appt }>('POST', path, { body: { appt } });
      assert.equal(created.status, 201);
      assert.equal(created.body.data.appt.foreign_id, null);
      assert.equal(created.body.data.appt.end_time, '2026-12-01T16:00:00.000Z');
      const twice = await h.call('POST', path, { body: { appt: { ...appt, start_time: '2026-12-01T10:30:00.000-05:00', patient_id: h.seed.patients.johnSmith1980 } } });
      assert.equal(twice.status, 400);
      assert.deepEqual(twice.body.error, [['Appointment could not be created']], 'nested, as in the docs\' error samples');
      const after = await slotsFor(rajPatel, B(), h.seed.appointmentTypes.brooklyn.cleaning);
      assert.ok(!after.body.data[0]?.slots.some((s) => s.time.startsWith('2026-12-01T10:00')));
      const fetched = await h.call<Appt>('GET', `/appointments/${created.body.data.appt.id}${q({})}`);
      assert.equal(fetched.body.data.patient_id, h.seed.patients.anaDiaz);
    });

    it('validates a booking: operatory when mapped, future start, end time source, ids', async () => {
      const path = `/appointments${q({ location_id: B() })}`;
      const base = { patient_id: h.seed.patients.anaDiaz, provider_id: h.seed.providers.rajPatel, operatory_id: h.seed.operatories.brooklynChair2, start_time: '2026-12-02T10:00:00-05:00', appointment_type_id: h.seed.appointmentTypes.brooklyn.cleaning };
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ ...base, operatory_id: undefined }, 400, 'Missing parameter appt.operatory_id'],
        [{ ...base, patient_id: undefined }, 400, 'Missing parameter appt.patient_id'],
        [{ ...base, appointment_type_id: undefined }, 400, 'Missing parameter appt.end_time'],
        [{ ...base, start_time: 'tomorrow' }, 400, 'Invalid parameter appt.start_time'],
        [{ ...base, start_time: '2026-11-30T08:00:00-05:00' }, 400, 'Invalid parameter appt.start_time: must be in the future'],
        [{ ...base, patient_id: 424242 }, 404, 'Patient not found'],
        [{ ...base, note: 'x'.repeat(129) }, 400, 'Invalid parameter appt.note: at most 128 characters'],
      ];
      for (const [appt, status, message] of cases) {
        const reply = await h.call('POST', path, { body: { appt } });
        assert.equal(reply.status, status, message);
        assert.deepEqual(reply.body.error, [message]);
      }
      const missingLocation = await h.call('POST', `/appointments${q({})}`, { body: { appt: base } });
      assert.deepEqual(missingLocation.body.error, ['Missing parameter location_id']);
      // Manhattan does not map by operatory, and end_time may be given instead of a type.
      const manhattan = await h.call('POST', `/appointments${q({ location_id: M() })}`, {
        body: { appt: { patient_id: h.seed.patients.anaDiaz, provider_id: h.seed.providers.emilyKim, start_time: '2026-12-02T15:00:00Z', end_time: '2026-12-02T15:30:00Z' } },
      });
      assert.equal(manhattan.status, 201);
    });

    it('lists appointments in a window with filters, and cancels with PATCH', async () => {
      const path = (extra: Record<string, string | number | boolean | number[]>) => `/appointments${q({ start: '2026-12-01T00:00:00Z', end: '2026-12-02T05:00:00Z', ...extra })}`;
      const all = await h.call<Appt[]>('GET', path({}));
      assert.equal(all.body.count, 4);
      const kim = await h.call<Appt[]>('GET', path({ provider_ids: [h.seed.providers.emilyKim], cancelled: false }));
      assert.deepEqual(kim.body.data.map((a) => a.id), [h.seed.appointments.kimNextWeekday1000]);
      const id = h.seed.appointments.kimNextWeekday1000;
      const cancelled = await h.call<{ appt: Appt }>('PATCH', `/appointments/${id}${q({})}`, { body: { appt: { cancelled: true } } });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.data.appt.cancelled, true);
      assert.equal(cancelled.body.data.appt.cancelled_at, FROZEN_NOW);
      const free = await slotsFor(h.seed.providers.emilyKim, M(), h.seed.appointmentTypes.manhattan.emergency);
      assert.ok(free.body.data[0]?.slots.some((s) => s.time.startsWith('2026-12-01T10:00')));
      const badPatch = await h.call('PATCH', `/appointments/${id}${q({})}`, { body: { appt: { cancelled: 'yes' } } });
      assert.deepEqual(badPatch.body.error, ['Invalid parameter appt.cancelled']);
    });
  });
});
