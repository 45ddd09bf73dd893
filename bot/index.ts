// `npm start`: reads the configuration once, starts the bot (and the sandbox when no API key is set).
import { ConfigError, loadConfig } from '../services/config';
import { startApp } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  const nexhealth = app.sandbox ? `embedded sandbox at ${app.sandbox.url} (subdomain demo-dental)` : `NexHealth at ${config.nexhealth.baseUrl}`;
  console.log([
    `Web Chat:  ${app.url}/  (open it in a browser)`,
    `Emulator:  ${app.url}/api/messages  (no app id or password needed)`,
    `NexHealth: ${nexhealth}`,
  ].join('\n'));
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
