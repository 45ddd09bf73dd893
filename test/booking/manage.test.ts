// The pure decisions behind list, cancel and reschedule: which appointment a message means, how one
// is described, what identity is still missing, and what a refused reschedule keeps.
import assert from 'node:assert/strict';
import { identityStep, pickAppointment, retryDraft, summarizeAppointment } from '../../services/booking';
import type { AppointmentType, Location, Provider } from '../../services/nexhealth';

const appointments = [
  { id: 1, start: '2026-12-01T14:30:00-05:00' }, // Tue 2:30 PM
  { id: 2, start: '2026-12-01T16:00:00-05:00' }, // Tue 4:00 PM
  { id: 3, start: '2026-12-03T10:00:00-05:00' }, // Thu 10:00 AM
];
const window = (start: string, end: string) => ({ windows: [{ start, end }], asap: false });

describe('pickAppointment', () => {
  it('takes a number from the list', () => {
    assert.equal(pickAppointment(appointments, { choice: 3 })?.id, 3);
    assert.equal(pickAppointment(appointments, { choice: 4 }), undefined);
  });

  it('takes the only appointment on a day ("the Thursday one")', () => {
    assert.equal(pickAppointment(appointments, { when: window('2026-12-03T00:00:00-05:00', '2026-12-04T00:00:00-05:00') })?.id, 3);
  });

  it('two on that day: the time decides ("Tuesday at 2:30"), the day alone does not', () => {
    assert.equal(pickAppointment(appointments, { when: window('2026-12-01T13:30:00-05:00', '2026-12-01T15:30:00-05:00') })?.id, 1);
    assert.equal(pickAppointment(appointments, { when: window('2026-12-01T00:00:00-05:00', '2026-12-02T00:00:00-05:00') }), undefined);
  });

  it('nothing said: nothing picked', () => {
    assert.equal(pickAppointment(appointments, {}), undefined);
  });
});

describe('summarizeAppointment', () => {
  const reference = {
    location: { id: 101, name: 'Brooklyn Office', tz: 'America/New_York' } as Location,
    appointmentTypes: [{ id: 401, name: 'Cleaning' }] as AppointmentType[],
    providers: [{ id: 201, first_name: 'Sarah', last_name: 'Lee' }] as Provider[],
  };

  it('writes type, provider, time in the location\'s zone and office', () => {
    assert.deepEqual(summarizeAppointment(reference, { appointmentTypeId: 401, providerId: 201, start: '2026-12-01T19:30:00Z' }), {
      text: 'Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office', type: 'Cleaning', when: 'Tue, Dec 1 at 2:30 PM',
    });
  });

  it('leaves out what it does not know', () => {
    assert.equal(summarizeAppointment(reference, { appointmentTypeId: 999, providerId: 999 }).text, 'Appointment, Brooklyn Office');
  });
});

describe('identity before appointments', () => {
  it('asks name, birth date, then a phone or email; then checks', () => {
    assert.equal(identityStep({}), 'name');
    assert.equal(identityStep({ firstName: 'Ana', lastName: 'Diaz' }), 'dateOfBirth');
    assert.equal(identityStep({ firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04' }), 'contact');
    assert.equal(identityStep({ firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', email: 'ana@example.com' }), 'identify');
  });

  it('a refused reschedule keeps the appointment it replaces, and no identity', () => {
    const replaces = { appointmentId: 9, summary: 'Cleaning, Brooklyn Office', when: 'Tue, Dec 1 at 2:30 PM' };
    const kept = retryDraft({ locationId: 101, patientId: 5, firstName: 'Ana', phone: '+15552013344', appointmentTypeId: 401, replaces }, 'key');
    assert.deepEqual(kept.replaces, replaces);
    assert.equal(kept.firstName, undefined);
    assert.equal(kept.phone, undefined);
  });
});
