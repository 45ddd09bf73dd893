// A NexHealth client on the shared sandbox for the client-level suites: short, deterministic
// waits keep them fast while still exercising the retry paths.
import type { Clock } from '../../services/clock';
import { NexHealthClient, type NexHealthClientOptions } from '../../services/nexhealth';
import type { RunningSandbox } from '../../sandbox';

export function sandboxClient(sandbox: RunningSandbox, clock: Clock, overrides: Partial<NexHealthClientOptions> = {}): NexHealthClient {
  return new NexHealthClient({
    baseUrl: sandbox.url,
    apiKey: 'sandbox-api-key',
    subdomain: 'demo-dental',
    clock,
    timeoutMs: 2_000,
    maxRetries: 3,
    random: () => 0.5,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    ...overrides,
  });
}
