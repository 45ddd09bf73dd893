// Azure Blob Storage for tests: Azurite (test/tools), started once per run on a free port, in memory.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ListableBlobsStorage } from '../../bot/state-stores';
import { freePort } from './free-port';
import { registerSharedServer } from './shared-servers';

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development key (public, documented by Microsoft; not a secret).
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

let started: Promise<string> | undefined;


async function waitUntilListening(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`azurite exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('azurite did not start in time');
}

/** The connection string of the run's Azurite blob service. */
export function azuriteConnectionString(): Promise<string> {
  if (!started) {
    started = (async () => {
      const port = await freePort();
      // Installed into test/tools by `npm test` (scripts/test-tools.js), outside the bot's node_modules.
      const binary = path.resolve(__dirname, '../tools/node_modules/.bin/azurite-blob');
      const child = spawn(binary, ['--blobHost', '127.0.0.1', '--blobPort', String(port), '--inMemoryPersistence', '--silent', '--loose', '--skipApiVersionCheck'], { stdio: 'ignore' });
      registerSharedServer(async () => {
        child.kill('SIGTERM');
        started = undefined;
      });
      await waitUntilListening(port, child);
      return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
    })();
  }
  return started;
}

let containers = 0;

/** A Blob store (as the bot opens it) on a container of its own (one per test that wants isolation). */
export async function blobStorage(name = `test-${process.pid}-${(containers += 1)}`): Promise<ListableBlobsStorage> {
  return new ListableBlobsStorage(await azuriteConnectionString(), name);
}
