// Answers to a list the bot showed: "Other times" on an offer, and numbered picks (SMS numbers every list).
import assert from 'node:assert/strict';
import { understand } from '../../services/nlu';
import { LOCATIONS, PROVIDERS, TYPES, referenceContext } from './reference';

describe('understand: answers to a shown list', () => {
  for (const text of ['Other times', 'other times please', 'more', 'show me more times', 'none of these', 'none of those work', 'something else', 'different days']) {
    it(`"${text}" asks for more times when choosing`, () => {
      const result = understand(text, referenceContext('choice'));
      assert.equal(result.more, true);
      assert.equal(result.choice, undefined);
      assert.equal(result.when, undefined);
    });
  }

  it('is not read as "more" outside a choice, nor for a number', () => {
    assert.equal(understand('Other times', referenceContext('confirm')).more, undefined);
    assert.equal(understand('2', referenceContext('choice')).more, undefined);
    assert.equal(understand('more cleaning appointments', referenceContext('choice')).more, undefined);
  });

  it('picks the n-th entry of the list being asked about', () => {
    assert.equal(understand('2', referenceContext('location')).locationId, LOCATIONS.Manhattan);
    assert.equal(understand('the first one', referenceContext('location')).locationId, LOCATIONS.Brooklyn);
    assert.equal(understand('3', referenceContext('appointmentType')).appointmentTypeId, TYPES.Emergency);
    assert.equal(understand('#2', referenceContext('provider')).providerId, PROVIDERS['Dr. Raj Patel']);
  });

  it('ignores a number past the end of the list, and numbers when not asked for a list', () => {
    assert.equal(understand('9', referenceContext('appointmentType')).appointmentTypeId, undefined);
    assert.equal(understand('2', referenceContext('name')).locationId, undefined);
    assert.equal(understand('2', referenceContext('name')).appointmentTypeId, undefined);
  });

  it('still matches names in a list answer', () => {
    assert.equal(understand('manhattan', referenceContext('location')).locationId, LOCATIONS.Manhattan);
    assert.equal(understand('a cleaning', referenceContext('appointmentType')).appointmentTypeId, TYPES.Cleaning);
  });
});
