import assert from 'node:assert/strict';
import { allSuiteCases, calendarCases, meaningRows, phrases, specExamples } from './suite-cases';
import { anchoredCases, holidayCases, horizonCases, typedCases } from './suite-cases-2';
import { caseErrors, runCase, showWindows, DEFAULT_ZONE, type DateCase } from './cases';

function table(title: string, cases: DateCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      const label = `${c.text || '(empty)'}${c.now ? ` @${c.now}` : ''}${c.tz ? ` ${c.tz}` : ''}`;
      it(label, () => {
        const result = runCase(c);
        const errors = caseErrors(c, result);
        assert.deepEqual(errors, [], `got ${showWindows(result, c.tz ?? DEFAULT_ZONE)} asap=${result.asap} past=${result.past}`);
      });
    }
  });
}

describe('parseDatePreference', () => {
  it('has at least 150 phrases of its own', () => {
    assert.ok(allSuiteCases.length >= 150, `${allSuiteCases.length} cases`);
  });
  table('spec examples', specExamples);
  table('meanings table', meaningRows);
  table('phrases, typos and short forms', phrases);
  table('zones, DST, evenings, month/year ends, leap days', calendarCases);
  table('holidays', holidayCases);
  table('named dates past the horizon, year-less dates, since', horizonCases);
  table('anchored and open ranges', anchoredCases);
  table('typed times, dashes, short forms, exclusions, asap', typedCases);
});
