import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { understand } from '../../services/nlu';
import { ZONE, referenceContext } from './reference';

describe('understand: dates a few months out', () => {
  it('understands a date beyond the date parser\'s default 30 days ("January 15")', () => {
    const result = understand('can I come in on January 15 in the morning?', referenceContext('when'));
    const window = result.when?.windows[0];
    assert.ok(window, 'a window');
    assert.equal(DateTime.fromISO(window.start, { zone: ZONE }).toISODate(), '2027-01-15');
    assert.equal(DateTime.fromISO(window.start, { zone: ZONE }).hour, 8);
  });

  it('still finds nothing past three months', () => {
    assert.equal(understand('March 30', referenceContext('when')).when?.windows.length ?? 0, 0);
  });
});
