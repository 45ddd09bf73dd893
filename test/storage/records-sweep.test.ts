// Replay records expire: on file storage the hourly records sweep deletes them once past their
// time, and leaves every other record (pending appointments, opt-outs) alone.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expiredRecords } from '../../bot/state-stores';
import { FileStorage, ReplayRecords } from '../../services/storage';

describe('records sweep', () => {
  it('deletes replay records past their horizon, keeps the live ones and every other record', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'records-sweep-'));
    try {
      const store = new FileStorage(folder);
      let now = 1_000_000;
      const replays = new ReplayRecords(store, 'test', 60_000, () => now);
      await replays.firstSighting('old delivery');
      now += 30_000;
      await replays.firstSighting('recent delivery');
      await store.write({ 'pending-appointments/7': { appointmentId: 7, eTag: '*' } });
      now += 45_000;
      assert.equal(await store.sweep(expiredRecords(() => now)), 1);
      assert.equal((await readdir(folder)).length, 2, 'the recent replay record and the pending record stay');
      assert.equal(await new ReplayRecords(store, 'test', 60_000, () => now).firstSighting('recent delivery'), false, 'still a replay');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
