// Child processes of the load bench (sandbox, bot, echo floor), each `node --import tsx <entry>`,
// with their CPU time and memory read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../test/support/free-port';
import { until } from '../../test/support/waiting';

const ROOT = path.resolve(__dirname, '../..');
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ChildServer {
  url: string;
  port: number;
  /** utime + stime of the process so far, in ms. */
  cpuMs(): Promise<number>;
  rssMb(): Promise<number>;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `entry` on a free port (given as `portVariable`) and waits until `readyPath` answers 200. */
export async function startChild(entry: string, portVariable: string, readyPath: string, env: (port: number) => Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  // BENCH_LOAD_LOG_DIR: each child logs its errors there (to find what an apology was about).
  const logDir = process.env.BENCH_LOAD_LOG_DIR;
  const stdout = logDir ? openSync(path.join(logDir, `${path.basename(entry, '.ts')}-${port}.log`), 'w') : 'ignore';
  const child: ChildProcess = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: logDir ? 'error' : 'silent', [portVariable]: String(port), ...env(port) },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  let exited = false;
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (exited) throw new Error(`${entry} did not start: ${stderr.slice(0, 2000)}`);
    return fetch(`${url}${readyPath}`).then((response) => response.ok, () => false);
  }, 60_000);
  return {
    url,
    port,
    async cpuMs() {
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    },
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stderr: () => stderr,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

/** Samples the process's RSS every `everyMs` until stopped; resolves with the peak. */
export function samplePeakRss(server: ChildServer, everyMs = 200): { stop(): Promise<number> } {
  let peak = 0;
  const sample = async () => { peak = Math.max(peak, await server.rssMb()); };
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      return peak;
    },
  };
}
