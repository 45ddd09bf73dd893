// The slot-search cache: the booking service against the sandbox over real HTTP (counted by the
// sandbox), and the cache's day-by-day composition on its own.
import assert from 'node:assert/strict';
import { ManualClock } from '../../services/clock';
import { BookingService, type OpenSlot, type TimeSearch } from '../../services/booking';
import { SlotCache, type SlotFetch } from '../../services/booking/slot-cache';
import type { RunningSandbox } from '../../sandbox';
import { createSharedServices } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox, slotsPath } from '../support/sandbox';

const NOW = new Date('2026-11-24T15:00:00Z'); // Tue 10:00 in New York
const NEXT_WEEK = { windows: [{ start: '2026-11-30T08:00:00-05:00', end: '2026-12-04T18:00:00-05:00' }], asap: false };

describe('slot-search cache', function () {
  this.timeout(20_000);
  let sandbox: RunningSandbox;
  let admin: SandboxAdmin;
  let clock: ManualClock;

  /** A booking service on a freshly reset sandbox (the shared one), its clock at NOW. */
  const service = async (slotCacheTtlMs?: number): Promise<BookingService> => {
    const shared = await createSharedServices({ now: NOW, slotCacheTtlMs });
    clock = shared.clock;
    return shared.booking;
  };
  const search = (providerId: number | 'any' = 'any'): TimeSearch => ({
    locationId: sandbox.seed.locations.brooklyn,
    appointmentTypeId: sandbox.seed.appointmentTypes.brooklyn.cleaning,
    providerId,
    preference: NEXT_WEEK,
  });
  const slotSearches = async (): Promise<number> => (await admin.counters())[`GET ${slotsPath()}`] ?? 0;

  before(async () => {
    sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
  });

  it('answers a second identical search within the TTL without asking NexHealth again', async () => {
    const booking = await service();
    const first = await booking.schedule.findTimes(search());
    const calls = await slotSearches();
    assert.ok(calls >= 1);
    clock.advance(4_000);
    const second = await booking.schedule.findTimes(search());
    assert.deepEqual(second, first);
    assert.equal(await slotSearches(), calls, 'no new slot search');
    clock.advance(1_000);
    await booking.schedule.findTimes(search());
    assert.equal(await slotSearches(), 2 * calls, 'after 5 s the times are asked again');
  });

  it('shares one search among fifty patients looking at the same week at once', async () => {
    const alone = await service();
    await alone.schedule.findTimes(search());
    const oneSearch = await slotSearches();
    const booking = await service();
    const offers = await Promise.all(Array.from({ length: 50 }, () => booking.schedule.findTimes(search())));
    assert.equal(await slotSearches(), oneSearch, 'single flight: the fifty cost what one costs');
    assert.ok(offers.every((offer) => offer.slots.length > 0 && JSON.stringify(offer) === JSON.stringify(offers[0])));
  });

  it('forgets the location\'s times after a booking, so the booked time is not offered again', async () => {
    const booking = await service();
    const before = await booking.schedule.findTimes(search(sandbox.seed.providers.sarahLee));
    const calls = await slotSearches();
    const slot = before.slots[0];
    const result = await booking.appointments.book({ locationId: slot.locationId, patientId: sandbox.seed.patients.anaDiaz, appointmentTypeId: search().appointmentTypeId, slot });
    assert.equal(result.kind, 'requested');
    const after = await booking.schedule.findTimes(search(sandbox.seed.providers.sarahLee));
    assert.ok(await slotSearches() > calls, 'searched again');
    assert.ok(!after.slots.some((candidate) => candidate.start === slot.start), 'the booked time is gone');
  });

  it('does not offer a booked time afterwards, even when times were looked up while the create was on its way', async () => {
    const booking = await service();
    const slot = (await booking.schedule.findTimes(search(sandbox.seed.providers.sarahLee))).slots[0];
    await admin.fault({ kind: 'slow', path: '/appointments', method: 'POST', times: 1, delayMs: 1_000 });
    const booked = booking.appointments.book({ locationId: slot.locationId, patientId: sandbox.seed.patients.anaDiaz, appointmentTypeId: search().appointmentTypeId, slot });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await booking.schedule.findTimes(search(sandbox.seed.providers.sarahLee));
    assert.ok(during.slots.some((candidate) => candidate.start === slot.start), 'still free while the create waits');
    assert.equal((await booked).kind, 'requested');
    const after = await booking.schedule.findTimes(search(sandbox.seed.providers.sarahLee));
    assert.ok(!after.slots.some((candidate) => candidate.start === slot.start), 'not offered once booked');
  });

  it('forgets the times after a cancellation', async () => {
    const booking = await service();
    await booking.schedule.findTimes(search());
    const calls = await slotSearches();
    await booking.appointments.cancel(sandbox.seed.appointments.patelNextWeekday0900);
    await booking.schedule.findTimes(search());
    assert.equal(await slotSearches(), 2 * calls);
  });

  it('asks every time when turned off (TTL 0)', async () => {
    const booking = await service(0);
    await booking.schedule.findTimes(search());
    const calls = await slotSearches();
    await booking.schedule.findTimes(search());
    assert.equal(await slotSearches(), 2 * calls);
  });
});

describe('SlotCache', () => {
  const slot = (start: string, providerId: number): OpenSlot => ({ start, end: start, providerId, locationId: 1 });
  const query = { locationId: 1, appointmentTypeId: 7, providerIds: [11, 12], timeZone: 'America/New_York' };

  it('keeps times per provider and local day, and fetches only the days it does not have', async () => {
    const clock = new ManualClock(NOW);
    const cache = new SlotCache(5_000, clock);
    const fetches: { startDate: string; days: number; providerIds: number[] }[] = [];
    const fetch: SlotFetch = async (range) => {
      fetches.push(range);
      // 23:30 in New York is the next day in UTC: the day is the location's.
      return [slot('2026-11-30T23:30:00-05:00', 11), slot('2026-12-02T09:00:00-05:00', 12), slot('2026-12-05T09:00:00-05:00', 11)]
        .filter((candidate) => range.providerIds.includes(candidate.providerId));
    };
    const monToWed = await cache.search({ ...query, startDate: '2026-11-30', days: 3 }, fetch);
    assert.deepEqual(monToWed.map((item) => item.start), ['2026-11-30T23:30:00-05:00', '2026-12-02T09:00:00-05:00']);
    const monToSat = await cache.search({ ...query, startDate: '2026-11-30', days: 6 }, fetch);
    assert.deepEqual(fetches, [
      { startDate: '2026-11-30', days: 3, providerIds: [11, 12] },
      { startDate: '2026-12-03', days: 3, providerIds: [11, 12] },
    ], 'the second search fetched Thursday to Saturday only');
    assert.equal(monToSat.length, 3);
    await cache.search({ ...query, providerIds: [12], startDate: '2026-12-01', days: 2 }, fetch);
    assert.equal(fetches.length, 2, 'a narrower search is served from the cells');
  });

  it('forgets only the days a booking touches, for every provider and type of that location', async () => {
    const cache = new SlotCache(5_000, new ManualClock(NOW));
    const fetches: string[] = [];
    const fetch: SlotFetch = async (range) => {
      fetches.push(`${range.startDate}+${range.days}`);
      return [];
    };
    const week = { ...query, startDate: '2026-11-30', days: 5 };
    await cache.search(week, fetch);
    await cache.search({ ...week, locationId: 2 }, fetch);
    // 23:30 to 00:30 in New York: Tuesday and Wednesday.
    cache.invalidate(1, { start: '2026-12-01T23:30:00-05:00', end: '2026-12-02T00:30:00-05:00' });
    await cache.search(week, fetch);
    await cache.search({ ...week, locationId: 2 }, fetch);
    assert.deepEqual(fetches, ['2026-11-30+5', '2026-11-30+5', '2026-12-01+2'], 'Tuesday and Wednesday again, at that location only');
    cache.invalidate(1);
    await cache.search(week, fetch);
    assert.equal(fetches[3], '2026-11-30+5', 'without a span: the whole location');
  });

  it('does not remember a failed fetch', async () => {
    const cache = new SlotCache(5_000, new ManualClock(NOW));
    let calls = 0;
    const failing: SlotFetch = async () => {
      calls += 1;
      throw new Error('NexHealth down');
    };
    await assert.rejects(cache.search({ ...query, startDate: '2026-11-30', days: 1 }, failing));
    await assert.rejects(cache.search({ ...query, startDate: '2026-11-30', days: 1 }, failing));
    assert.equal(calls, 2);
  });
});
