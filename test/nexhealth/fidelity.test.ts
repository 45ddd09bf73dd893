// What the real NexHealth API does that a kinder fake would hide (shared/reviews/nexhealth-fidelity.md):
// each rule is enforced by the sandbox and relied on by the client, over real HTTP.
import assert from 'node:assert/strict';
import { BookingService } from '../../services/booking';
import { ManualClock } from '../../services/clock';
import { NexHealthClient, isNexHealthError, type NewAppointment, type NexHealthClientOptions } from '../../services/nexhealth';
import type { RunningSandbox } from '../../sandbox';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';

const NOW = new Date('2026-11-24T15:00:00Z'); // Tue 10:00 in New York

describe('NexHealth fidelity (client and sandbox)', function () {
  this.timeout(20_000);
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  let clock: ManualClock;

  const makeClient = (overrides: Partial<NexHealthClientOptions> = {}) => new NexHealthClient({
    baseUrl: sandbox.url, apiKey: 'sandbox-api-key', subdomain: 'demo-dental', clock, timeoutMs: 2_000, maxRetries: 3,
    random: () => 0.5, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))), ...overrides,
  });

  before(async () => {
    sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
  });

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    await admin.reset(NOW);
  });

  describe("another patient's appointment is never taken for this one's", () => {
    const sameTime = (patientId: number): NewAppointment => ({
      locationId: sandbox.seed.locations.brooklyn, patientId, providerId: sandbox.seed.providers.sarahLee,
      startTime: '2026-12-01T14:00:00.000-05:00', operatoryId: sandbox.seed.operatories.brooklynChair1,
      appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.consultation,
    });

    it('a time taken by someone else is reported taken, not adopted', async () => {
      const client = makeClient();
      const johns = await client.createAppointment(sameTime(sandbox.seed.patients.johnSmith1980));
      await assert.rejects(client.createAppointment(sameTime(sandbox.seed.patients.anaDiaz)),
        (error: unknown) => isNexHealthError(error, 'slot_unavailable'));
      assert.equal((await client.getAppointment(johns.id)).patient_id, sandbox.seed.patients.johnSmith1980);
    });

    it('a double booking in wording the client does not know (nested error) is recognised by re-checking the slot', async () => {
      const client = makeClient();
      await client.createAppointment(sameTime(sandbox.seed.patients.johnSmith1980));
      await admin.resetCounters();
      await assert.rejects(client.createAppointment(sameTime(sandbox.seed.patients.anaDiaz)), (error: unknown) => {
        assert.ok(isNexHealthError(error, 'slot_unavailable'));
        assert.deepEqual(error.problems, ['Appointment could not be created'], 'the nested error array is read');
        return true;
      });
      assert.equal((await admin.counters())['GET /appointment_slots'], 1, 'the slot was checked, not guessed from wording');
    });

    it('a 400 that names a field is not taken for a double booking (no re-check)', async () => {
      const client = makeClient();
      await admin.resetCounters();
      await assert.rejects(client.createAppointment({ ...sameTime(sandbox.seed.patients.anaDiaz), startTime: '2026-11-20T14:00:00.000-05:00' }),
        (error: unknown) => isNexHealthError(error, 'invalid') && error.problems.some((problem) => /start_time/.test(problem)));
      assert.equal((await admin.counters())['GET /appointment_slots'], undefined);
    });

    it("a lost create answer does not make someone else's booking this patient's", async () => {
      const client = makeClient();
      await client.createAppointment(sameTime(sandbox.seed.patients.johnSmith1980));
      await admin.fault({ kind: 'down', path: '/appointments', method: 'POST', times: 1 });
      await assert.rejects(client.createAppointment(sameTime(sandbox.seed.patients.anaDiaz)),
        (error: unknown) => isNexHealthError(error, 'slot_unavailable'));
    });

    it("upcoming appointments are one patient-scoped query per location, not a page through everyone's", async () => {
      const client = makeClient({ pageSize: 1 });
      const booking = new BookingService(client, clock);
      const anas = await client.createAppointment(sameTime(sandbox.seed.patients.anaDiaz));
      await client.createAppointment({ ...sameTime(sandbox.seed.patients.johnSmith1980), providerId: sandbox.seed.providers.rajPatel, operatoryId: sandbox.seed.operatories.brooklynChair2, startTime: '2026-12-02T14:00:00.000-05:00' });
      await admin.resetCounters();
      const upcoming = await booking.upcomingEverywhere(sandbox.seed.patients.anaDiaz);
      assert.deepEqual(upcoming.map((appointment) => appointment.id), [anas.id]);
      assert.equal((await admin.counters())['GET /appointments'], 2, 'one page per location: only her appointments came back');
    });
  });

  describe("practices that don't use NexHealth's own booking page", () => {
    const brooklyn = (): number => sandbox.seed.locations.brooklyn;

    it('offers providers who are not `requestable` when the practice says so', async () => {
      const byDefault = await new BookingService(makeClient(), clock).reference(brooklyn());
      assert.ok(!byDefault.providers.some((provider) => provider.id === sandbox.seed.providers.danaReyes));
      const everyone = await new BookingService(makeClient({ requestableProvidersOnly: false }), clock).reference(brooklyn());
      assert.ok(everyone.providers.some((provider) => provider.id === sandbox.seed.providers.danaReyes));
    });

    it('offers appointment types not marked `bookable_online` when the practice says so', async () => {
      const client = makeClient();
      await client.createAppointmentType(brooklyn(), { name: 'Whitening', minutes: 30, parent_type: 'Location', parent_id: brooklyn(), bookable_online: false });
      const names = async (booking: BookingService) => (await booking.reference(brooklyn())).appointmentTypes.map((type) => type.name);
      assert.ok(!(await names(new BookingService(client, clock))).includes('Whitening'));
      assert.ok((await names(new BookingService(client, clock, { bookableOnlineTypesOnly: false }))).includes('Whitening'));
    });

    it('never sends a slot search without pids[] (v2 requires it)', async () => {
      const client = makeClient();
      await assert.rejects(client.getAppointmentSlots({ startDate: '2026-12-01', days: 1, locationIds: [brooklyn()], providerIds: [] }),
        (error: unknown) => isNexHealthError(error, 'invalid'));
      assert.equal((await admin.counters())['GET /appointment_slots'], undefined);
    });
  });

  describe('patient search', () => {
    it('leaves out a non-patient guarantor with the same name, birth date and phone (non_patient=false)', async () => {
      const booking = new BookingService(makeClient(), clock);
      const match = await booking.identifyPatient(sandbox.seed.locations.brooklyn, { firstName: 'David', lastName: 'Cohen', dateOfBirth: '1975-01-30', phone: '+15552019203' });
      assert.deepEqual(match, { kind: 'found', patientId: sandbox.seed.patients.davidCohen });
    });
  });

  describe('a new patient is created as POST /patients requires', () => {
    it('with a provider, the sex, a lower-case email, ten phone digits and names the record system keeps', async () => {
      const client = makeClient();
      const booking = new BookingService(client, clock);
      const brooklyn = sandbox.seed.locations.brooklyn;
      const id = await booking.registerPatient(brooklyn, {
        firstName: 'Maximilianalexander', lastName: 'Wolfeschlegelsteinhausen', dateOfBirth: '1991-02-03',
        phone: '+1 (555) 201-7788', email: 'Max.Wolfe@Example.COM', gender: 'Male',
      });
      const [record] = await client.searchPatients({ locationId: brooklyn, phoneNumber: '5552017788' });
      assert.equal(record?.id, id);
      assert.deepEqual([record.first_name, record.last_name], ['Maximilianalexa', 'Wolfeschlegelsteinha'], 'first name 15, last name 20 characters');
      assert.equal(record.email, 'max.wolfe@example.com');
      assert.equal(record.bio?.phone_number, '5552017788');
      assert.equal(record.bio?.gender, 'Male');
      assert.equal((record as { provider_id?: number }).provider_id, (await client.listProviders(brooklyn))[0]?.id);
      const again = await booking.registerPatient(brooklyn, {
        firstName: 'Maximilianalexander', lastName: 'Wolfeschlegelsteinhausen', dateOfBirth: '1991-02-03',
        phone: '5552017788', email: 'max.wolfe@example.com', gender: 'Male',
      });
      assert.equal(again, id, 'a repeat finds the same record, no duplicate');
    });
  });
});
