// The contract around the meanings: output shape, clipping, merging, purity and never throwing.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseDatePreference, type DatePreference } from '../../services/dates';
import { allSuiteCases } from './suite-cases';
import { nowOf, DEFAULT_ZONE } from './cases';

const now = new Date('2026-11-24T15:00:00Z'); // Tue 10:00 in New York
const opts = { now, timeZone: 'America/New_York' };
const EMPTY: DatePreference = { windows: [], asap: false, past: false };
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const NAMES_A_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d[/-]\d|\d(?:st|nd|rd|th)\b|christmas|xmas|new year|thanksgiving|memorial|labou?r day|good friday|independence|july 4|mlk|luther king|presidents|juneteenth|veterans|columbus|valentine|halloween|easter|holidays/i;

describe('parseDatePreference contract', () => {
  it('returns the empty result for garbage, empty and huge text', () => {
    for (const text of ['', '   ', '???', 'asdf qwer zxcv', '\u0000\uffff', '🦷🦷🦷', 'x'.repeat(10_240), 'tomorrow '.repeat(1200)]) {
      assert.deepEqual(parseDatePreference(text, opts), EMPTY, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('never throws, whatever it is given', () => {
    const bad: unknown[] = [null, undefined, 42, {}, []];
    for (const text of bad) assert.deepEqual(parseDatePreference(text as string, opts), EMPTY);
    assert.deepEqual(parseDatePreference('tomorrow', { now: new Date(Number.NaN), timeZone: 'America/New_York' }), EMPTY);
    assert.deepEqual(parseDatePreference('tomorrow', { now, timeZone: 'Not/AZone' }), EMPTY);
    assert.deepEqual(parseDatePreference('tomorrow', { now: 'yesterday' as unknown as Date, timeZone: 'UTC' }), EMPTY);
  });

  it('answers 10 kB of text quickly', () => {
    const started = process.hrtime.bigint();
    parseDatePreference('next tuesday afternoon '.repeat(450), opts);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50);
  });

  // Issue 17: a named calendar date ("late December", "January 20") keeps its whole window, up to a
  // year out; the horizon bounds everything else.
  it('gives ISO 8601 windows with the offset of the zone, sorted, merged and within [now, horizon] (a year for named dates)', () => {
    for (const c of allSuiteCases) {
      const zone = c.tz ?? DEFAULT_ZONE;
      const start = nowOf(c).getTime();
      const named = NAMES_A_DATE.test(c.text);
      const horizon = DateTime.fromJSDate(nowOf(c), { zone }).plus({ days: named && c.horizonDays === undefined ? 367 : c.horizonDays ?? 30 }).toMillis();
      const result = parseDatePreference(c.text, { now: nowOf(c), timeZone: zone, horizonDays: c.horizonDays });
      let previousEnd = -Infinity;
      for (const w of result.windows) {
        assert.match(w.start, ISO_WITH_OFFSET, c.text);
        assert.match(w.end, ISO_WITH_OFFSET, c.text);
        const [s, e] = [Date.parse(w.start), Date.parse(w.end)];
        assert.equal(DateTime.fromISO(w.start, { setZone: true }).offset, DateTime.fromMillis(s, { zone }).offset, `${c.text}: offset of ${w.start}`);
        assert.ok(s < e, `${c.text}: empty window`);
        assert.ok(s > previousEnd, `${c.text}: windows must be sorted and merged`);
        assert.ok(s >= start && e <= horizon, `${c.text}: ${w.start}–${w.end} outside [now, horizon]`);
        previousEnd = e;
      }
      if (result.past) assert.equal(result.windows.length, 0, `${c.text}: past with windows`);
    }
  });

  it('is pure: same input, same output, and the input Date is untouched', () => {
    const before = now.getTime();
    const a = parseDatePreference('mornings next week but not wednesday', opts);
    parseDatePreference('asap', opts);
    const b = parseDatePreference('mornings next week but not wednesday', opts);
    assert.deepEqual(a, b);
    assert.equal(now.getTime(), before);
  });

  it('reads the spec example exactly', () => {
    assert.deepEqual(parseDatePreference('next Tuesday afternoon', opts), {
      windows: [{ start: '2026-12-01T12:00:00-05:00', end: '2026-12-01T17:00:00-05:00' }], asap: false, past: false,
    });
    assert.deepEqual(parseDatePreference('first available', opts), {
      windows: [{ start: '2026-11-24T10:00:00-05:00', end: '2026-12-24T10:00:00-05:00' }], asap: true, past: false,
    });
    assert.deepEqual(parseDatePreference('next week but not Wednesday', opts).windows, [
      { start: '2026-11-30T00:00:00-05:00', end: '2026-12-02T00:00:00-05:00' },
      { start: '2026-12-03T00:00:00-05:00', end: '2026-12-07T00:00:00-05:00' },
    ]);
    assert.equal(parseDatePreference('mornings next week', opts).windows.length, 7);
  });

  it('keeps 09:00 local across DST and uses the right offset on each side', () => {
    const march = { now: new Date('2026-03-06T17:00:00Z'), timeZone: 'America/New_York' }; // Fri 12:00 EST
    assert.deepEqual(parseDatePreference('weekday mornings', march).windows.slice(0, 2), [
      { start: '2026-03-09T08:00:00-04:00', end: '2026-03-09T12:00:00-04:00' },
      { start: '2026-03-10T08:00:00-04:00', end: '2026-03-10T12:00:00-04:00' },
    ]);
    assert.deepEqual(parseDatePreference('sunday', march).windows, [
      { start: '2026-03-08T00:00:00-05:00', end: '2026-03-09T00:00:00-04:00' },
    ]);
    const november = { now: new Date('2026-10-30T16:00:00Z'), timeZone: 'America/New_York' }; // Fri 12:00 EDT
    assert.deepEqual(parseDatePreference('sunday at 9', november).windows, [
      { start: '2026-11-01T08:00:00-05:00', end: '2026-11-01T10:00:00-05:00' },
    ]);
    const auckland = { now: new Date('2026-04-01T21:00:00Z'), timeZone: 'Pacific/Auckland' }; // Thu 10:00 NZDT
    assert.deepEqual(parseDatePreference('sunday morning', auckland).windows, [
      { start: '2026-04-05T08:00:00+12:00', end: '2026-04-05T12:00:00+12:00' },
    ]);
  });

  it('honours horizonDays', () => {
    const w = parseDatePreference('asap', { ...opts, horizonDays: 7 }).windows;
    assert.deepEqual(w, [{ start: '2026-11-24T10:00:00-05:00', end: '2026-12-01T10:00:00-05:00' }]);
  });
});
