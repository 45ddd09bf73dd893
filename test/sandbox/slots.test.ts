import assert from 'node:assert/strict';
import { computeSlots, type BusyInterval, type SlotAvailability, type SlotInput, type SlotQuery } from '../../sandbox/slots';

const ZONE = 'America/New_York';
const LID = 1;

const avail = (overrides: Partial<SlotAvailability> = {}): SlotAvailability => ({
  provider_id: 10, operatory_id: 100, location_id: LID, begin_time: '09:00', end_time: '12:00',
  days: ['Monday'], specific_date: null, appointment_type_ids: [7], active: true, ...overrides,
});

const busy = (start: string, end: string, overrides: Partial<BusyInterval> = {}): BusyInterval => ({
  location_id: LID, provider_id: 10, operatory_id: 100, start: new Date(start), end: new Date(end), ...overrides,
});

function run(availabilities: SlotAvailability[], query: Partial<SlotQuery> = {}, busyTimes: BusyInterval[] = []): ReturnType<typeof computeSlots> {
  const input: SlotInput = { availabilities, busy: busyTimes, zones: new Map([[LID, ZONE]]) };
  return computeSlots(input, {
    startDate: '2026-11-30', days: 1, locationIds: [LID], slotLengthMinutes: 60, overlappingOperatorySlots: false,
    now: new Date('2026-11-01T00:00:00Z'), ...query,
  });
}

const times = (groups: ReturnType<typeof computeSlots>): string[] => groups.flatMap((g) => g.slots.map((s) => s.time));

describe('sandbox slot computation', () => {
  it('steps through an availability by the slot length, in the zone with its offset', () => {
    const groups = run([avail()]);
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0]?.slots[0], {
      time: '2026-11-30T09:00:00.000-05:00', end_time: '2026-11-30T10:00:00.000-05:00', operatory_id: 100, provider_id: 10,
    });
    assert.deepEqual(times(groups), ['2026-11-30T09:00:00.000-05:00', '2026-11-30T10:00:00.000-05:00', '2026-11-30T11:00:00.000-05:00']);
  });

  it('uses the requested length (type minutes) and never runs past the end', () => {
    assert.equal(times(run([avail()], { slotLengthMinutes: 30 })).length, 6);
    assert.equal(times(run([avail({ end_time: '11:45' })], { slotLengthMinutes: 60 })).length, 2);
  });

  it('narrows to availabilities allowing the appointment type', () => {
    assert.equal(times(run([avail()], { appointmentTypeId: 7 })).length, 3);
    assert.equal(times(run([avail()], { appointmentTypeId: 8 })).length, 0);
  });

  it('removes slots overlapping a booked appointment of the provider or the operatory', () => {
    const booked = busy('2026-11-30T15:00:00Z', '2026-11-30T15:30:00Z'); // 10:00–10:30 local
    assert.deepEqual(times(run([avail()], {}, [booked])), ['2026-11-30T09:00:00.000-05:00', '2026-11-30T11:00:00.000-05:00']);
    assert.equal(times(run([avail()], { slotLengthMinutes: 30 }, [booked])).length, 5);
    const otherChair = busy('2026-11-30T15:00:00Z', '2026-11-30T16:00:00Z', { provider_id: 11, operatory_id: 101 });
    assert.equal(times(run([avail()], {}, [otherChair])).length, 3);
    const sameChair = busy('2026-11-30T15:00:00Z', '2026-11-30T16:00:00Z', { provider_id: 11 });
    assert.equal(times(run([avail()], {}, [sameChair])).length, 2);
    const officeBlock = busy('2026-11-30T14:00:00Z', '2026-11-30T17:00:00Z', { provider_id: null, operatory_id: null });
    assert.equal(times(run([avail()], {}, [officeBlock])).length, 0);
    const touching = busy('2026-11-30T13:00:00Z', '2026-11-30T14:00:00Z'); // ends exactly at 09:00
    assert.equal(times(run([avail()], {}, [touching])).length, 3);
  });

  it('honours the weekdays of an availability across the requested days', () => {
    const weekdays = avail({ days: ['Monday', 'Wednesday'] });
    const slots = times(run([weekdays], { startDate: '2026-11-28', days: 7 }));
    assert.deepEqual([...new Set(slots.map((t) => t.slice(0, 10)))], ['2026-11-30', '2026-12-02']);
  });

  it('applies a specific_date availability on that date only', () => {
    const once = avail({ days: [], specific_date: '2026-12-03' });
    const slots = times(run([once], { startDate: '2026-11-30', days: 7 }));
    assert.deepEqual([...new Set(slots.map((t) => t.slice(0, 10)))], ['2026-12-03']);
  });

  it('ignores inactive availabilities and other locations', () => {
    assert.equal(times(run([avail({ active: false })])).length, 0);
    assert.equal(times(run([avail({ location_id: 2 })], { providerIds: [10] })).length, 0);
  });

  it('gives one slot per time across operatories unless overlapping_operatory_slots', () => {
    const two = [avail(), avail({ operatory_id: 101 })];
    assert.equal(times(run(two)).length, 3);
    const overlapping = run(two, { overlappingOperatorySlots: true });
    assert.equal(times(overlapping).length, 6);
    assert.deepEqual(overlapping[0]?.slots.slice(0, 2).map((s) => s.operatory_id), [100, 101]);
    assert.deepEqual(run(two, { operatoryIds: [101] })[0]?.slots.map((s) => s.operatory_id), [101, 101, 101]);
  });

  it('groups per location and provider', () => {
    const groups = run([avail(), avail({ provider_id: 11, operatory_id: 101 })]);
    assert.deepEqual(groups.map((g) => [g.lid, g.pid, g.slots.length]), [[LID, 10, 3], [LID, 11, 3]]);
    assert.deepEqual(run([avail()], { providerIds: [11] }).map((g) => g.slots.length), [0]);
  });

  it('excludes times that are not in the future', () => {
    const slots = times(run([avail()], { now: new Date('2026-11-30T15:30:00Z'), slotLengthMinutes: 30 }));
    assert.equal(slots[0], '2026-11-30T11:00:00.000-05:00');
    assert.equal(times(run([avail()], { now: new Date('2026-11-30T15:00:00Z') }))[0], '2026-11-30T11:00:00.000-05:00');
  });

  it('handles the spring-forward day (2026-03-08): the missing hour has no slots', () => {
    const sunday = avail({ days: [], specific_date: '2026-03-08', begin_time: '01:00', end_time: '04:00' });
    const slots = times(run([sunday], { startDate: '2026-03-08', slotLengthMinutes: 30, now: new Date('2026-03-01T00:00:00Z') }));
    assert.deepEqual(slots, [
      '2026-03-08T01:00:00.000-05:00', '2026-03-08T01:30:00.000-05:00',
      '2026-03-08T03:00:00.000-04:00', '2026-03-08T03:30:00.000-04:00',
    ]);
    const weekly = times(run([avail({ days: ['Friday', 'Monday'] })], { startDate: '2026-03-06', days: 4, now: new Date('2026-03-01T00:00:00Z') }));
    assert.equal(weekly[0], '2026-03-06T09:00:00.000-05:00');
    assert.equal(weekly[3], '2026-03-09T09:00:00.000-04:00');
  });

  it('handles the fall-back day (2026-11-01): the repeated hour is offered twice', () => {
    const sunday = avail({ days: [], specific_date: '2026-11-01', begin_time: '00:00', end_time: '03:00' });
    const slots = times(run([sunday], { startDate: '2026-11-01', now: new Date('2026-10-01T00:00:00Z') }));
    assert.deepEqual(slots, [
      '2026-11-01T00:00:00.000-04:00', '2026-11-01T01:00:00.000-04:00',
      '2026-11-01T01:00:00.000-05:00', '2026-11-01T02:00:00.000-05:00',
    ]);
    const weekly = times(run([avail({ days: ['Friday', 'Monday'] })], { startDate: '2026-10-30', days: 4, now: new Date('2026-10-01T00:00:00Z') }));
    assert.equal(weekly[0], '2026-10-30T09:00:00.000-04:00');
    assert.equal(weekly[3], '2026-11-02T09:00:00.000-05:00');
  });

  it('sets next_available_date only when the range is empty, null beyond 180 days', () => {
    const fridays = avail({ days: ['Friday'] });
    assert.equal(run([fridays], { startDate: '2026-11-30', days: 2 })[0]?.next_available_date, '2026-12-04');
    assert.equal(run([fridays], { startDate: '2026-12-04', days: 1 })[0]?.next_available_date, null);
    const far = avail({ days: [], specific_date: '2027-08-01' });
    assert.equal(run([far], { startDate: '2026-11-30', days: 1, providerIds: [10] })[0]?.next_available_date, null);
    const near = avail({ days: [], specific_date: '2027-05-01' });
    assert.equal(run([near], { startDate: '2026-11-30', days: 1, providerIds: [10] })[0]?.next_available_date, '2027-05-01');
  });
});
