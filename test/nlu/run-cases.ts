// One mocha test per message: every field is checked, and a field the case does not list must
// be absent (so "unrelated fields are absent" is asserted everywhere).
import assert from 'node:assert/strict';
import { understand } from '../../services/nlu';
import { FIELDS, fieldMismatch, referenceContext, type Case } from './reference';

export function runCases(cases: Case[]): void {
  for (const testCase of cases) {
    const label = `${JSON.stringify(testCase.text.length > 80 ? `${testCase.text.slice(0, 77)}...` : testCase.text)}${testCase.expecting ? ` (expecting ${testCase.expecting})` : ''}`;
    it(label, () => {
      const result = understand(testCase.text, referenceContext(testCase.expecting));
      const problems = FIELDS.map((field) => fieldMismatch(result, testCase.expect, field)).filter((p): p is string => p !== undefined);
      assert.deepEqual(problems, [], `${problems.join('; ')}\n  got ${JSON.stringify(result)}`);
    });
  }
}
