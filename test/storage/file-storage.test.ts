import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { ETagConflictError, FileStorage } from '../../services/storage';

describe('FileStorage', () => {
  let directory: string;
  beforeEach(() => { directory = mkdtempSync(path.join(tmpdir(), 'file-storage-')); });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps what was written across instances (a restart)', async () => {
    await new FileStorage(directory).write({ 'webchat/conversations/a|b': { step: 2 } });
    const read = await new FileStorage(directory).read(['webchat/conversations/a|b', 'missing']);
    assert.equal(read['webchat/conversations/a|b'].step, 2);
    assert.equal(typeof read['webchat/conversations/a|b'].eTag, 'string');
    assert.equal('missing' in read, false);
  });

  it('refuses a write with a stale eTag and accepts "*"', async () => {
    const storage = new FileStorage(directory);
    await storage.write({ key: { value: 1 } });
    const first = (await storage.read(['key'])).key;
    await storage.write({ key: { ...first, value: 2 } });
    await assert.rejects(storage.write({ key: { ...first, value: 3 } }), ETagConflictError);
    await storage.write({ key: { value: 4, eTag: '*' } });
    assert.equal((await storage.read(['key'])).key.value, 4);
  });

  it('refuses a write with an eTag for an item deleted since it was read', async () => {
    const storage = new FileStorage(directory);
    await storage.write({ key: { value: 1 } });
    const read = (await storage.read(['key'])).key;
    await storage.delete(['key']);
    await assert.rejects(storage.write({ key: { ...read, value: 2 } }), ETagConflictError);
    assert.deepEqual(await storage.read(['key']), {});
  });

  it('lets only one of two concurrent writers with the same eTag win', async () => {
    const storage = new FileStorage(directory);
    await storage.write({ key: { value: 0 } });
    const read = (await storage.read(['key'])).key;
    const results = await Promise.allSettled([
      storage.write({ key: { ...read, value: 'a' } }),
      storage.write({ key: { ...read, value: 'b' } }),
    ]);
    assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
  });

  it('deletes, and leaves no temporary files', async () => {
    const storage = new FileStorage(directory);
    await storage.write({ a: { value: 1 }, b: { value: 2 } });
    await storage.delete(['a']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
    assert.ok(readdirSync(directory).every((file) => file.endsWith('.json')));
  });

  it('works under botbuilder state like MemoryStorage does', async () => {
    for (const storage of [new FileStorage(directory), new MemoryStorage()]) {
      const state = new ConversationState(storage);
      const counter = state.createProperty<number>('counter');
      const adapter = new TestAdapter(async (context) => {
        const count = (await counter.get(context, 0)) + 1;
        await counter.set(context, count);
        await state.saveChanges(context);
        await context.sendActivity(`count ${count}`);
      });
      await adapter.send('hi').assertReply('count 1').send('again').assertReply('count 2');
    }
  });

  it('keeps state to the bot\'s own user: files 0600, folders 0700, the temporary file too', async () => {
    chmodSync(directory, 0o755);
    const nested = path.join(directory, 'state');
    const storage = new FileStorage(nested);
    // The temporary file is caught as it is created, before the rename.
    const temporaryModes: number[] = [];
    const realWriteFile = fs.writeFile;
    fs.writeFile = (async (...args: Parameters<typeof realWriteFile>) => {
      await realWriteFile(...args);
      temporaryModes.push(statSync(args[0] as string).mode & 0o777);
    }) as typeof realWriteFile;
    try {
      await storage.write({ a: { value: 1 }, b: { value: 2 } });
    } finally {
      fs.writeFile = realWriteFile;
    }
    assert.deepEqual(temporaryModes, [0o600, 0o600]);
    assert.equal(statSync(nested).mode & 0o777, 0o700);
    for (const file of readdirSync(nested)) assert.equal(statSync(path.join(nested, file)).mode & 0o777, 0o600, file);
  });

  it('tightens a folder that already existed with wider permissions', async () => {
    chmodSync(directory, 0o755);
    await new FileStorage(directory).write({ a: { value: 1 } });
    assert.equal(statSync(directory).mode & 0o777, 0o700);
  });

  it('creates its folder once, not on every write', async () => {
    const storage = new FileStorage(path.join(directory, 'state'));
    const realMkdir = fs.mkdir;
    let calls = 0;
    fs.mkdir = ((...args: Parameters<typeof realMkdir>) => { calls += 1; return realMkdir(...args); }) as typeof realMkdir;
    try {
      for (let index = 0; index < 3; index += 1) await storage.write({ [`k${index}`]: { value: index } });
    } finally {
      fs.mkdir = realMkdir;
    }
    assert.equal(calls, 1);
  });

  it('sweeps: deletes, replaces or keeps each item as told, and removes temporary files a crash left', async () => {
    const storage = new FileStorage(directory);
    await storage.write({ old: { age: 'old' }, young: { age: 'young' }, patient: { age: 'young', name: 'Ana Diaz' } });
    const leftover = path.join(directory, 'x.json.1.tmp');
    writeFileSync(leftover, '{"name":"Ana Diaz"}');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await fs.utimes(leftover, twoMinutesAgo, twoMinutesAgo);
    const deleted = await storage.sweep((item) => {
      if (item.age === 'old') return 'delete';
      if (item.name) return { replace: { age: item.age } };
      return 'keep';
    });
    assert.equal(deleted, 2);
    const read = await storage.read(['old', 'young', 'patient']);
    assert.deepEqual(Object.keys(read).sort(), ['patient', 'young']);
    assert.equal(read.patient.name, undefined);
    assert.equal(readdirSync(directory).length, 2);
  });
});
