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
  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  terminate(): Promise<number | null>;
  /** What the process wrote to stderr (crash reports would land here). */
  stderr(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** `env` gets the bot's port (PUBLIC_URL and Twilio's signed URL name it). */
export async function startBotProcess(env: (port: number) => Record<string, string>, options: { stateDir?: string } = {}): Promise<BotProcess> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  // A state folder given by the caller outlives the process (a restart reads it); ours does not.
  const stateDir = options.stateDir ?? await mkdtemp(path.join(os.tmpdir(), 'bot-fuzz-'));
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    // ENV_FILE: a developer's own .env (a real API key, say) must never reach a test's bot.
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ENV_FILE: path.join(stateDir, 'no.env'), PORT: String(port), SANDBOX_PORT: String(sandboxPort), STORAGE_DIR: stateDir, LOG_LEVEL: 'silent', SANDBOX_INSERTION_DELAY_MS: '50', ...env(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => { exited = true; resolve(code); }));
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
    terminate() {
      if (!exited) child.kill('SIGTERM');
      return exit;
    },
    stderr: () => stderr,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
      if (!options.stateDir) await rm(stateDir, { recursive: true, force: true });
    },
  };
}
