// The embedded sandbox is for running without an API key: a bot on a real key never loads it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');

/** Starts the app in a fresh process with `env` and says whether any sandbox module was loaded. */
async function sandboxLoaded(env: Record<string, string>): Promise<boolean> {
  const script = `
    const { startApp } = require('./bot/app');
    const { loadConfig } = require('./services/config');
    startApp(loadConfig(${JSON.stringify({ PORT: '0', SANDBOX_PORT: '0', STORAGE: 'memory', WEBHOOKS_ENABLED: 'false', LOG_LEVEL: 'silent', ...env })}), { host: '127.0.0.1' })
      .then(async (app) => { const loaded = Object.keys(require.cache).some((file) => file.includes('${path.sep}sandbox${path.sep}')); await app.close(); console.log(loaded); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', '-e', script], { cwd: ROOT });
  return stdout.trim().endsWith('true');
}

describe('the embedded sandbox', function () {
  this.timeout(30_000);

  it('is loaded without an API key, and not with one', async () => {
    assert.equal(await sandboxLoaded({}), true);
    assert.equal(await sandboxLoaded({ NEXHEALTH_API_KEY: 'a-real-key', NEXHEALTH_SUBDOMAIN: 'smile', NEXHEALTH_BASE_URL: 'http://127.0.0.1:9' }), false);
  });
});
