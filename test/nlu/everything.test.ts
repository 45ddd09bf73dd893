import assert from 'node:assert/strict';
import { understand } from '../../services/nlu';
import { runCases } from './run-cases';
import { referenceContext } from './reference';
import { combined, noise } from './cases/everything';

describe('nlu: everything in one message', () => runCases(combined));
describe('nlu: noise', () => {
  runCases(noise);
  it('never throws, whatever it is given', () => {
    const ctx = referenceContext();
    const inputs: unknown[] = [undefined, null, 42, {}, 'x'.repeat(10_000), '1'.repeat(5000), '/'.repeat(3000), 'born '.repeat(2000)];
    for (const input of inputs) assert.doesNotThrow(() => understand(input as string, ctx));
    assert.equal(understand('cleaning', { ...referenceContext(), appointmentTypes: [], providers: [], locations: [] }).appointmentTypeId, undefined);
  });
  it('reads the reference lists it is given, not a cached copy', () => {
    const ctx = { ...referenceContext(), appointmentTypes: [{ id: 99, name: 'Hygiene' }, { id: 98, name: 'Limited Exam' }] };
    assert.equal(understand('I need a cleaning', ctx).appointmentTypeId, 99);
    assert.equal(understand('my tooth hurts', ctx).appointmentTypeId, 98);
    assert.equal(understand('I need a cleaning', referenceContext()).appointmentTypeId, 1);
    const other = { ...referenceContext(), locations: [{ id: 7, name: 'Smile Dental - Brooklyn' }, { id: 8, name: 'Smile Dental - Queens' }] };
    assert.equal(understand('queens office', other).locationId, 8);
    assert.equal(understand('smile dental', other).locationId, undefined);
  });
  it('is pure: the same message gives the same answer', () => {
    const text = "I'm Ana Diaz, born 3/4/1990, cleaning next Tuesday";
    assert.deepEqual(understand(text, referenceContext()), understand(text, referenceContext()));
  });
});
