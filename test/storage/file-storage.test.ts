import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
});
