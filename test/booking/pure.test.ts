import assert from 'node:assert/strict';
import type { Patient, SlotGroup } from '../../services/nexhealth';
import {
  formatSlotTime, matchPatient, onePerTime, pickOffered, rankAround, rankInWindow, readGender, searchRange, slotKey, slotsFromGroups, type OpenSlot,
} from '../../services/booking';

const zone = 'America/New_York';

function patient(id: number, first: string, last: string, dob: string, phone: string, email: string): Patient {
  return { id, first_name: first, last_name: last, email, bio: { date_of_birth: dob, phone_number: phone } };
}

const records = [
  patient(1, 'Ana', 'Diaz', '1990-03-04', '5552013344', 'ana@example.com'),
  patient(2, 'Maria', 'Garcia', '1985-06-15', '5552020001', 'maria.g@example.com'),
  patient(3, 'Maria', 'Garcia', '1985-06-15', '5552020002', 'mgarcia@example.com'),
  patient(4, 'José', "O'Brien-Smith", '1970-01-02', '5552030000', 'jose@example.com'),
];

describe('readGender', () => {
  it('reads the tapped or typed answer, or the number of the choice (SMS)', () => {
    assert.equal(readGender('Female'), 'Female');
    assert.equal(readGender('m'), 'Male');
    assert.equal(readGender("I'm a woman"), 'Female');
    assert.equal(readGender('non-binary'), 'Other');
    assert.equal(readGender('2', 2), 'Female');
    assert.equal(readGender('4', 4), undefined);
    assert.equal(readGender('tuesday'), undefined);
  });
});

describe('matchPatient', () => {
  it('finds the one record with that name and date of birth, ignoring case and accents', () => {
    assert.deepEqual(matchPatient(records, { firstName: 'ana', lastName: 'DIAZ', dateOfBirth: '1990-03-04' }), { kind: 'found', patientId: 1 });
    assert.deepEqual(matchPatient(records, { firstName: 'Jose', lastName: 'obrien-smith', dateOfBirth: '1970-01-02' }), { kind: 'found', patientId: 4 });
  });

  it('does not match another date of birth or name', () => {
    assert.deepEqual(matchPatient(records, { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-04-03' }), { kind: 'none' });
    assert.deepEqual(matchPatient(records, { firstName: 'Anna', lastName: 'Diaz', dateOfBirth: '1990-03-04' }), { kind: 'none' });
  });

  it('asks for a contact when several records share name and birth date, then tells them apart', () => {
    const maria = { firstName: 'Maria', lastName: 'Garcia', dateOfBirth: '1985-06-15' };
    assert.deepEqual(matchPatient(records, maria), { kind: 'ambiguous', candidates: 2 });
    assert.deepEqual(matchPatient(records, { ...maria, phone: '+15552020002' }), { kind: 'found', patientId: 3 });
    assert.deepEqual(matchPatient(records, { ...maria, email: 'MARIA.G@example.com' }), { kind: 'found', patientId: 2 });
    assert.deepEqual(matchPatient(records, { ...maria, phone: '+15559999999' }), { kind: 'unconfirmed' });
  });

  it('requires a matching contact before appointments are shown', () => {
    const ana = { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04' };
    assert.deepEqual(matchPatient(records, { ...ana, phone: '+15552013344' }, { requireContact: true }), { kind: 'found', patientId: 1 });
    assert.deepEqual(matchPatient(records, { ...ana, phone: '+15550000000' }, { requireContact: true }), { kind: 'unconfirmed' });
    assert.deepEqual(matchPatient(records, ana, { requireContact: true }), { kind: 'ambiguous', candidates: 1 });
  });
});

function slot(start: string, providerId = 1): OpenSlot {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return { start, end, providerId, locationId: 10 };
}

/** Every half hour from 8:00 to 16:30 local on each of the given days (EST, -05:00). */
function day(date: string, providerId = 1): OpenSlot[] {
  const slots: OpenSlot[] = [];
  for (let minutes = 8 * 60; minutes < 17 * 60; minutes += 30) {
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    slots.push(slot(`${date}T${hh}:${mm}:00.000-05:00`, providerId));
  }
  return slots;
}

describe('slot ranking', () => {
  const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].flatMap((date) => day(date));

  it('offers the times nearest to a point in time, in time order', () => {
    const tomorrowAt3 = { windows: [{ start: '2026-12-01T14:00:00.000-05:00', end: '2026-12-01T16:00:00.000-05:00' }], asap: false };
    const offered = rankInWindow(week, tomorrowAt3, 3).map((offer) => offer.start.slice(11, 16));
    assert.deepEqual(offered, ['14:30', '15:00', '15:30']);
  });

  it('spreads a long window over several days, earliest first', () => {
    const nextWeek = { windows: [{ start: '2026-11-30T00:00:00.000-05:00', end: '2026-12-07T00:00:00.000-05:00' }], asap: false };
    const offered = rankInWindow(week, nextWeek, 5).map((offer) => offer.start.slice(0, 16));
    assert.deepEqual(offered, ['2026-11-30T08:00', '2026-11-30T08:30', '2026-12-01T08:00', '2026-12-01T08:30', '2026-12-02T08:00']);
  });

  it('gives ASAP the earliest times in order', () => {
    const asap = { windows: [{ start: '2026-11-30T00:00:00.000-05:00', end: '2026-12-30T00:00:00.000-05:00' }], asap: true };
    const offered = rankInWindow(week, asap, 3).map((offer) => offer.start.slice(0, 16));
    assert.deepEqual(offered, ['2026-11-30T08:00', '2026-11-30T08:30', '2026-11-30T09:00']);
  });

  it('pages on past the times already offered', () => {
    const afternoon = { windows: [{ start: '2026-12-01T12:00:00.000-05:00', end: '2026-12-01T17:00:00.000-05:00' }], asap: false };
    const first = rankInWindow(week, afternoon, 5);
    const second = rankInWindow(week, afternoon, 5, new Set(first.map(slotKey)));
    assert.equal(first.length, 5);
    assert.equal(second.length, 5);
    assert.equal(first.filter((offer) => second.some((other) => other.start === offer.start)).length, 0);
    assert.ok([...first, ...second].every((offer) => offer.start.startsWith('2026-12-01T1')));
  });

  it('offers the nearest times around a window that has none', () => {
    const saturday = { windows: [{ start: '2026-12-05T08:00:00.000-05:00', end: '2026-12-05T12:00:00.000-05:00' }], asap: false };
    assert.deepEqual(rankInWindow(week, saturday, 5), []);
    const around = rankAround(week, saturday, 2).map((offer) => offer.start.slice(0, 16));
    assert.deepEqual(around, ['2026-12-04T16:00', '2026-12-04T16:30']);
  });

  it('offers a time once when any provider will do', () => {
    const slots = [slot('2026-12-01T09:00:00.000-05:00', 1), slot('2026-12-01T09:00:00.000-05:00', 2), slot('2026-12-01T10:00:00.000-05:00', 2)];
    assert.deepEqual(onePerTime(slots).map((offer) => [offer.start.slice(11, 16), offer.providerId]), [['09:00', 1], ['10:00', 2]]);
  });

  it('flattens slot groups once per provider and time', () => {
    const groups: SlotGroup[] = [
      { lid: 10, pid: 1, slots: [{ time: '2026-12-01T09:00:00.000-05:00', end_time: '2026-12-01T09:30:00.000-05:00', operatory_id: 7 }], next_available_date: null },
      { lid: 10, pid: 1, slots: [{ time: '2026-12-01T09:00:00.000-05:00', end_time: '2026-12-01T09:30:00.000-05:00', operatory_id: 7 }], next_available_date: null },
      { lid: 10, pid: 2, slots: [{ time: '2026-12-01T08:00:00.000-05:00', end_time: '2026-12-01T08:30:00.000-05:00' }], next_available_date: null },
    ];
    assert.deepEqual(slotsFromGroups(groups), [
      { start: '2026-12-01T08:00:00.000-05:00', end: '2026-12-01T08:30:00.000-05:00', providerId: 2, locationId: 10 },
      { start: '2026-12-01T09:00:00.000-05:00', end: '2026-12-01T09:30:00.000-05:00', providerId: 1, locationId: 10, operatoryId: 7 },
    ]);
  });

  it('searches the local days the windows cover', () => {
    const windows = [
      { start: '2026-11-30T08:00:00.000-05:00', end: '2026-11-30T12:00:00.000-05:00' },
      { start: '2026-12-04T00:00:00.000-05:00', end: '2026-12-05T00:00:00.000-05:00' },
    ];
    assert.deepEqual(searchRange({ windows, asap: false }, zone), { startDate: '2026-11-30', days: 5 });
    assert.equal(searchRange({ windows: [], asap: false }, zone), undefined);
  });
});

describe('formatSlotTime', () => {
  it('writes times in the location zone', () => {
    assert.equal(formatSlotTime('2026-12-01T19:30:00.000Z', zone), 'Tue, Dec 1 at 2:30 PM');
    assert.equal(formatSlotTime('2026-12-01T19:30:00.000Z', 'America/Los_Angeles'), 'Tue, Dec 1 at 11:30 AM');
  });
});

describe('pickOffered', () => {
  const offered = [
    slot('2026-12-01T14:00:00.000-05:00'), slot('2026-12-01T14:30:00.000-05:00'), slot('2026-12-01T15:00:00.000-05:00'), slot('2026-12-03T09:00:00.000-05:00'),
  ];
  const window = (start: string, end: string) => ({ windows: [{ start, end }], asap: false });

  it('takes the offered time nearest to a time said ("2:30" is 1:30–3:30)', () => {
    assert.equal(pickOffered(offered, window('2026-12-01T13:30:00.000-05:00', '2026-12-01T15:30:00.000-05:00'))?.start, '2026-12-01T14:30:00.000-05:00');
  });

  it('takes the only offered time on a day named', () => {
    assert.equal(pickOffered(offered, window('2026-12-03T00:00:00.000-05:00', '2026-12-04T00:00:00.000-05:00'))?.start, '2026-12-03T09:00:00.000-05:00');
  });

  it('does not guess between several times of a day named, nor pick one outside', () => {
    assert.equal(pickOffered(offered, window('2026-12-01T00:00:00.000-05:00', '2026-12-02T00:00:00.000-05:00')), undefined);
    assert.equal(pickOffered(offered, window('2026-12-02T00:00:00.000-05:00', '2026-12-03T00:00:00.000-05:00')), undefined);
  });
});
