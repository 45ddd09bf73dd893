// /metrics after an end-to-end booking: the funnel, the office's answer time, NexHealth calls by
// route and status, webhook deliveries, turns by channel; no patient data; guarded by a token.
import assert from 'node:assert/strict';
import { ManualClock } from '../../services/clock';
import { offeredTitles } from '../support/activities';
import { startBotOnChannel, startTestApp } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';

/** `name{labels} value` lines of one metric, as label text → value. */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(\\{[^}]*\\})? ([0-9.e+-]+)$`).exec(line);
    if (match) found.set(match[1] ?? '', Number(match[2]));
  }
  return found;
}

describe('/metrics', function () {
  this.timeout(30_000);

  it('shows the booking funnel, the answer time, NexHealth calls and turns after a booking, and nothing about the patient', async () => {
    const sandbox = await sharedSandbox();
    const admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    await admin.settings({ insertionDelayMs: 50 });
    const bot = await startBotOnChannel({ WEBHOOKS_ENABLED: 'true', NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { clock: new ManualClock(SPEC_NOW) });
    try {
      const conversation = bot.channel.conversation();
      const offer = await conversation.say("I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon");
      await conversation.say(offeredTitles(offer[offer.length - 1])[0]);
      await conversation.say('yes');
      await conversation.waitFor(/^You're booked/);
      const response = await fetch(`${bot.app.url}/metrics`);
      assert.equal(response.status, 200);
      const text = await response.text();
      const funnel = samples(text, 'booking_funnel_total');
      for (const stage of ['conversation_started', 'booking_started', 'identity_verified', 'times_offered', 'request_sent', 'confirmed']) {
        assert.ok((funnel.get(`{stage="${stage}"}`) ?? 0) >= 1, `${stage}: ${funnel.get(`{stage="${stage}"}`)}`);
      }
      assert.equal(funnel.get('{stage="refused"}'), 0);
      assert.equal(samples(text, 'booking_office_answer_seconds_count').get('{outcome="confirmed"}'), 1);
      const calls = samples(text, 'nexhealth_requests_total');
      assert.ok((calls.get('{route="POST /appointments",status="201"}') ?? 0) >= 1, [...calls.keys()].join(' '));
      assert.ok([...calls.keys()].every((labels) => /^\{route="(GET|POST|PATCH|PUT|DELETE) \/[a-z_/:]+",status="\d+"\}$/.test(labels)), `routes are patterns, not ids: ${[...calls.keys()].join(' ')}`);
      assert.equal(samples(text, 'nexhealth_webhook_deliveries_total').get('{result="verified"}'), 1);
      assert.ok((samples(text, 'bot_turn_seconds_count').get('{channel="emulator"}') ?? 0) >= 3);
      for (const secret of ['Ana', 'Diaz', '1990-03-04', '3/4/1990', '2013344', conversation.id]) assert.ok(!text.includes(secret), `${secret} in /metrics`);
    } finally {
      await bot.close();
    }
  });

  it('asks for METRICS_TOKEN when one is set, and refuses a proxied request without it', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN: 'a-long-enough-metrics-token' });
    const open = await startTestApp();
    try {
      assert.equal((await fetch(`${guarded.url}/metrics`)).status, 401);
      assert.equal((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status, 401);
      assert.equal((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-long-enough-metrics-token' } })).status, 200);
      assert.equal((await fetch(`${open.url}/metrics`)).status, 200, 'this machine, no token configured');
      assert.equal((await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 401);
    } finally {
      await guarded.close();
      await open.close();
    }
  });
});
