// The pieces of the hardening layer on their own: who may post without credentials, the limiter,
// the replay records, the page's headers and their configuration.
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { MemoryStorage } from 'botbuilder';
import type { Request } from 'restify';
import { KeyedRateLimiter, addressKey } from '../../bot/http/rate-limiter';
import { LOCAL_CHANNEL_HEADER, mayPost, type MessagesAccess } from '../../bot/server';
import { pageSecurityHeaders } from '../../bot/webchat/page-security';
import { ConfigError, loadConfig } from '../../services/config';
import { ReplayRecords } from '../../services/storage';
import { startTestApp } from '../support/app';

const access: MessagesAccess = { localChannelKey: 'the-key', localServiceUrls: () => ['http://localhost:3978/directline'], ownPort: () => 3978 };
const request = (remoteAddress: string, headers: IncomingHttpHeaders = {}) => ({ socket: { remoteAddress }, headers }) as unknown as Request;
const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'emulator', serviceUrl, conversation: { id: 'c' }, from: { id: 'u' } });

describe('who may post to /api/messages without Bot Framework credentials', () => {
  it('the Emulator: this machine, unproxied, replies to this machine', () => {
    assert.equal(mayPost(request('127.0.0.1'), activity('http://127.0.0.1:53421'), access), true);
    assert.equal(mayPost(request('::1'), activity('http://localhost:53421'), access), true);
  });

  it('not another machine, whatever serviceUrl it names', () => {
    for (const address of ['10.0.0.5', '192.0.2.2', '::ffff:10.0.0.5', '2001:db8::1']) {
      assert.equal(mayPost(request(address), activity('http://127.0.0.1:53421'), access), false, address);
    }
  });

  it('not a proxy or tunnel on this machine', () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'via', 'x-forwarded-host']) {
      assert.equal(mayPost(request('127.0.0.1', { [header]: '203.0.113.9' }), activity('http://127.0.0.1:53421'), access), false, header);
    }
  });

  it('never a serviceUrl elsewhere (the bot would send its replies there) or the bot itself', () => {
    const onHttps = { ...access, ownPort: () => 443 };
    assert.equal(mayPost(request('127.0.0.1'), activity('https://localhost/directline'), onHttps), false, 'https without a port is 443');
    for (const serviceUrl of ['https://attacker.example.com', 'http://192.0.2.10:8080', 'http://localhost:3978/directline', 'http://127.0.0.1:3978']) {
      assert.equal(mayPost(request('127.0.0.1'), activity(serviceUrl), access), false, serviceUrl);
    }
  });

  it('the local Direct Line with its key, for its own serviceUrl only; a wrong key is refused', () => {
    const keyed = (key: string) => request('127.0.0.1', { [LOCAL_CHANNEL_HEADER]: key });
    assert.equal(mayPost(keyed('the-key'), activity('http://localhost:3978/directline'), access), true);
    assert.equal(mayPost(keyed('the-key'), activity('https://attacker.example.com'), access), false);
    assert.equal(mayPost(keyed('guessed'), activity('http://127.0.0.1:53421'), access), false);
  });

  it('with an app id the adapter decides (the JWT), not the network path', () => {
    assert.equal(mayPost(request('10.0.0.5'), activity('https://smba.trafficmanager.net/amer/'), { ...access, appId: 'app' }), true);
  });
});

describe('KeyedRateLimiter', () => {
  it('allows a burst, then the sustained rate, per key', () => {
    let now = 0;
    const limiter = new KeyedRateLimiter({ burst: 3, perSecond: 1 }, () => now);
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.allow('a')), [true, true, true, false]);
    assert.equal(limiter.allow('b'), true);
    now = 1_000;
    assert.deepEqual([limiter.allow('a'), limiter.allow('a')], [true, false]);
  });

  it('keeps at most maxKeys keys (a flood of keys forgets instead of growing)', () => {
    const limiter = new KeyedRateLimiter({ burst: 1, perSecond: 0 }, () => 0, 2);
    limiter.allow('a');
    limiter.allow('b');
    limiter.allow('c');
    assert.equal(limiter.allow('a'), true, 'the oldest key was forgotten');
    assert.equal(limiter.allow('c'), false);
  });
});

describe('addressKey', () => {
  it('keys IPv4 as it is and IPv6 by its /64, so a network cannot rotate addresses past a limit', () => {
    assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey(undefined), 'unknown');
  });
});

describe('ReplayRecords', () => {
  it('sees an identity once within the horizon, through storage for a second instance, and forgets it after', async () => {
    let now = 1_000_000;
    const storage = new MemoryStorage();
    const first = new ReplayRecords(storage, 'test', 60_000, () => now);
    assert.equal(await first.firstSighting('delivery-1'), true);
    assert.equal(await first.firstSighting('delivery-1'), false);
    const [copyA, copyB] = await Promise.all([first.firstSighting('delivery-2'), first.firstSighting('delivery-2')]);
    assert.deepEqual([copyA, copyB].sort(), [false, true], 'two copies at once are one');
    const second = new ReplayRecords(storage, 'test', 60_000, () => now);
    assert.equal(await second.firstSighting('delivery-1'), false, 'another instance knows');
    now += 61_000;
    assert.equal(await second.firstSighting('delivery-1'), true, 'past the horizon');
  });

  it('does not take a retry for a replay when the record could not be written', async () => {
    const broken = { read: async () => { throw new Error('storage down'); }, write: async () => undefined, delete: async () => undefined };
    const records = new ReplayRecords(broken, 'test', 60_000);
    await assert.rejects(records.firstSighting('delivery'));
    await assert.rejects(records.firstSighting('delivery'), 'still unknown: tried again, not skipped');
  });
});

describe('the chat page: security headers', () => {
  const html = '<html><script src="/webchat/webchat.js"></script><script>run()</script></html>';

  it('allows only our scripts (the inline one by its hash) and no framing by default', () => {
    const headers = pageSecurityHeaders(html, ["'self'"]);
    const policy = headers['content-security-policy'];
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(policy, /unsafe-eval/);
    assert.match(policy, /frame-ancestors 'self'/);
    assert.equal(headers['x-frame-options'], 'SAMEORIGIN');
  });

  it("lets the practice's own site embed it", () => {
    const headers = pageSecurityHeaders(html, ['https://www.example-dental.com']);
    assert.match(headers['content-security-policy'], /frame-ancestors https:\/\/www\.example-dental\.com/);
    assert.equal(headers['x-frame-options'], undefined);
  });

  it('is configured by WEBCHAT_FRAME_ANCESTORS, validated', () => {
    assert.deepEqual(loadConfig({}).webchat.frameAncestors, ["'self'"]);
    assert.deepEqual(loadConfig({ WEBCHAT_FRAME_ANCESTORS: 'none' }).webchat.frameAncestors, ["'none'"], 'quotes stripped by an env file');
    assert.deepEqual(loadConfig({ WEBCHAT_FRAME_ANCESTORS: 'https://a.example.com https://*.b.example.com' }).webchat.frameAncestors, ['https://a.example.com', 'https://*.b.example.com']);
    for (const bad of ['javascript:alert(1)', "'none' https://a.example.com", "https://a.example.com; script-src *"]) {
      assert.throws(() => loadConfig({ WEBCHAT_FRAME_ANCESTORS: bad }), ConfigError, bad);
    }
  });

  it('are sent over HTTP: CSP on the page, nosniff everywhere, HSTS behind https', async () => {
    const plain = await startTestApp();
    const secure = await startTestApp({ PUBLIC_URL: 'https://bot.example-dental.com' });
    try {
      const page = await fetch(`${plain.url}/`);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal((await fetch(`${plain.url}/healthz`)).headers.get('x-content-type-options'), 'nosniff');
      assert.equal(page.headers.get('strict-transport-security'), null);
      assert.match((await fetch(`${secure.url}/healthz`)).headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    } finally {
      await plain.close();
      await secure.close();
    }
  });
});

describe('HTTP timeouts configuration', () => {
  it('defaults to 10 s for headers and 30 s for the whole request; headers within the request', () => {
    assert.deepEqual(loadConfig({}).http, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    assert.throws(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' }), /HTTP_HEADERS_TIMEOUT_MS/);
  });
});
