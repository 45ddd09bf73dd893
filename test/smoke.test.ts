import assert from 'node:assert/strict';
import { ManualClock } from '../services/clock';

describe('ManualClock', () => {
  it('moves only when told', () => {
    const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
    clock.advance(60_000);
    assert.equal(clock.now().toISOString(), '2026-11-24T15:01:00.000Z');
  });
});
