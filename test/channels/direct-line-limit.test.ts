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
    // The bucket refills one a second, so a slow machine earns a token per second it took.
    const started = Date.now();
    let admitted = 0;
    let refused = false;
    while (!refused && admitted <= TOKENS_PER_MINUTE * 3) {
      const { status } = await fetch(`${app.url}/v3/directline/tokens/generate`, { method: 'POST' });
      if (status === 429) refused = true;
      else { assert.equal(status, 200); admitted += 1; }
    }
    const refills = Math.ceil((Date.now() - started) / 1000);
    assert.ok(refused, 'never refused');
    assert.ok(admitted >= TOKENS_PER_MINUTE, `refused after ${admitted}`);
    assert.ok(admitted <= TOKENS_PER_MINUTE + refills, `${admitted} admitted in ${refills} s`);
  });
});
