// NexHealth for the app: the embedded sandbox when there is no API key (loaded only then), and the
// client, told of every answer for the metrics.
import type { RunningSandbox } from '../../sandbox';
import type { Clock } from '../../services/clock';
import type { AppConfig } from '../../services/config';
import type { Logger } from '../../services/logger';
import type { Metrics } from '../../services/metrics';
import { NexHealthClient } from '../../services/nexhealth';

export async function connectNexHealth(config: AppConfig, clock: Clock, logger: Logger, metrics: Metrics): Promise<{ client: NexHealthClient; sandbox?: RunningSandbox }> {
  let sandbox: RunningSandbox | undefined;
  let baseUrl = config.nexhealth.baseUrl;
  if (config.nexhealth.mode === 'sandbox' && !baseUrl) {
    // Loaded only in sandbox mode: a bot on a real API key never loads the fake.
    const { startSandbox } = await import('../../sandbox');
    sandbox = await startSandbox({ port: config.nexhealth.sandboxPort, insertionDelayMs: config.nexhealth.sandboxInsertionDelayMs, clock, logger: logger.child({ part: 'sandbox' }) });
    baseUrl = sandbox.url;
  }
  const client = new NexHealthClient({
    baseUrl: baseUrl ?? '',
    apiKey: config.nexhealth.apiKey,
    subdomain: config.nexhealth.subdomain,
    apiVersion: config.nexhealth.apiVersion,
    clock,
    logger: logger.child({ part: 'nexhealth' }),
    timeoutMs: config.nexhealth.timeoutMs,
    maxRetries: config.nexhealth.maxRetries,
    referenceTtlMs: config.nexhealth.referenceTtlMs,
    requestableProvidersOnly: config.nexhealth.requestableOnly,
    onResponse: (route, status, ms) => metrics.nexhealthResponse(route, status, ms),
  });
  return { client, sandbox };
}
