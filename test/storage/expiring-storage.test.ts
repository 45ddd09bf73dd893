// Expiring state on real stores: the file store and Azure Blob Storage (Azurite). An expired item
// is absent on read on both; short-lived properties are removed from the store itself.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../services/clock';
import { ExpiringStorage, FileStorage, type KeyValueStorage } from '../../services/storage';
import { SweepableMemoryStorage } from '../../bot/state-stores';
import { storageBackends } from '../support/storage-backends';

const MINUTE = 60_000;
const lifetime = { idleMs: 24 * 60 * MINUTE, shortLived: { afterMs: 30 * MINUTE, properties: ['flow'] } };
const KEY = 'webchat/conversations/abc/';
const patientFlow = { draft: { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344' } };

for (const [name, open] of storageBackends) {
  describe(`expiring state on ${name}`, function () {
    this.timeout(30_000);
    let storage: KeyValueStorage;
    let cleanup: () => void;
    let clock: ManualClock;
    let expiring: ExpiringStorage;
    beforeEach(async () => {
      ({ storage, cleanup } = await open());
      clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
      expiring = new ExpiringStorage(storage, clock, lifetime);
    });
    afterEach(() => cleanup());

    it('reads an item until its idle limit, then as absent', async () => {
      await expiring.write({ [KEY]: { welcomed: true } });
      clock.advance(24 * 60 * MINUTE - 1);
      assert.equal((await expiring.read([KEY]))[KEY]?.welcomed, true);
      clock.advance(1);
      assert.deepEqual(await expiring.read([KEY]), {});
    });

    it('counts idle time from the last write', async () => {
      await expiring.write({ [KEY]: { welcomed: true } });
      clock.advance(20 * 60 * MINUTE);
      await expiring.write({ [KEY]: { welcomed: true, turns: 2 } });
      clock.advance(20 * 60 * MINUTE);
      assert.equal((await expiring.read([KEY]))[KEY]?.turns, 2);
    });

    it('removes short-lived properties from the store after 30 minutes idle, keeping the rest', async () => {
      await expiring.write({ [KEY]: { welcomed: true, flow: patientFlow } });
      clock.advance(29 * MINUTE);
      assert.deepEqual((await expiring.read([KEY]))[KEY]?.flow, patientFlow);
      clock.advance(MINUTE);
      const read = (await expiring.read([KEY]))[KEY];
      assert.equal(read?.welcomed, true);
      assert.equal(read?.flow, undefined);
      const stored = (await storage.read([KEY]))[KEY];
      assert.equal(stored?.flow, undefined, 'gone from the store underneath, not only hidden');
      assert.equal(JSON.stringify(stored).includes('Diaz'), false);
    });

    it('does not restart the idle count when it removes patient data', async () => {
      await expiring.write({ [KEY]: { welcomed: true, flow: patientFlow } });
      clock.advance(31 * MINUTE);
      await expiring.read([KEY]);
      clock.advance(24 * 60 * MINUTE - 31 * MINUTE);
      assert.deepEqual(await expiring.read([KEY]), {});
    });

    it('reads an item written without a stamp (before expiry existed) as absent', async () => {
      await storage.write({ [KEY]: { flow: patientFlow } });
      assert.deepEqual(await expiring.read([KEY]), {});
    });

    it('keeps eTags working: a stale write is refused', async () => {
      await expiring.write({ [KEY]: { value: 1 } });
      const first = (await expiring.read([KEY]))[KEY];
      await expiring.write({ [KEY]: { ...first, value: 2 } });
      await assert.rejects(expiring.write({ [KEY]: { ...first, value: 3 } }));
    });
  });
}

describe('sweeping expired state from the file store', () => {
  let directory: string;
  let clock: ManualClock;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'sweep-'));
    clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const contents = () => readdirSync(directory).map((file) => readFileSync(path.join(directory, file), 'utf8'));

  it('deletes the files of conversations idle past the limit and nothing else', async () => {
    const files = new FileStorage(directory);
    const expiring = new ExpiringStorage(files, clock, lifetime);
    for (let index = 0; index < 5; index += 1) await expiring.write({ [`old-${index}`]: { welcomed: true } });
    clock.advance(12 * 60 * MINUTE);
    await expiring.write({ recent: { welcomed: true } });
    await files.write({ 'not-stamped': { kept: true } });
    clock.advance(12 * 60 * MINUTE);
    assert.equal(await expiring.sweep(), 5);
    assert.equal(readdirSync(directory).length, 2);
    assert.deepEqual(Object.keys(await files.read(['recent', 'not-stamped'])).sort(), ['not-stamped', 'recent']);
  });

  it('removes a flow\'s patient data from files after 30 minutes idle without a read', async () => {
    const expiring = new ExpiringStorage(new FileStorage(directory), clock, lifetime);
    await expiring.write({ [KEY]: { welcomed: true, flow: patientFlow } });
    clock.advance(30 * MINUTE);
    assert.equal(await expiring.sweep(), 0);
    assert.equal(contents().length, 1);
    assert.equal(contents()[0].includes('Diaz'), false);
    assert.equal(contents()[0].includes('welcomed'), true);
  });

  it('runs on a timer until stopped', async () => {
    const expiring = new ExpiringStorage(new FileStorage(directory), clock, lifetime);
    await expiring.write({ [KEY]: { welcomed: true } });
    clock.advance(25 * 60 * MINUTE);
    const errors: unknown[] = [];
    const sweeper = expiring.startSweeping(10, (error) => errors.push(error));
    try {
      const deadline = Date.now() + 5_000;
      while (readdirSync(directory).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await sweeper.stop();
    }
    assert.deepEqual(readdirSync(directory), []);
    assert.deepEqual(errors, []);
  });
});

describe('sweeping expired state from memory (STORAGE=memory)', () => {
  it('deletes expired items and removes a flow past 30 minutes from the others', async () => {
    const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
    const memory = new SweepableMemoryStorage();
    const expiring = new ExpiringStorage(memory, clock, lifetime);
    await expiring.write({ old: { welcomed: true } });
    clock.advance(24 * 60 * MINUTE - 30 * MINUTE);
    await expiring.write({ [KEY]: { welcomed: true, flow: patientFlow } });
    await memory.write({ 'not-stamped': { kept: true } });
    clock.advance(30 * MINUTE);
    assert.equal(await expiring.sweep(), 1);
    const raw = await memory.read(['old', KEY, 'not-stamped']);
    assert.deepEqual(Object.keys(raw).sort(), ['not-stamped', KEY]);
    assert.equal(JSON.stringify(raw[KEY]).includes('Diaz'), false);
    assert.equal((raw[KEY] as { welcomed?: boolean }).welcomed, true);
  });
});
