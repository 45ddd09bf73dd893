// The pending-appointment records on real storage: Azurite (Azure Blob Storage) and the file store.
import assert from 'node:assert/strict';
import { PendingAppointmentStore, type PendingAppointment } from '../../services/notify';
import type { ListableStorage, StoreItems } from '../../services/storage';
import { storageBackends } from '../support/storage-backends';

/** The same storage, counting the writes of each key. */
function countingWrites(inner: ListableStorage): { storage: ListableStorage; writesPerKey: Map<string, number> } {
  const writesPerKey = new Map<string, number>();
  return {
    writesPerKey,
    storage: {
      read: (keys) => inner.read(keys),
      delete: (keys) => inner.delete(keys),
      list: (prefix) => inner.list(prefix),
      async write(changes: StoreItems) {
        for (const key of Object.keys(changes)) writesPerKey.set(key, (writesPerKey.get(key) ?? 0) + 1);
        await inner.write(changes);
      },
    },
  };
}

function pending(appointmentId: number): PendingAppointment {
  return {
    appointmentId, conversation: { conversation: { id: `c-${appointmentId}` } }, summary: 'Cleaning', retry: {},
    createdAt: '2026-11-24T15:00:00.000Z', nextCheckAt: '2026-11-24T15:02:00.000Z', checks: 0, state: 'pending',
  };
}

for (const [name, open] of storageBackends) {
  describe(`pending appointments on ${name}`, function () {
    this.timeout(30_000);
    const now = new Date('2026-11-24T15:00:00Z');

    it('lets exactly one of many concurrent claims win', async () => {
      const { storage, cleanup } = await open();
      try {
        const store = new PendingAppointmentStore(storage);
        await store.add(pending(1));
        // Two "instances" (two stores on the same storage) racing, five claims each.
        const other = new PendingAppointmentStore(storage);
        const results = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 ? store : other).claim(1, 'complete', now)));
        assert.equal(results.filter((result) => result.kind === 'claimed').length, 1);
        await store.markNotified(1);
        assert.equal((await store.claim(1, 'complete', now)).kind, 'already');
        const tombstone = await store.get(1);
        assert.deepEqual([tombstone?.conversation, tombstone?.retry], [{}, {}], 'no conversation reference or draft kept once told');
        assert.deepEqual(await store.pendingIds(), []);
      } finally {
        cleanup();
      }
    });

    it('keeps every id when requests are recorded at the same time', async () => {
      const { storage, cleanup } = await open();
      try {
        const stores = [new PendingAppointmentStore(storage), new PendingAppointmentStore(storage)];
        await Promise.all(stores.map((store) => store.init()));
        await Promise.all(Array.from({ length: 8 }, (_, index) => stores[index % 2].add(pending(100 + index))));
        assert.deepEqual((await stores[0].pendingIds()).sort(), [100, 101, 102, 103, 104, 105, 106, 107]);
      } finally {
        cleanup();
      }
    });

    it('keeps every id when 200 bookings are recorded at the same moment (losers of the eTag race back off)', async () => {
      const { storage, cleanup } = await open();
      try {
        const store = new PendingAppointmentStore(storage);
        const ids = Array.from({ length: 200 }, (_, index) => 2_000 + index);
        const results = await Promise.allSettled(ids.map((id) => store.add(pending(id))));
        assert.equal(results.filter((result) => result.status === 'rejected').length, 0);
        assert.deepEqual((await store.pendingIds()).sort((a, b) => a - b), ids);
      } finally {
        cleanup();
      }
    });

    it('records 200 requests at once without any two writing the same item (no index), and lists them all', async () => {
      const { storage, cleanup } = await open();
      try {
        const { storage: counted, writesPerKey } = countingWrites(storage);
        const store = new PendingAppointmentStore(counted);
        await store.init();
        const ids = Array.from({ length: 200 }, (_, index) => 5_000 + index);
        await Promise.all(ids.map((id) => store.add({ ...pending(id), replaces: { appointmentId: 90_000 + id, summary: 'Cleaning', when: 'Mon' } })));
        assert.deepEqual([...writesPerKey.entries()].filter(([, writes]) => writes > 1), [], 'every key written once');
        assert.deepEqual((await store.pendingIds()).sort((a, b) => a - b), ids);
        assert.equal((await store.replacementOf(90_000 + 5_003))?.appointmentId, 5_003, 'found by the appointment it replaces, through a key');
        await store.markNotified(5_003);
        assert.equal((await store.pendingIds()).length, 199, 'a told request is no longer listed');
        assert.equal((await store.get(5_003))?.state, 'notified', 'its tombstone answers duplicates');
      } finally {
        cleanup();
      }
    });

    it("moves an earlier version's index and its records to a key each", async () => {
      const { storage, cleanup } = await open();
      try {
        await storage.write({
          'pending-appointments/index': { ids: [31, 32] },
          'pending-appointments/31': { ...pending(31) },
          'pending-appointments/32': { ...pending(32) },
          'watched-appointments/index': { ids: [33] },
          'watched-appointments/33': { appointmentId: 33, conversation: {}, type: 'Cleaning', start: '2026-11-30T15:00:00.000Z', timeZone: 'America/New_York', until: '2026-12-01T15:00:00.000Z' },
        });
        const store = new PendingAppointmentStore(storage);
        await store.init();
        assert.deepEqual((await store.pendingIds()).sort(), [31, 32]);
        assert.equal((await store.watched(33, now))?.type, 'Cleaning');
        assert.deepEqual(Object.keys(await storage.read(['pending-appointments/index', 'pending-appointments/31', 'watched-appointments/index'])), [], 'nothing left behind');
      } finally {
        cleanup();
      }
    });

    it('gives a claim back when the message could not be sent, and takes over a stale claim', async () => {
      const { storage, cleanup } = await open();
      try {
        const store = new PendingAppointmentStore(storage);
        await store.add(pending(7));
        assert.equal((await store.claim(7, 'failed', now)).kind, 'claimed');
        assert.equal((await store.claim(7, 'failed', now)).kind, 'already', 'someone is on it');
        await store.release(7);
        assert.equal((await store.claim(7, 'failed', now)).kind, 'claimed');
        const later = new Date(now.getTime() + 3 * 60_000);
        assert.equal((await store.claim(7, 'failed', later)).kind, 'claimed', 'the first claimer died');
        assert.equal((await store.claim(99, 'failed', now)).kind, 'unknown');
      } finally {
        cleanup();
      }
    });

    it('keeps an outcome that came before its request, once, and only for a few minutes', async () => {
      const { storage, cleanup } = await open();
      try {
        const store = new PendingAppointmentStore(storage);
        await store.saveEarlyOutcome(5, 'complete', now);
        assert.equal(await store.takeEarlyOutcome(5, now), 'complete');
        assert.equal(await store.takeEarlyOutcome(5, now), undefined);
        await store.saveEarlyOutcome(6, 'failed', now);
        assert.equal(await store.takeEarlyOutcome(6, new Date(now.getTime() + 11 * 60_000)), undefined, 'another channel\'s booking, long ago');
      } finally {
        cleanup();
      }
    });
  });
}
