// The typed client against the sandbox over real HTTP: every endpoint the product uses and every
// fault the sandbox can inject.
import assert from 'node:assert/strict';
import { ManualClock } from '../../services/clock';
import { BookingService } from '../../services/booking';
import {
  API_VERSIONS, DEFAULT_API_VERSION, NexHealthError, isNexHealthError, versionStrategy, type ApiVersion, type NewAppointment, type NexHealthClientOptions,
} from '../../services/nexhealth';
import type { RunningSandbox } from '../../sandbox';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { sandboxClient } from '../support/sandbox-client';

const NOW = new Date('2026-11-24T15:00:00Z'); // Tue 10:00 in New York

describe('NexHealth client against the sandbox', function () {
  this.timeout(20_000);
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  let clock: ManualClock;

  // The suites that reach versioned surface run once per API version (eachVersion); the
  // transport's own (auth, faults, rate limits) on the default one.
  let apiVersion: ApiVersion = DEFAULT_API_VERSION;
  const makeClient = (overrides: Partial<NexHealthClientOptions> = {}) => sandboxClient(sandbox, clock, { apiVersion, ...overrides });
  const slotsPath = (): string => versionStrategy(apiVersion).slotsPath;
  const eachVersion = (title: string, suite: () => void): void => {
    for (const version of API_VERSIONS) {
      describe(`${title} (${version})`, () => {
        before(() => { apiVersion = version; });
        after(() => { apiVersion = DEFAULT_API_VERSION; });
        suite();
      });
    }
  };

  before(async () => {
    sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
  });

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    await admin.reset(NOW);
  });

  describe('authentication', () => {
    it('exchanges the API key once and reuses the token', async () => {
      const client = makeClient();
      await Promise.all([client.listLocations(), client.listProviders(sandbox.seed.locations.brooklyn), client.listAppointmentTypes(sandbox.seed.locations.brooklyn)]);
      await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      const counters = await admin.counters();
      assert.equal(counters['POST /authenticates'], 1);
    });

    it('exchanges again when the token has expired', async () => {
      await admin.settings({ tokenTtlSeconds: 120 });
      const client = makeClient();
      await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      clock.advance(119_000);
      await admin.advanceClock(119_000);
      await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      assert.equal((await admin.counters())['POST /authenticates'], 2);
    });

    it('recovers from a token the API refuses before its time', async () => {
      const client = makeClient();
      await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      // The sandbox's clock jumps past the token's expiry while ours does not: a 401 on a "fresh" token.
      await admin.advanceClock(2 * 3600_000);
      const patients = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      assert.ok(patients.length > 0);
      assert.equal((await admin.counters())['POST /authenticates'], 2);
    });

    it('reports a wrong API key as an auth error without retrying it', async () => {
      const client = makeClient({ apiKey: 'wrong-key' });
      await assert.rejects(client.listLocations(), (error: unknown) => isNexHealthError(error, 'auth') && error.status === 401);
      assert.equal((await admin.counters())['POST /authenticates'], 1);
    });
  });

  eachVersion('reference data', () => {
    it('reads locations, providers, operatories and appointment types', async () => {
      const client = makeClient();
      const locations = await client.listLocations();
      assert.deepEqual(locations.map((location) => location.name).sort(), ['Brooklyn Office', 'Manhattan Office']);
      assert.ok(locations.every((location) => location.tz === 'America/New_York'));
      const brooklyn = sandbox.seed.locations.brooklyn;
      const providers = await client.listProviders(brooklyn);
      assert.ok(providers.some((provider) => provider.id === sandbox.seed.providers.sarahLee));
      assert.ok(!providers.some((provider) => provider.id === sandbox.seed.providers.emilyKim), 'Dr. Kim works in Manhattan only');
      const operatories = await client.listOperatories(brooklyn);
      assert.ok(operatories.length >= 2 && operatories.every((operatory) => operatory.location_id === brooklyn));
      const types = await client.listAppointmentTypes(brooklyn);
      assert.ok(types.some((type) => type.name === 'Cleaning' && type.minutes === 60));
    });

    it('caches reference data for its TTL', async () => {
      const client = makeClient({ referenceTtlMs: 60_000 });
      const brooklyn = sandbox.seed.locations.brooklyn;
      await client.listAppointmentTypes(brooklyn);
      await client.listAppointmentTypes(brooklyn);
      await client.listLocations();
      await client.listLocations();
      let counters = await admin.counters();
      assert.equal(counters['GET /appointment_types'], 1);
      assert.equal(counters['GET /locations'], 1);
      clock.advance(61_000);
      await client.listAppointmentTypes(brooklyn);
      counters = await admin.counters();
      assert.equal(counters['GET /appointment_types'], 2);
    });

    it('creates an appointment type and sees it (cache cleared)', async () => {
      const client = makeClient();
      const brooklyn = sandbox.seed.locations.brooklyn;
      await client.listAppointmentTypes(brooklyn);
      const created = await client.createAppointmentType(brooklyn, { name: 'Whitening', minutes: 45, parent_type: 'Location', parent_id: brooklyn, bookable_online: true });
      assert.equal(created.name, 'Whitening');
      const types = await client.listAppointmentTypes(brooklyn);
      assert.ok(types.some((type) => type.id === created.id));
      await assert.rejects(client.createAppointmentType(brooklyn, { name: 'Whitening', minutes: 45, parent_type: 'Location', parent_id: brooklyn }),
        (error: unknown) => isNexHealthError(error, 'invalid'));
    });

    it('creates, changes and deletes an availability', async () => {
      const client = makeClient();
      const manhattan = sandbox.seed.locations.manhattan;
      const type = sandbox.seed.appointmentTypes.manhattan.consultation;
      const created = await client.createAvailability(manhattan, {
        provider_id: sandbox.seed.providers.emilyKim, begin_time: '18:00', end_time: '19:00', days: ['Saturday'], appointment_type_ids: [type], active: true,
      });
      assert.equal(created.begin_time, '18:00');
      const changed = await client.updateAvailability(created.id, { end_time: '20:00' });
      assert.equal(changed.end_time, '20:00');
      assert.ok((await client.listAvailabilities(manhattan)).some((availability) => availability.id === created.id));
      await client.deleteAvailability(created.id);
      assert.ok(!(await client.listAvailabilities(manhattan)).some((availability) => availability.id === created.id));
    });

    it('maps an unknown id to not_found', async () => {
      const client = makeClient();
      await assert.rejects(client.getAppointment(999_999), (error: unknown) => isNexHealthError(error, 'not_found') && error.status === 404);
    });
  });

  eachVersion('patients', () => {
    it('finds a patient by name and date of birth', async () => {
      const client = makeClient();
      const found = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'diaz', dateOfBirth: '1990-03-04' });
      assert.deepEqual(found.map((patient) => patient.id), [sandbox.seed.patients.anaDiaz]);
    });

    it('follows pages to the total count', async () => {
      const client = makeClient({ pageSize: 5 });
      const all = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn });
      assert.ok(all.length >= 20, `expected every patient, got ${all.length}`);
      assert.equal(new Set(all.map((patient) => patient.id)).size, all.length);
      assert.ok((await admin.counters())['GET /patients'] >= 4);
    });

    it('asks for its page size every time (v3 would answer 5 a page otherwise)', async () => {
      const all = await makeClient().searchPatients({ locationId: sandbox.seed.locations.brooklyn });
      assert.ok(all.length >= 20);
      assert.equal((await admin.counters())['GET /patients'], 1, 'one page of 100');
    });

    it('creates a patient once: a repeat returns the same record', async () => {
      const client = makeClient();
      const newPatient = { locationId: sandbox.seed.locations.brooklyn, firstName: 'Zoë', lastName: "O'Neil", email: 'zoe@example.com', dateOfBirth: '2001-07-09', phoneNumber: '5553337777', providerId: sandbox.seed.providers.sarahLee, gender: 'Female' as const };
      const first = await client.createPatient(newPatient);
      const again = await client.createPatient(newPatient);
      assert.equal(first.existing, false);
      assert.equal(again.existing, true);
      assert.equal(again.patient.id, first.patient.id);
      const named = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: "O'Neil" });
      assert.equal(named.length, 1);
    });

    it('reports a missing field by name and nothing the patient typed', async () => {
      const client = makeClient();
      await assert.rejects(
        client.createPatient({ locationId: sandbox.seed.locations.brooklyn, firstName: 'Ana', lastName: 'Nuevo', email: '', dateOfBirth: '1999-01-01', phoneNumber: '5551112222', providerId: sandbox.seed.providers.sarahLee, gender: 'Female' }),
        (error: unknown) => {
          assert.ok(isNexHealthError(error, 'invalid'));
          assert.match(error.message, /email/i);
          assert.doesNotMatch(error.message, /Nuevo|5551112222|1999-01-01/);
          return true;
        },
      );
    });
  });

  eachVersion('slots and appointments', () => {
    it('finds open slots for a type, splitting a long range into 14-day calls', async () => {
      const client = makeClient();
      const brooklyn = sandbox.seed.locations.brooklyn;
      const groups = await client.getAppointmentSlots({
        startDate: '2026-11-25', days: 20, locationIds: [brooklyn], providerIds: [sandbox.seed.providers.sarahLee, sandbox.seed.providers.rajPatel],
        appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.cleaning,
      });
      const slots = groups.flatMap((group) => group.slots);
      assert.ok(slots.length > 20);
      assert.ok(slots.some((slot) => slot.time.startsWith('2026-12-10')), 'days after the first 14 are there');
      // v2 slots carry no end_time: the type's length shows in their spacing.
      const first = groups[0]?.slots.filter((slot) => slot.time.slice(0, 10) === groups[0]?.slots[0]?.time.slice(0, 10)) ?? [];
      assert.ok(first.length > 1 && first.every((slot, index) => index === 0 || (Date.parse(slot.time) - Date.parse(first[index - 1].time)) % (60 * 60_000) === 0), 'a cleaning is an hour');
      // v3 slots carry end_time (OpenAPI AvailableSlot): the type's hour.
      if (apiVersion === 'v2') assert.ok(slots.every((slot) => slot.end_time === undefined));
      else assert.ok(slots.every((slot) => slot.end_time !== undefined && Date.parse(slot.end_time) - Date.parse(slot.time) === 60 * 60_000));
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], 2);
    });

    it('books a pending appointment that the record system completes later', async () => {
      const client = makeClient();
      const brooklyn = sandbox.seed.locations.brooklyn;
      // Brooklyn books by operatory: the search names its bookable operatories.
      const [group] = await client.getAppointmentSlots({
        startDate: '2026-11-30', days: 1, locationIds: [brooklyn], providerIds: [sandbox.seed.providers.sarahLee], appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.cleaning,
        operatoryIds: await client.bookableOperatoryIds(brooklyn),
      });
      const slot = group.slots[0];
      const booked = await client.createAppointment({
        locationId: brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
        startTime: slot.time, operatoryId: slot.operatory_id ?? undefined, appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.cleaning,
      });
      assert.equal(booked.foreign_id, null);
      assert.equal(Date.parse(booked.start_time), Date.parse(slot.time));
      await waitFor(async () => (await client.getAppointment(booked.id)).foreign_id !== null);

      const listed = await client.listAppointments({ locationId: brooklyn, start: '2026-11-30T00:00:00Z', end: '2026-12-01T05:00:00Z', patientId: sandbox.seed.patients.anaDiaz });
      assert.ok(listed.some((appointment) => appointment.id === booked.id));

      await assert.rejects(client.createAppointment({
        locationId: brooklyn, patientId: sandbox.seed.patients.johnSmith1980, providerId: sandbox.seed.providers.sarahLee,
        startTime: slot.time, operatoryId: slot.operatory_id ?? undefined, appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.cleaning,
      }), (error: unknown) => isNexHealthError(error, 'slot_unavailable'));

      const cancelled = await client.cancelAppointment(booked.id);
      assert.equal(cancelled.cancelled, true);
    });

    it('sends a lost create again only after checking it did not go through', async () => {
      const client = makeClient();
      const brooklyn = sandbox.seed.locations.brooklyn;
      await admin.fault({ kind: 'down', path: '/appointments', method: 'POST', times: 1 });
      const booked = await client.createAppointment({
        locationId: brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
        startTime: '2026-12-01T14:00:00.000-05:00', operatoryId: sandbox.seed.operatories.brooklynChair1, appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.consultation,
      });
      const counters = await admin.counters();
      assert.equal(counters['POST /appointments'], 2);
      assert.equal(counters['GET /appointments'], 1, 'looked before sending again');
      const listed = await client.listAppointments({ locationId: brooklyn, start: '2026-12-01T00:00:00Z', end: '2026-12-02T05:00:00Z', patientId: sandbox.seed.patients.anaDiaz });
      assert.deepEqual(listed.filter((appointment) => !appointment.cancelled).map((appointment) => appointment.id), [booked.id]);
    });
  });

  eachVersion('webhook endpoints and subscriptions', () => {
    it('creates, lists, changes and deletes them', async () => {
      const client = makeClient();
      const endpoint = await client.createWebhookEndpoint('http://127.0.0.1:1/hook');
      assert.equal(typeof endpoint.secret_key, 'string');
      const subscription = await client.createWebhookSubscription(endpoint.id, 'appointment_insertion');
      assert.equal(subscription.event, 'appointment_insertion');
      assert.deepEqual((await client.listWebhookSubscriptions(endpoint.id)).map((item) => item.id), [subscription.id]);
      const listed = await client.listWebhookEndpoints();
      assert.ok(listed.some((item) => item.id === endpoint.id && item.secret_key === endpoint.secret_key), 'the list shows the secret too');
      const disabled = await client.updateWebhookSubscription(endpoint.id, subscription.id, { active: false });
      assert.equal(disabled.active, false);
      assert.equal((await client.updateWebhookSubscription(endpoint.id, subscription.id, { active: true })).active, true);
      const paused = await client.updateWebhookEndpoint(endpoint.id, { active: false });
      assert.equal(paused.active, false);
      await client.deleteWebhookSubscription(endpoint.id, subscription.id);
      await client.deleteWebhookEndpoint(endpoint.id);
      assert.ok(!(await client.listWebhookEndpoints()).some((item) => item.id === endpoint.id));
    });
  });

  describe('faults', () => {
    it('paces a burst under the sandbox\'s 100 requests a second, so no 429 comes back', async () => {
      // Paced well under the limit so a loaded CI machine cannot bunch the arrivals over it.
      const client = makeClient({ maxRetries: 0, rateLimits: { perSecond: 60 }, rateLimitWaitMs: { read: 0, write: 0 } });
      await client.listLocations();
      const started = Date.now();
      await Promise.all(Array.from({ length: 120 }, () => client.getAppointment(sandbox.seed.appointments.patelNextWeekday0900)));
      assert.ok(Date.now() - started >= 1_000, 'had to wait for the next second');
      assert.deepEqual(await admin.rateLimited(), {});
    });

    it('retries a read after the connection drops', async () => {
      const client = makeClient();
      await client.listLocations();
      await admin.fault({ kind: 'down', path: '/patients', times: 2 });
      const found = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      assert.ok(found.length > 0);
      assert.equal((await admin.counters())['GET /patients'], 3);
    });

    it('retries a read after a 500', async () => {
      const client = makeClient();
      await admin.fault({ kind: 'server_error', path: '/appointment_types', times: 1 });
      assert.ok((await client.listAppointmentTypes(sandbox.seed.locations.brooklyn)).length > 0);
      assert.equal((await admin.counters())['GET /appointment_types'], 2);
    });

    it('gives up on a service that stays down, with an unavailable error', async () => {
      const client = makeClient({ maxRetries: 2 });
      await admin.fault({ kind: 'server_error', path: '/providers' });
      await assert.rejects(client.listProviders(sandbox.seed.locations.brooklyn), (error: unknown) => isNexHealthError(error, 'unavailable') && error.status === 500);
      assert.equal((await admin.counters())['GET /providers'], 3);
    });

    it('honours Retry-After on a 429, even for a create', async () => {
      const client = makeClient({ sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
      await client.listLocations();
      await admin.fault({ kind: 'rate_limit', path: '/patients', method: 'POST', times: 1, retryAfterSeconds: 1 });
      const started = Date.now();
      const created = await client.createPatient({ locationId: sandbox.seed.locations.brooklyn, firstName: 'Rae', lastName: 'Limit', email: 'rae@example.com', dateOfBirth: '1980-02-02', phoneNumber: '5554443333', providerId: sandbox.seed.providers.sarahLee, gender: 'Female' });
      assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
      assert.equal(created.existing, false);
      assert.equal((await admin.counters())['POST /patients'], 2);
    });

    it('reports rate_limited when 429s outlast the retries', async () => {
      const client = makeClient({ maxRetries: 1 });
      await admin.fault({ kind: 'rate_limit', path: slotsPath() });
      await assert.rejects(client.getAppointmentSlots({ startDate: '2026-11-30', days: 1, locationIds: [sandbox.seed.locations.brooklyn], providerIds: [sandbox.seed.providers.sarahLee] }),
        (error: unknown) => isNexHealthError(error, 'rate_limited') && error.transient);
    });

    it('times out a slow answer and retries a read', async () => {
      const client = makeClient({ timeoutMs: 300 });
      await client.listLocations();
      await admin.fault({ kind: 'slow', delayMs: 1_000, path: '/patients', times: 1 });
      const found = await client.searchPatients({ locationId: sandbox.seed.locations.brooklyn, name: 'Diaz' });
      assert.ok(found.length > 0);
    });

    it('finds a create that went through although its answer was lost, and does not book it twice', async () => {
      const client = makeClient();
      const brooklyn = sandbox.seed.locations.brooklyn;
      await admin.fault({ kind: 'lose_response', path: '/appointments', method: 'POST', times: 1 });
      const booked = await client.createAppointment({
        locationId: brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
        startTime: '2026-12-01T16:00:00.000-05:00', operatoryId: sandbox.seed.operatories.brooklynChair1, appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.consultation,
      });
      const counters = await admin.counters();
      assert.equal(counters['POST /appointments'], 1, 'not sent again');
      assert.equal(counters['GET /appointments'], 1, 'looked for it instead');
      const listed = await client.listAppointments({ locationId: brooklyn, start: '2026-12-01T00:00:00Z', end: '2026-12-02T05:00:00Z', patientId: sandbox.seed.patients.anaDiaz });
      assert.deepEqual(listed.filter((appointment) => !appointment.cancelled).map((appointment) => appointment.id), [booked.id]);
    });

    it('does not send a create again when it cannot tell whether it went through', async () => {
      const client = makeClient({ maxRetries: 0 });
      await admin.fault({ kind: 'server_error', path: '/appointments' });
      await assert.rejects(client.createAppointment({
        locationId: sandbox.seed.locations.brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
        startTime: '2026-12-01T15:00:00.000-05:00', operatoryId: sandbox.seed.operatories.brooklynChair1,
      }), (error: unknown) => error instanceof NexHealthError && error.kind === 'unavailable');
      const counters = await admin.counters();
      assert.equal(counters['POST /appointments'], 1);
    });
  });

  describe('rate limits (the sandbox enforces the documented ones)', () => {
    const slotSearch = () => ({ startDate: '2026-11-30', days: 1, locationIds: [sandbox.seed.locations.brooklyn], providerIds: [sandbox.seed.providers.sarahLee] });
    const consultation = (startTime: string) => ({
      locationId: sandbox.seed.locations.brooklyn, patientId: sandbox.seed.patients.anaDiaz, providerId: sandbox.seed.providers.sarahLee,
      startTime, operatoryId: sandbox.seed.operatories.brooklynChair1, appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.consultation,
    });

    it('waits its turn under 10 slot searches a second: 30 at once all answer, none refused', async () => {
      const client = makeClient({ rateLimitWaitMs: { read: 0, write: 0 } });
      await client.listLocations();
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 30 }, () => client.getAppointmentSlots(slotSearch())));
      assert.ok(answers.every((groups) => groups.length === 1 && groups[0].slots.length > 0));
      assert.deepEqual(await admin.rateLimited(), {}, 'the sandbox answered no 429');
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], 30, 'each sent once');
      assert.ok(Date.now() - started >= 2_000, 'spread over three seconds');
    });

    it('honours Retry-After on a read, and holds the other requests on its windows meanwhile', async () => {
      let paused: () => void = () => undefined;
      const pausing = new Promise<void>((resolve) => { paused = resolve; });
      const client = makeClient({ sleep: (ms) => { paused(); return new Promise((resolve) => setTimeout(resolve, ms)); } });
      await client.listLocations();
      await admin.fault({ kind: 'rate_limit', path: slotsPath(), times: 1, retryAfterSeconds: 1 });
      const started = Date.now();
      const first = client.getAppointmentSlots(slotSearch());
      await pausing; // the first got its 429 and waits: now another patient searches
      const second = client.getAppointmentSlots(slotSearch()).then(() => Date.now() - started);
      await first;
      assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
      assert.ok(await second >= 950, 'the next search waited too instead of adding to the excess');
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], 3);
    });

    it('without Retry-After, waits out a minute\'s window on a read and a shorter time on a write', async () => {
      const waits: number[] = [];
      const client = makeClient({ sleep: async (ms) => { waits.push(ms); } });
      await client.listLocations();
      await admin.fault({ kind: 'rate_limit', path: slotsPath() });
      await assert.rejects(client.getAppointmentSlots(slotSearch()), (error: unknown) => isNexHealthError(error, 'rate_limited'));
      const readWait = waits.reduce((sum, ms) => sum + ms, 0);
      assert.ok(readWait >= 59_000 && readWait <= 60_000, `waited ${readWait} ms in all`);
      assert.ok(waits[0] >= 500 && waits[0] <= 1_000, 'starting from a second');
      waits.length = 0;
      await admin.clearFaults();
      await admin.fault({ kind: 'rate_limit', path: '/appointments', method: 'POST' });
      await assert.rejects(client.createAppointment(consultation('2026-12-01T14:00:00.000-05:00')), (error: unknown) => isNexHealthError(error, 'rate_limited'));
      assert.ok(waits.reduce((sum, ms) => sum + ms, 0) <= 20_000);
    });

    it('sends a refused create again (a 429 was not processed) and books it once', async () => {
      const client = makeClient();
      await admin.fault({ kind: 'rate_limit', path: '/appointments', method: 'POST', times: 2 });
      const booked = await client.createAppointment(consultation('2026-12-01T14:00:00.000-05:00'));
      assert.equal((await admin.counters())['POST /appointments'], 3);
      const listed = await client.listAppointments({ locationId: sandbox.seed.locations.brooklyn, start: '2026-12-01T00:00:00Z', end: '2026-12-02T05:00:00Z', patientId: sandbox.seed.patients.anaDiaz });
      assert.deepEqual(listed.filter((appointment) => !appointment.cancelled).map((appointment) => appointment.id), [booked.id]);
    });

    it('refuses at once, as rate_limited, when too many requests are already waiting', async () => {
      const client = makeClient({ maxQueuedRequests: 1, rateLimits: { listReadsPerSecond: 1 } });
      await client.listLocations();
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => client.getAppointmentSlots(slotSearch())));
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['fulfilled', 'fulfilled', 'rejected']);
      const refused = outcomes[2];
      assert.ok(refused.status === 'rejected' && isNexHealthError(refused.reason, 'rate_limited') && /waiting/.test(refused.reason.message));
    });
  });

  // What the real API does that a kinder fake would hide (shared/reviews/nexhealth-fidelity.md): each
  // rule is enforced by the sandbox and relied on by the client.
  eachVersion("another patient's appointment is never taken for this one's", () => {
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
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], 1, 'the slot was checked, not guessed from wording');
    });

    it('a 400 that names a field is not taken for a double booking (no re-check)', async () => {
      const client = makeClient();
      await admin.resetCounters();
      await assert.rejects(client.createAppointment({ ...sameTime(sandbox.seed.patients.anaDiaz), startTime: '2026-11-20T14:00:00.000-05:00' }),
        (error: unknown) => isNexHealthError(error, 'invalid') && error.problems.some((problem) => /start_time/.test(problem)));
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], undefined);
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
      const upcoming = await booking.appointments.upcomingEverywhere(sandbox.seed.patients.anaDiaz);
      assert.deepEqual(upcoming.map((appointment) => appointment.id), [anas.id]);
      assert.equal((await admin.counters())['GET /appointments'], 2, 'one page per location: only her appointments came back');
    });
  });

  eachVersion("practices that don't use NexHealth's own booking page", () => {
    const brooklyn = (): number => sandbox.seed.locations.brooklyn;

    it('offers providers who are not `requestable` when the practice says so', async () => {
      const byDefault = await new BookingService(makeClient(), clock).schedule.reference(brooklyn());
      assert.ok(!byDefault.providers.some((provider) => provider.id === sandbox.seed.providers.danaReyes));
      const everyone = await new BookingService(makeClient({ requestableProvidersOnly: false }), clock).schedule.reference(brooklyn());
      assert.ok(everyone.providers.some((provider) => provider.id === sandbox.seed.providers.danaReyes));
    });

    it('offers appointment types not marked `bookable_online` when the practice says so', async () => {
      const client = makeClient();
      await client.createAppointmentType(brooklyn(), { name: 'Whitening', minutes: 30, parent_type: 'Location', parent_id: brooklyn(), bookable_online: false });
      const names = async (booking: BookingService) => (await booking.schedule.reference(brooklyn())).appointmentTypes.map((type) => type.name);
      assert.ok(!(await names(new BookingService(client, clock))).includes('Whitening'));
      assert.ok((await names(new BookingService(client, clock, { bookableOnlineTypesOnly: false }))).includes('Whitening'));
    });

    it('never sends a slot search without pids[] (v2 requires it)', async () => {
      const client = makeClient();
      await assert.rejects(client.getAppointmentSlots({ startDate: '2026-12-01', days: 1, locationIds: [brooklyn()], providerIds: [] }),
        (error: unknown) => isNexHealthError(error, 'invalid'));
      assert.equal((await admin.counters())[`GET ${slotsPath()}`], undefined);
    });
  });

  eachVersion('patient search', () => {
    it('leaves out a non-patient guarantor with the same name, birth date and phone (non_patient=false)', async () => {
      const booking = new BookingService(makeClient(), clock);
      const match = await booking.patients.identify(sandbox.seed.locations.brooklyn, { firstName: 'David', lastName: 'Cohen', dateOfBirth: '1975-01-30', phone: '+15552019203' });
      assert.deepEqual(match, { kind: 'found', patientId: sandbox.seed.patients.davidCohen });
    });
  });

  eachVersion('a new patient is created as POST /patients requires', () => {
    it('with a provider, the sex, a lower-case email, ten phone digits and names the record system keeps', async () => {
      const client = makeClient();
      const booking = new BookingService(client, clock);
      const brooklyn = sandbox.seed.locations.brooklyn;
      const id = await booking.patients.register(brooklyn, {
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
      const again = await booking.patients.register(brooklyn, {
        firstName: 'Maximilianalexander', lastName: 'Wolfeschlegelsteinhausen', dateOfBirth: '1991-02-03',
        phone: '5552017788', email: 'max.wolfe@example.com', gender: 'Male',
      });
      assert.equal(again, id, 'a repeat finds the same record, no duplicate');
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not met in time');
}
