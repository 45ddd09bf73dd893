// The local Direct Line's memory stays bounded: idle conversations are dropped (their streams end),
// each keeps only its latest activities, and the least recently used goes at the cap.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { ConversationStore } from '../../bot/channels/direct-line/conversation-store';
import { KeyedRateLimiter } from '../../bot/http/rate-limiter';
import { ManualClock } from '../../services/clock';

const HOUR = 60 * 60 * 1000;

function message(text: string): Activity {
  return { type: 'message', text } as Activity;
}

describe('local Direct Line conversation store', () => {
  it('numbers activities by watermark and returns those after one', () => {
    const store = new ConversationStore(new ManualClock(new Date('2026-11-24T15:00:00Z')));
    const { id } = store.create('dl_user');
    store.append(id, message('one'));
    store.append(id, message('two'));
    assert.deepEqual(store.since(id, undefined)?.activities.map((activity) => activity.text), ['one', 'two']);
    assert.deepEqual(store.since(id, '1'), { activities: [store.since(id, undefined)?.activities[1]], watermark: '2' });
    assert.deepEqual(store.since(id, '2')?.activities, []);
    assert.match(store.since(id, undefined)?.activities[0].id ?? '', new RegExp(`^${id}\\|0000001$`));
  });

  it('drops a conversation idle for longer than the limit and ends its streams', () => {
    const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
    const store = new ConversationStore(clock, { maxConversations: 10, maxActivitiesPerConversation: 10, maxBytesPerConversation: 1_000_000, maxIdleMs: 2 * HOUR });
    const idle = store.create('dl_a');
    const active = store.create('dl_b');
    let ended = 0;
    store.listen(idle.id, { deliver: () => undefined, end: () => { ended += 1; } });
    clock.advance(1.5 * HOUR);
    store.append(active.id, message('still here'));
    clock.advance(1 * HOUR);
    store.sweep();
    assert.equal(store.get(idle.id), undefined);
    assert.equal(ended, 1);
    assert.ok(store.get(active.id));
    assert.equal(store.size, 1);
  });

  it('keeps only the latest activities of a conversation', () => {
    const store = new ConversationStore(new ManualClock(new Date()), { maxConversations: 10, maxActivitiesPerConversation: 3, maxBytesPerConversation: 1_000_000, maxIdleMs: HOUR });
    const { id } = store.create('dl_user');
    for (const text of ['1', '2', '3', '4', '5']) store.append(id, message(text));
    const all = store.since(id, undefined);
    assert.deepEqual(all?.activities.map((activity) => activity.text), ['3', '4', '5']);
    assert.equal(all?.watermark, '5');
  });

  it('keeps at most its byte budget of a conversation (big activities push the oldest out)', () => {
    const store = new ConversationStore(new ManualClock(new Date()), { maxConversations: 10, maxActivitiesPerConversation: 500, maxBytesPerConversation: 3_000, maxIdleMs: HOUR });
    const { id } = store.create('dl_user');
    for (const text of ['a', 'b', 'c', 'd']) store.append(id, message(text.repeat(1_000)));
    assert.deepEqual(store.since(id, undefined)?.activities.map((activity) => activity.text?.[0]), ['c', 'd']);
    store.remove(id, store.since(id, undefined)?.activities[0]?.id ?? '');
    store.append(id, message('e'.repeat(1_000)));
    assert.deepEqual(store.since(id, undefined)?.activities.map((activity) => activity.text?.[0]), ['d', 'e'], 'a removal frees its share');
  });

  it('evicts the least recently used conversation at the cap', () => {
    const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
    const store = new ConversationStore(clock, { maxConversations: 2, maxActivitiesPerConversation: 10, maxBytesPerConversation: 1_000_000, maxIdleMs: HOUR });
    const first = store.create('dl_1');
    clock.advance(1000);
    const second = store.create('dl_2');
    clock.advance(1000);
    store.append(first.id, message('first is used again'));
    const third = store.create('dl_3');
    assert.equal(store.size, 2);
    assert.equal(store.get(second.id), undefined);
    assert.ok(store.get(first.id) && store.get(third.id));
  });

  it('pushes appended activities to listeners, and replaces an updated one under a new watermark', () => {
    const store = new ConversationStore(new ManualClock(new Date()));
    const { id } = store.create('dl_user');
    const frames: string[] = [];
    const stop = store.listen(id, { deliver: (set) => frames.push(`${set.watermark}:${set.activities.map((activity) => activity.text).join()}`), end: () => undefined });
    const sent = store.append(id, message('draft'));
    store.replace(id, sent?.id ?? '', message('final'));
    stop?.();
    store.append(id, message('not heard'));
    assert.deepEqual(frames, ['1:draft', '2:final']);
    assert.deepEqual(store.since(id, undefined)?.activities.map((activity) => [activity.id, activity.text]), [[sent?.id, 'final'], [`${id}|0000003`, 'not heard']]);
  });
});

describe('Direct Line token rate limit', () => {
  it('lets one address open N conversations a minute, then refuses until the minute is over', () => {
    let now = 0;
    const limit = new KeyedRateLimiter({ burst: 3, perSecond: 3 / 60 }, () => now);
    assert.deepEqual([1, 2, 3, 4].map(() => limit.allow('10.0.0.1')), [true, true, true, false]);
    assert.equal(limit.allow('10.0.0.2'), true, 'other addresses are not affected');
    now = 60_000;
    assert.equal(limit.allow('10.0.0.1'), true);
  });
});
