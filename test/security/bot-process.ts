// The bot as its own process (`node --import tsx bot/index.ts`, as `npm start` runs it), so a
// request that would end the process shows up as a dead process, and its memory can be read.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { until } from '../support/waiting';

export interface BotProcess {
  url: string;
  port: number;
  sandboxUrl: string;
  /** Resident memory of the bot process, in MB. */
  rssMb(): Promise<number>;
  alive(): boolean;
  /** What the process wrote to stderr (crash reports would land here). */
  stderr(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** `env` gets the bot's port (PUBLIC_URL and Twilio's signed URL name it). */
export async function startBotProcess(env: (port: number) => Record<string, string>): Promise<BotProcess> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'bot-fuzz-'));
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.FUZZ_NODE_OPTIONS ?? '', PORT: String(port), SANDBOX_PORT: String(sandboxPort), STORAGE_DIR: stateDir, LOG_LEVEL: 'silent', SANDBOX_INSERTION_DELAY_MS: '50', ...env(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  child.once('exit', () => { exited = true; });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (exited) throw new Error(`the bot did not start: ${stderr}`);
    return fetch(`${url}/healthz`).then((response) => response.ok, () => false);
  }, 30_000);
  return {
    url,
    port,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    alive: () => !exited && child.exitCode === null,
    stderr: () => stderr,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
