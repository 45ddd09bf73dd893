// The sliding windows, the fair queue and NexHealth's documented limits, on a fake clock and timer.
import assert from 'node:assert/strict';
import { FairLimiter, QueueFullError, SlidingWindow, type Release } from '../../services/nexhealth/rate-limiter';
import { DOCUMENTED_LIMITS, KeyBudget } from '../../services/nexhealth/rate-limits';

/** A clock and a timer that move only when told. */
class FakeTime {
  now = 0;
  private timers: { at: number; callback: () => void }[] = [];

  schedule = (callback: () => void, ms: number): { cancel(): void } => {
    const timer = { at: this.now + ms, callback };
    this.timers.push(timer);
    return { cancel: () => { this.timers = this.timers.filter((candidate) => candidate !== timer); } };
  };

  /** Moves to `to`, firing due timers in order, and lets resolved promises run. */
  async advance(to: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
      await settle();
    }
    this.now = to;
    await settle();
  }

  get pending(): number {
    return this.timers.length;
  }
}

const settle = async (): Promise<void> => {
  for (let index = 0; index < 5; index += 1) await Promise.resolve();
};

/** Takes a turn and records when it was granted. */
function track(limiter: FairLimiter, windows: SlidingWindow[], time: FakeTime, log: string[], name: string, first = false): Promise<Release> {
  return limiter.take(windows, { first }).then((release) => {
    log.push(`${name}@${time.now}`);
    return release;
  });
}

describe('SlidingWindow', () => {
  it('admits `limit` requests in any span and counts each from when it was admitted', () => {
    const window = new SlidingWindow(2, 1000);
    assert.equal(window.admit(0), true);
    assert.equal(window.admit(500), true);
    assert.equal(window.admit(999), false, 'a third inside the same second');
    assert.equal(window.admit(1000), true, 'the first has left the window');
    assert.equal(window.admit(1400), false, 'the one of 500 is still inside');
    assert.equal(window.admit(1500), true);
  });

  it('holds a place while a request is in flight and counts it from its answer', () => {
    const window = new SlidingWindow(1, 1000);
    window.begin();
    assert.equal(window.waitMs(5000), Number.POSITIVE_INFINITY, 'full until the answer is in');
    window.end(5200);
    assert.equal(window.waitMs(5300), 900);
    assert.equal(window.waitMs(6200), 0);
  });
});

describe('FairLimiter', () => {
  it('lets N requests start in any second and makes the next one wait', async () => {
    const time = new FakeTime();
    const limiter = new FairLimiter({ now: () => time.now, schedule: time.schedule });
    const window = new SlidingWindow(3, 1000);
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) (await track(limiter, [window], time, log, name))();
    time.now = 400;
    const fourth = track(limiter, [window], time, log, 'd');
    await settle();
    assert.deepEqual(log, ['a@0', 'b@0', 'c@0']);
    await time.advance(999);
    assert.deepEqual(log, ['a@0', 'b@0', 'c@0'], 'still inside the second');
    await time.advance(1000);
    (await fourth)();
    assert.deepEqual(log, ['a@0', 'b@0', 'c@0', 'd@1000'], 'waited until the first start left the window');
    assert.equal(time.pending, 0, 'no timer left behind');
  });

  it('serves waiters of one window first come, first served', async () => {
    const time = new FakeTime();
    const limiter = new FairLimiter({ now: () => time.now, schedule: time.schedule });
    const window = new SlidingWindow(1, 100);
    const log: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      void limiter.take([window]).then((release) => {
        log.push(`${name}@${time.now}`);
        release();
      });
    }
    await settle();
    await time.advance(300);
    assert.deepEqual(log, ['a@0', 'b@100', 'c@200', 'd@300']);
  });

  it('lets a request for free windows pass one that waits for a full window, but not one it would overtake', async () => {
    const time = new FakeTime();
    const limiter = new FairLimiter({ now: () => time.now, schedule: time.schedule });
    const overall = new SlidingWindow(10, 1000);
    const slots = new SlidingWindow(1, 1000);
    const log: string[] = [];
    (await track(limiter, [overall, slots], time, log, 'search1'))();
    void track(limiter, [overall, slots], time, log, 'search2');
    void track(limiter, [overall], time, log, 'locations');
    void track(limiter, [overall, slots], time, log, 'search3');
    await settle();
    assert.deepEqual(log, ['search1@0', 'locations@0'], 'locations does not wait behind the slot searches');
    await time.advance(1000);
    assert.deepEqual(log, ['search1@0', 'locations@0', 'search2@1000'], 'search3 did not overtake search2');
  });

  it('holds windows until a pause ends (after a 429), and the request that waited goes first', async () => {
    const time = new FakeTime();
    const limiter = new FairLimiter({ now: () => time.now, schedule: time.schedule });
    const window = new SlidingWindow(5, 1000);
    const log: string[] = [];
    let endPause: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => { endPause = resolve; });
    limiter.hold([window], paused);
    void track(limiter, [window], time, log, 'queued');
    await settle();
    assert.deepEqual([...log], [], 'nobody starts during the pause');
    void paused.then(() => track(limiter, [window], time, log, 'retry', true));
    endPause();
    await settle();
    await time.advance(0);
    assert.deepEqual(log, ['retry@0', 'queued@0']);
  });

  it('refuses at once when its queue is full', async () => {
    const limiter = new FairLimiter({ maxQueue: 2, now: () => 0, schedule: new FakeTime().schedule });
    const window = new SlidingWindow(1, 1000);
    await limiter.take([window]);
    void limiter.take([window]);
    void limiter.take([window]);
    await assert.rejects(limiter.take([window]), QueueFullError);
    assert.equal(limiter.waiting, 2);
  });
});

describe('NexHealth documented limits', () => {
  it('are the documented numbers', () => {
    assert.deepEqual({ ...DOCUMENTED_LIMITS }, {
      perSecond: 100, listReadsPerSecond: 10, patientsAndAppointmentsPerMinute: 1000, otherPerMinute: 2000, secondMs: 1000, minuteMs: 60_000,
    });
  });

  it('give GET /appointments and the slot searches 10 a second each, the rest only the overall 100', () => {
    const budget = new KeyBudget();
    const admitted = (method: string, route: string, times: number): number =>
      Array.from({ length: times }, () => budget.admit(method, route, 0)).filter(Boolean).length;
    assert.equal(admitted('GET', '/appointment_slots', 15), 10);
    assert.equal(admitted('GET', '/appointments', 15), 10, 'a window of its own, not shared with slots');
    assert.equal(admitted('GET', '/available_slots', 15), 10, 'v3');
    assert.equal(admitted('POST', '/appointments', 5), 5, 'only the GET is limited to 10');
    assert.equal(admitted('GET', '/appointments/:id', 5), 5);
    assert.equal(admitted('GET', '/locations', 100), 100 - 40, 'the overall 100 a second');
  });

  it('share 1,000 a minute between patients and appointments, and 2,000 for everything else', () => {
    const budget = new KeyBudget({ ...DOCUMENTED_LIMITS, perSecond: 10_000 });
    let admitted = 0;
    for (let second = 0; second < 60; second += 1) {
      for (let index = 0; index < 20; index += 1) {
        if (budget.admit('GET', '/patients', second * 1000)) admitted += 1;
        if (budget.admit('PATCH', '/appointments/:id', second * 1000)) admitted += 1;
      }
    }
    assert.equal(admitted, 1000);
    assert.equal(budget.admit('GET', '/locations', 59_000), true, 'other endpoints have their own minute');
    assert.equal(budget.admit('GET', '/patients', 60_000), true, 'a minute later there is room again');
    const other = new KeyBudget({ ...DOCUMENTED_LIMITS, perSecond: 10_000 });
    const others = Array.from({ length: 2100 }, (_, index) => other.admit('GET', index % 2 ? '/providers' : '/appointment_types', 0)).filter(Boolean).length;
    assert.equal(others, 2000);
  });
});
