import assert from 'node:assert/strict';
import { understand, type UnderstandContext } from '../../services/nlu';
import { runCases } from './run-cases';
import { referenceContext } from './reference';
import { frontDeskIntentCases, frontDeskNameCases } from './cases/front-desk';

describe('nlu: intents said the way patients say them', () => runCases(frontDeskIntentCases));
describe('nlu: names that are also words, spelling hints, particles', () => runCases(frontDeskNameCases));

// A practice with specific types: they win over Emergency; without them, Emergency stays.
const GUMS = 6;
const REPAIR = 7;
const WHITENING = 8;
function withSpecificTypes(): UnderstandContext {
  const ctx = referenceContext('appointmentType');
  return { ...ctx, appointmentTypes: [...ctx.appointmentTypes, { id: GUMS, name: 'Periodontal (Gum) Treatment' }, { id: REPAIR, name: 'Filling Repair' }, { id: WHITENING, name: 'Teeth Whitening' }] };
}

describe('nlu: a practice\'s specific type wins over Emergency', () => {
  const cases: [string, number][] = [
    ['my gums bleed a lot', GUMS],
    ['swollen gums', GUMS],
    ['gingivitis', GUMS],
    ['the filling came out', REPAIR],
    ['I think I broke my filling', REPAIR],
    ['loose filling', REPAIR],
    ['my teeth are yellow', WHITENING],
    ['whiter smile for my wedding', WHITENING],
    ['my tooth is throbbing', 3],
  ];
  for (const [text, id] of cases) {
    it(JSON.stringify(text), () => assert.equal(understand(text, withSpecificTypes()).appointmentTypeId, id));
  }
  it('without such types, bleeding gums and a broken filling are still Emergency', () => {
    assert.equal(understand('my gums are bleeding', referenceContext('appointmentType')).appointmentTypeId, 3);
    assert.equal(understand('I think I broke my filling', referenceContext('appointmentType')).appointmentTypeId, 3);
  });
});
