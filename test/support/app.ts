// Starts the whole bot over HTTP for end-to-end tests, on the shared sandbox, with in-memory state
// unless a storage is given (one storage given holds every store: records, conversations, secrets).
import type { Storage } from 'botbuilder';
import type { ListableStorage } from '../../services/storage';
import { startApp, type RunningApp } from '../../bot/app';
import type { StateStores } from '../../bot/state-stores';
import type { Clock } from '../../services/clock';
import { loadConfig } from '../../services/config';
import { createLogger, type Logger } from '../../services/logger';
import { sharedSandbox } from './sandbox';
import { TestChannel } from './test-channel';

export interface TestAppOverrides {
  storage?: Storage & ListableStorage;
  stores?: StateStores;
  clock?: Clock;
  sweepEveryMs?: number;
  /** Where the bot logs (silent by default). */
  logger?: Logger;
}

export async function startTestApp(env: Record<string, string> = {}, overrides: TestAppOverrides = {}): Promise<RunningApp> {
  const sandbox = await sharedSandbox();
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', NEXHEALTH_BASE_URL: sandbox.url, WEBHOOKS_ENABLED: 'false', LOG_LEVEL: 'silent', ...env });
  const { storage } = overrides;
  const stores = overrides.stores ?? (storage ? { records: storage, conversations: storage, secrets: storage } : undefined);
  return startApp(config, { stores, clock: overrides.clock, sweepEveryMs: overrides.sweepEveryMs, logger: overrides.logger ?? createLogger({ level: 'silent' }), host: '127.0.0.1' });
}

export interface BotOnChannel {
  app: RunningApp;
  channel: TestChannel;
  close(): Promise<void>;
}

/** A bot with a test channel talking to it, as the webhook suites need: started and closed together. */
export async function startBotOnChannel(env: Record<string, string>, overrides: TestAppOverrides = {}): Promise<BotOnChannel> {
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
