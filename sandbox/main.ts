// `npm run sandbox`: the sandbox on its own. The only place in sandbox/ that reads the environment.
import { createLogger } from '../services/logger';
import { DEMO_API_KEY, DEMO_SUBDOMAIN, startSandbox } from './index';

async function main(): Promise<void> {
  const logger = createLogger({ name: 'sandbox', level: process.env.LOG_LEVEL ?? 'info' });
  const port = Number(process.env.SANDBOX_PORT ?? 3979);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('SANDBOX_PORT must be a port number');
  const sandbox = await startSandbox({ port, logger });
  logger.info({ url: sandbox.url, subdomain: DEMO_SUBDOMAIN, apiKey: DEMO_API_KEY }, 'NexHealth sandbox ready');
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
