// Starts the whole bot over HTTP for end-to-end tests, on the shared sandbox, with in-memory state
// unless a storage is given.
import { MemoryStorage, type Storage } from 'botbuilder';
import { startApp, type RunningApp } from '../../bot/app';
import type { Clock } from '../../services/clock';
import { loadConfig } from '../../services/config';
import { createLogger } from '../../services/logger';
import { sharedSandbox } from './sandbox';
import { TestChannel } from './test-channel';

export async function startTestApp(env: Record<string, string> = {}, overrides: { storage?: Storage; clock?: Clock } = {}): Promise<RunningApp> {
  const sandbox = await sharedSandbox();
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', NEXHEALTH_BASE_URL: sandbox.url, WEBHOOKS_ENABLED: 'false', LOG_LEVEL: 'silent', ...env });
  return startApp(config, { storage: overrides.storage ?? new MemoryStorage(), clock: overrides.clock, logger: createLogger({ level: 'silent' }), host: '127.0.0.1' });
}

export interface BotOnChannel {
  app: RunningApp;
  channel: TestChannel;
  close(): Promise<void>;
}

/** A bot with a test channel talking to it, as the webhook suites need: started and closed together. */
export async function startBotOnChannel(env: Record<string, string>, overrides: { storage?: Storage; clock?: Clock } = {}): Promise<BotOnChannel> {
  const app = await startTestApp(env, overrides);
  const channel = new TestChannel(app.url);
  await channel.start();
  return {
    app,
    channel,
    async close() {
      await channel.stop();
      await app.close();
    },
  };
}
