import assert from 'node:assert/strict';
import { applyFacts, nextStep, retryDraft, type BookingDraft } from '../../services/booking';

const afternoon = { windows: [{ start: '2026-12-01T12:00:00.000-05:00', end: '2026-12-01T17:00:00.000-05:00' }], asap: false };
const thursday = { windows: [{ start: '2026-11-26T00:00:00.000-05:00', end: '2026-11-27T00:00:00.000-05:00' }], asap: false };
const slot = { start: '2026-12-01T14:30:00.000-05:00', end: '2026-12-01T15:30:00.000-05:00', providerId: 1, locationId: 10 };

describe('booking draft', () => {
  it('asks in the order of the spec', () => {
    const practice = { locationCount: 2 };
    let draft: BookingDraft = {};
    assert.equal(nextStep(draft, practice), 'location');
    assert.equal(nextStep(draft, { locationCount: 1 }), 'name');
    draft = { locationId: 10 };
    assert.equal(nextStep(draft, practice), 'name');
    draft = { ...draft, firstName: 'Ana', lastName: 'Diaz' };
    assert.equal(nextStep(draft, practice), 'dateOfBirth');
    draft = { ...draft, dateOfBirth: '1990-03-04' };
    assert.equal(nextStep(draft, practice), 'contact');
    draft = { ...draft, phone: '+15552013344' };
    assert.equal(nextStep(draft, practice), 'identify');
    assert.equal(nextStep({ ...draft, newPatient: true }, practice), 'newPatientContact');
    assert.equal(nextStep({ ...draft, newPatient: true, email: 'a@b.co' }, practice), 'newPatientGender', 'a new patient is asked their sex once');
    assert.equal(nextStep({ ...draft, newPatient: true, email: 'a@b.co', gender: 'Female' }, practice), 'register');
    draft = { ...draft, patientId: 7 };
    assert.equal(nextStep(draft, practice), 'appointmentType');
    draft = { ...draft, appointmentTypeId: 3 };
    assert.equal(nextStep(draft, practice), 'when');
    draft = { ...draft, when: afternoon };
    assert.equal(nextStep(draft, practice), 'offerTimes');
    draft = { ...draft, chosenSlot: slot };
    assert.equal(nextStep(draft, practice), 'confirm');
  });

  it('takes every fact of one message at once', () => {
    const { draft, changed } = applyFacts({}, {
      firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', appointmentTypeId: 3, locationId: 10, when: afternoon,
    });
    assert.deepEqual(changed.sort(), ['appointmentTypeId', 'dateOfBirth', 'firstName', 'lastName', 'locationId', 'phone', 'when']);
    assert.equal(nextStep(draft, { locationCount: 2 }), 'identify');
  });

  it('a new time preference drops the offered and chosen times, nothing else', () => {
    const before: BookingDraft = { locationId: 10, firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', patientId: 7, appointmentTypeId: 3, when: afternoon, offeredSlots: [slot], seenSlotKeys: ['x'], chosenSlot: slot };
    const { draft, changed } = applyFacts(before, { when: thursday });
    assert.deepEqual(changed, ['when']);
    assert.equal(draft.chosenSlot, undefined);
    assert.equal(draft.offeredSlots, undefined);
    assert.equal(draft.patientId, 7);
    assert.equal(nextStep(draft, { locationCount: 2 }), 'offerTimes');
  });

  it('a corrected name sends the identity back to be looked up', () => {
    const before: BookingDraft = { firstName: 'Anna', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', patientId: 7, appointmentTypeId: 3 };
    const { draft } = applyFacts(before, { firstName: 'Ana' });
    assert.equal(draft.patientId, undefined);
    assert.equal(draft.appointmentTypeId, 3);
  });

  it('repeating a known fact changes nothing', () => {
    const before: BookingDraft = { when: afternoon, chosenSlot: slot };
    const { draft, changed } = applyFacts(before, { when: afternoon });
    assert.deepEqual(changed, []);
    assert.equal(draft.chosenSlot, slot);
  });

  it('ignores a time preference that found no date', () => {
    const { changed } = applyFacts({ when: afternoon }, { when: { windows: [], asap: false } });
    assert.deepEqual(changed, []);
  });

  it('a new location drops the type chosen for the old one', () => {
    const { draft } = applyFacts({ locationId: 10, appointmentTypeId: 3, providerId: 5 }, { locationId: 11 });
    assert.equal(draft.appointmentTypeId, undefined);
    assert.equal(draft.providerId, undefined);
  });
});

describe('retryDraft', () => {
  it('keeps what offers new times, skips the refused one, and drops identity fields', () => {
    const full: BookingDraft = {
      locationId: 10, firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', email: 'a@b.co',
      patientId: 7, appointmentTypeId: 3, providerId: 'any', when: afternoon, chosenSlot: slot, offeredSlots: [slot],
    };
    const retry = retryDraft(full, 'key-1');
    assert.deepEqual(retry, { locationId: 10, patientId: 7, appointmentTypeId: 3, providerId: 'any', when: afternoon, seenSlotKeys: ['key-1'] });
    assert.equal(nextStep(retry, { locationCount: 2 }), 'offerTimes');
  });
});
