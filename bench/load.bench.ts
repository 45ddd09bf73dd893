// `npm run bench -- load`: N patients booking at once over HTTP (issue 14). The sandbox and the bot
// each run as their own process (bot on file storage, then Blob storage on Azurite); the sandbox
// keeps NexHealth's documented rate limits on. An echo bot on the same adapter, driven with the
// same turns, is the floor. BENCH_LOAD_N and BENCH_LOAD_STORAGE narrow the run (e.g. "10,50", "file").
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { azuriteConnectionString } from '../test/support/azurite';
import { SandboxAdmin } from '../test/support/sandbox';
import { closeSharedServers } from '../test/support/shared-servers';
import { until } from '../test/support/waiting';
import { bookAsPatient, echoAsPatient } from './load/drive';
import { underLoad, toldBooked, type LoadRun, type Told } from './load/measure';
import { loadPatients } from './load/patients';
import { startChild, type ChildServer } from './load/processes';
import { loadMetrics } from './load/metrics';
import { BROOKLYN, benchClient, callCounts, createPatients, outcome, type CallCounts, type Outcome } from './load/sandbox-checks';
import type { BenchMetric, BenchReport } from './report';

type StorageKind = 'file' | 'blob';

// Installed by `npm test` (scripts/test-tools.js); without it the Blob run is skipped, and says so.
const AZURITE = path.resolve(__dirname, '../test/tools/node_modules/.bin/azurite-blob');

export interface SizeResult { storage: StorageKind; size: number; bot: LoadRun; floor: LoadRun; told: Told; calls: CallCounts; outcome: Outcome }

async function storageEnv(storage: StorageKind, size: number): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (storage === 'blob') {
    return { env: { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: await azuriteConnectionString(), AZURE_STORAGE_CONTAINER: `load-${size}-${Date.now()}` }, cleanup: async () => undefined };
  }
  const directory = await mkdtemp(path.join(os.tmpdir(), 'bench-load-'));
  return { env: { STORAGE: 'file', STORAGE_DIR: directory }, cleanup: () => rm(directory, { recursive: true, force: true }) };
}

/** The sandbox on its own, insertions done quickly and webhooks retried within the minute. */
async function startSandboxProcess(): Promise<ChildServer> {
  const sandbox = await startChild('sandbox/main.ts', 'SANDBOX_PORT', '/__sandbox/clock', () => ({}));
  await new SandboxAdmin(sandbox.url).settings({ insertionDelayMs: 200, webhookRetryDelaysMs: [2_000, 5_000, 15_000] });
  return sandbox;
}

async function startBot(sandboxUrl: string, env: Record<string, string>): Promise<ChildServer> {
  return startChild('bot/index.ts', 'PORT', '/healthz', (port) => ({
    ...env, NEXHEALTH_BASE_URL: sandboxUrl, NEXHEALTH_LOCATION_ID: String(BROOKLYN), PUBLIC_URL: `http://127.0.0.1:${port}`,
  }));
}

async function oneSize(storage: StorageKind, size: number): Promise<SizeResult> {
  const sandbox = await startSandboxProcess();
  const admin = new SandboxAdmin(sandbox.url);
  const client = benchClient(sandbox.url);
  const patients = loadPatients(size, new Date());
  const { env, cleanup } = await storageEnv(storage, size);
  let bot: ChildServer | undefined;
  let echo: ChildServer | undefined;
  try {
    await createPatients(client, patients);
    bot = await startBot(sandbox.url, env);
    // Registered (endpoint and subscriptions) before the load, so its calls are not counted in it.
    await until(async () => {
      const endpoint = (await client.listWebhookEndpoints())[0];
      return endpoint !== undefined && (await client.listWebhookSubscriptions(endpoint.id)).length > 0;
    }, 30_000);
    // The setup's calls spent the key's budget: the load starts with a full one and clean counters.
    await admin.settings({ limits: {} });
    await admin.resetCounters();
    const load = await underLoad(bot, size, (conversation, index, deadline, run) => bookAsPatient(conversation, patients[index] ?? patients[0], deadline, run));
    const told = await toldBooked(load);
    const calls = await callCounts(admin);
    const booked = await outcome(client, patients);
    await load.channel.stop();
    echo = await startChild('test/support/echo-bot.ts', 'PORT', '/healthz', () => ({}));
    const floor = await underLoad(echo, size, (conversation, index, _deadline, run) => echoAsPatient(conversation, (load.runs[index]?.turns ?? []).map((turn) => turn.kind), run));
    await floor.channel.stop();
    return { storage, size, bot: load, floor, told, calls, outcome: booked };
  } finally {
    await echo?.stop();
    await bot?.stop();
    await sandbox.stop();
    await cleanup();
  }
}

export async function run(): Promise<BenchReport> {
  const sizes = (process.env.BENCH_LOAD_N ?? '10,50,200').split(',').map(Number).filter((size) => size > 0);
  const storages = (process.env.BENCH_LOAD_STORAGE ?? 'file,blob').split(',').filter((kind): kind is StorageKind => kind === 'file' || kind === 'blob');
  const metrics: BenchMetric[] = [];
  try {
    for (const storage of storages) {
      if (storage === 'blob' && !existsSync(AZURITE)) {
        metrics.push({ label: 'blob', value: 'not run: Azurite is not installed in test/tools (npm test installs it)', target: 'runs', ok: false });
        continue;
      }
      for (const size of sizes) {
        try {
          const result = await oneSize(storage, size);
          metrics.push(...loadMetrics(result));
          console.log(`load: ${storage} N=${size} done (turns ${(result.bot.elapsedMs / 1000).toFixed(1)} s${result.bot.cutOff ? ', cut off' : ''})`);
        } catch (error) {
          metrics.push({ label: `${storage} N=${size}`, value: `did not run: ${error instanceof Error ? error.message : String(error)}`, ok: false, target: 'runs' });
        }
      }
    }
  } finally {
    await closeSharedServers();
  }
  return { name: `load: ${sizes.join('/')} patients booking at once over HTTP (${storages.join(', ')} storage), echo bot as the floor`, metrics };
}
