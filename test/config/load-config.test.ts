import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../services/config';

describe('loadConfig', () => {
  it('runs on the embedded sandbox with nothing configured', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.nexhealth.mode, 'sandbox');
    assert.equal(config.nexhealth.subdomain, 'demo-dental');
    assert.equal(config.nexhealth.apiKey, 'sandbox-api-key');
    assert.equal(config.nexhealth.sandboxPort, 3979);
    assert.equal(config.publicUrl, undefined, 'the local URL is used');
    assert.deepEqual(config.storage, { kind: 'file', directory: './data/state' });
    assert.equal(config.webhooks.enabled, true);
  });

  it('uses the real API when a key is set', () => {
    const config = loadConfig({ NEXHEALTH_API_KEY: 'key', NEXHEALTH_SUBDOMAIN: 'smile', NEXHEALTH_LOCATION_ID: '12', PORT: '8080', PUBLIC_URL: 'https://bot.example.com/' });
    assert.equal(config.nexhealth.mode, 'live');
    assert.equal(config.nexhealth.baseUrl, 'https://nexhealth.info');
    assert.equal(config.nexhealth.locationId, 12);
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, 'https://bot.example.com');
  });

  it('caches slot searches 5 s unless told otherwise (0 turns it off)', () => {
    assert.equal(loadConfig({}).nexhealth.slotCacheTtlMs, 5_000);
    assert.equal(loadConfig({ NEXHEALTH_SLOT_CACHE_SECONDS: '0' }).nexhealth.slotCacheTtlMs, 0);
    assert.throws(() => loadConfig({ NEXHEALTH_SLOT_CACHE_SECONDS: 'soon' }), /NEXHEALTH_SLOT_CACHE_SECONDS/);
  });

  it("filters on NexHealth's online-booking flags unless the practice turns them off", () => {
    const defaults = loadConfig({});
    assert.deepEqual([defaults.nexhealth.requestableOnly, defaults.nexhealth.bookableOnlineOnly], [true, true]);
    const off = loadConfig({ NEXHEALTH_REQUESTABLE_ONLY: 'false', NEXHEALTH_BOOKABLE_ONLINE_ONLY: '0' });
    assert.deepEqual([off.nexhealth.requestableOnly, off.nexhealth.bookableOnlineOnly], [false, false]);
    assert.throws(() => loadConfig({ NEXHEALTH_REQUESTABLE_ONLY: 'maybe' }), /NEXHEALTH_REQUESTABLE_ONLY/);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ NEXHEALTH_API_KEY: '', PORT: '', MicrosoftAppId: '' });
    assert.equal(config.nexhealth.mode, 'sandbox');
    assert.equal(config.port, 3978);
    assert.equal(config.bot.appId, undefined);
  });

  it('lists every problem at once, naming the variable', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty', NEXHEALTH_LOCATION_ID: '-3', STORAGE: 'floppy' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      assert.match(text, /PORT/);
      assert.match(text, /NEXHEALTH_LOCATION_ID/);
      assert.match(text, /STORAGE/);
      return true;
    });
  });

  it('requires what goes together', () => {
    assert.throws(() => loadConfig({ NEXHEALTH_API_KEY: 'key' }), /NEXHEALTH_SUBDOMAIN/);
    assert.throws(() => loadConfig({ NEXHEALTH_API_KEY: 'key', NEXHEALTH_SUBDOMAIN: 's', PUBLIC_URL: 'http://bot.example.com' }), /PUBLIC_URL: NexHealth needs a public https URL/);
    assert.doesNotThrow(() => loadConfig({ NEXHEALTH_API_KEY: 'key', NEXHEALTH_SUBDOMAIN: 's', WEBHOOKS_ENABLED: 'false' }));
    assert.throws(() => loadConfig({ MicrosoftAppId: 'app' }), /MicrosoftAppPassword/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId/);
    assert.throws(() => loadConfig({ STORAGE: 'blob' }), /AZURE_STORAGE_CONNECTION_STRING/);
    assert.throws(() => loadConfig({ RECONCILE_AFTER_SECONDS: '0' }), /RECONCILE_AFTER_SECONDS/);
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_AUTH_TOKEN: 't', TWILIO_PHONE_NUMBER: '+15551234567' }), /PUBLIC_URL: required for SMS through Twilio/);
  });

  it('reads storage and webhook settings', () => {
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', WEBHOOKS_ENABLED: 'false', RECONCILE_AFTER_SECONDS: '30' });
    assert.deepEqual(config.storage, { kind: 'blob', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
    assert.deepEqual(config.webhooks, { enabled: false, reconcileAfterMs: 30_000 });
  });

  it('forgets conversations after 24 hours idle unless configured', () => {
    assert.equal(loadConfig({}).conversationIdleMs, 24 * 3_600_000);
    assert.equal(loadConfig({ CONVERSATION_IDLE_HOURS: '2' }).conversationIdleMs, 2 * 3_600_000);
    assert.throws(() => loadConfig({ CONVERSATION_IDLE_HOURS: '0' }), /CONVERSATION_IDLE_HOURS/);
  });

  it('refuses a container name whose conversations and secrets containers would be invalid', () => {
    assert.throws(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'Bot_State' }), /AZURE_STORAGE_CONTAINER/);
    assert.throws(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_CONTAINER: 'a'.repeat(50) }), /AZURE_STORAGE_CONTAINER/);
    assert.equal(loadConfig({ AZURE_STORAGE_CONTAINER: 'a'.repeat(49) }).storage.kind, 'file');
  });

  it('turns SMS through Twilio on only with account SID, auth token and number', () => {
    assert.equal(loadConfig({}).twilio, undefined);
    const sid = `AC${'0a'.repeat(16)}`;
    const config = loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'token', TWILIO_PHONE_NUMBER: '+15550001111', PUBLIC_URL: 'https://bot.example.com', TWILIO_API_BASE_URL: 'http://127.0.0.1:4010/' });
    assert.deepEqual(config.twilio, { accountSid: sid, authToken: 'token', phoneNumber: '+15550001111', apiBaseUrl: 'http://127.0.0.1:4010' });
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: sid }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.problems.join('\n'), /TWILIO_AUTH_TOKEN[\s\S]*TWILIO_PHONE_NUMBER/);
      return true;
    });
    assert.throws(() => loadConfig({ TWILIO_ACCOUNT_SID: 'nope', TWILIO_AUTH_TOKEN: 't', TWILIO_PHONE_NUMBER: '555-1234' }), /TWILIO_ACCOUNT_SID[\s\S]*TWILIO_PHONE_NUMBER/);
  });
});
