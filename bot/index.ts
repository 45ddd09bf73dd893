// `npm start`: reads the configuration once, starts the bot (and the sandbox when no API key is set).
import { ConfigError, loadConfig, readEnvironment } from '../services/config';
import { createLogger } from '../services/logger';
import { describeError } from './adapter';
import { startApp } from './app';

/**
 * A fault in one request must not end every patient's conversation: what escapes is logged (by
 * kind, never by content) and the process goes on. Requests are already fenced (bot/http); this is
 * the last line.
 */
function keepRunning(level: string): void {
  const logger = createLogger({ level });
  process.on('uncaughtException', (error) => logger.error({ err: describeError(error) }, 'uncaught exception; still running'));
  process.on('unhandledRejection', (reason) => logger.error({ err: describeError(reason) }, 'unhandled rejection; still running'));
}

const STOP_WITHIN_MS = 20_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(readEnvironment(process.env, process.cwd()));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  keepRunning(config.logLevel);
  const app = await startApp(config);
  const nexhealth = app.sandbox ? `embedded sandbox at ${app.sandbox.url} (subdomain demo-dental)` : `NexHealth at ${config.nexhealth.baseUrl}`;
  console.log([
    `Web Chat:  ${app.url}/  (open it in a browser)`,
    `Emulator:  ${app.url}/api/messages  (no app id or password needed)`,
    `NexHealth: ${nexhealth}`,
  ].join('\n'));
  // SIGTERM (a deploy, a scale-in): turns in flight finish and save, then the process exits; a
  // stop that hangs anyway ends after STOP_WITHIN_MS.
  const stop = async () => {
    const deadline = setTimeout(() => process.exit(1), STOP_WITHIN_MS);
    deadline.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
