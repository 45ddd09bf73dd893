// Who may post to /api/messages: with Bot Framework credentials, only callers with a valid JWT;
// without them, only this machine.
import assert from 'node:assert/strict';
import { isLoopback } from '../../bot/server';
import { startTestApp } from '../support/app';

describe('/api/messages access', function () {
  this.timeout(20_000);

  it('treats only loopback addresses as this machine', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopback(address), true, address);
    for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', '2001:db8::1', undefined]) assert.equal(isLoopback(address), false, String(address));
  });

  it('enforces Bot Framework authentication once an app id is configured', async () => {
    const app = await startTestApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
    try {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } }),
      });
      assert.equal(response.status, 401);
    } finally {
      await app.close();
    }
  });
});
