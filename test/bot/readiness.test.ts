// /healthz says the process is up; /readyz whether it can book: storage, NexHealth, webhooks.
import assert from 'node:assert/strict';
import { ManualClock } from '../../services/clock';
import { startTestApp } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';

describe('/healthz and /readyz', function () {
  this.timeout(30_000);

  it('turns unready when NexHealth is down, says why, and ready again once it is back', async () => {
    const sandbox = await sharedSandbox();
    const admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    const clock = new ManualClock(SPEC_NOW);
    const app = await startTestApp({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_MAX_RETRIES: '0' }, { clock });
    const ready = async () => { const response = await fetch(`${app.url}/readyz`); return { status: response.status, body: (await response.json()) as { ready: boolean; checks: Record<string, string> } }; };
    try {
      assert.deepEqual(await ready(), { status: 200, body: { ready: true, checks: { storage: 'ok', nexhealth: 'ok', webhooks: 'ok' } } });
      await admin.fault({ kind: 'down' });
      clock.advance(6_000);
      const down = await ready();
      assert.equal(down.status, 503);
      assert.equal(down.body.checks.nexhealth, 'unreachable');
      assert.equal(down.body.checks.storage, 'ok');
      assert.equal((await fetch(`${app.url}/healthz`)).status, 200, 'the process is still up');
      await admin.clearFaults();
      clock.advance(6_000);
      assert.equal((await ready()).status, 200);
    } finally {
      await admin.clearFaults();
      await app.close();
    }
  });

  it('is unready when the API key is refused', async () => {
    const app = await startTestApp({ NEXHEALTH_API_KEY: 'not-the-key', NEXHEALTH_SUBDOMAIN: 'demo-dental', NEXHEALTH_MAX_RETRIES: '0' });
    try {
      const response = await fetch(`${app.url}/readyz`);
      assert.equal(response.status, 503);
      const body = (await response.json()) as { checks: Record<string, string> };
      assert.equal(body.checks.nexhealth, 'token refused');
      assert.doesNotMatch(JSON.stringify(body), /not-the-key/);
    } finally {
      await app.close();
    }
  });
});
