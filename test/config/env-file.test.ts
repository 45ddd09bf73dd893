// `.env` is read at start-up (Node's parser), and the environment wins over it.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readEnvironment, withEnvFile } from '../../services/config';
import { startBotProcess } from '../security/bot-process';

describe('.env', function () {
  this.timeout(40_000);

  it('adds the file\'s variables under the environment\'s (the environment wins), as Node parses them', () => {
    const file = ['# the practice', 'PORT=8080', 'LOG_LEVEL="debug"', "WEBCHAT_FRAME_ANCESTORS='https://a.example.com https://b.example.com'", ''].join('\n');
    assert.deepEqual(withEnvFile({ PORT: '3978' }, file), { PORT: '3978', LOG_LEVEL: 'debug', WEBCHAT_FRAME_ANCESTORS: 'https://a.example.com https://b.example.com' });
  });

  it('reads ENV_FILE, else .env in the working directory, and nothing when there is none', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'env-file-'));
    try {
      await writeFile(path.join(folder, '.env'), 'LOG_LEVEL=warn\n');
      await writeFile(path.join(folder, 'other.env'), 'LOG_LEVEL=error\n');
      assert.equal(readEnvironment({}, folder).LOG_LEVEL, 'warn');
      assert.equal(readEnvironment({ ENV_FILE: path.join(folder, 'other.env') }, folder).LOG_LEVEL, 'error');
      assert.deepEqual(readEnvironment({ PORT: '1' }, os.tmpdir()), { PORT: '1' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('is honoured by `npm start`: a setting only the file has takes effect, one the environment sets wins', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'env-file-'));
    const file = path.join(folder, '.env');
    await writeFile(file, 'WEBCHAT_FRAME_ANCESTORS=https://www.from-env-file.example\nPORT=1\n');
    const bot = await startBotProcess(() => ({ ENV_FILE: file, WEBHOOKS_ENABLED: 'false' }));
    try {
      const page = await fetch(`${bot.url}/`);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors https:\/\/www\.from-env-file\.example/);
    } finally {
      await bot.stop();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
