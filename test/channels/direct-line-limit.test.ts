// A flood of new conversations from one address is refused before it can evict other patients'.
import assert from 'node:assert/strict';
import type { RunningApp } from '../../bot/app';
import { TOKENS_PER_MINUTE } from '../../bot/channels/direct-line/direct-line-routes';
import { startTestApp } from '../support/app';

describe('Direct Line: tokens/generate is rate limited per address', function () {
  this.timeout(20_000);
  let app: RunningApp;
  before(async () => { app = await startTestApp(); });
  after(() => app.close());

  it(`answers 429 after ${TOKENS_PER_MINUTE} new conversations a minute`, async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= TOKENS_PER_MINUTE; index += 1) {
      statuses.push((await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' })).status);
    }
    assert.ok(statuses.slice(0, TOKENS_PER_MINUTE).every((status) => status === 200));
    assert.equal(statuses[TOKENS_PER_MINUTE], 429);
  });
});
