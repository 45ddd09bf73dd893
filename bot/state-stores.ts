// Where state lives. Three stores, so that what expires, what is swept and what is secret never
// share a file or a container:
// - records: pending appointments and SMS opt-outs (STORAGE_DIR, AZURE_STORAGE_CONTAINER);
// - conversations: ConversationState, expiring (STORAGE_DIR/conversations, <container>-conversations);
// - secrets: the NexHealth webhook registration (STORAGE_DIR/secrets, <container>-secrets).
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { StorageConfig } from '../services/config';
import { LISTED_RECORD_PREFIXES, readWebhookRegistration, WEBHOOK_REGISTRATION_KEY } from '../services/notify';
import { FileStorage, type ListableStorage, type StoreItem, type SweepDecision } from '../services/storage';

export interface StateStores {
  /** Pending requests are one record each, found by listing a prefix (no shared index). */
  records: Storage & ListableStorage;
  conversations: Storage;
  secrets: Storage;
}

export function createStores(config: StorageConfig): StateStores {
  switch (config.kind) {
    case 'memory':
      return { records: new SweepableMemoryStorage(), conversations: new SweepableMemoryStorage(), secrets: new MemoryStorage() };
    case 'file':
      return {
        records: new FileStorage(config.directory, { listed: LISTED_RECORD_PREFIXES }),
        conversations: new FileStorage(path.join(config.directory, 'conversations')),
        secrets: new FileStorage(path.join(config.directory, 'secrets')),
      };
    case 'blob':
      return {
        records: new ListableBlobsStorage(config.connectionString, config.container),
        conversations: new BlobsStorage(config.connectionString, `${config.container}-conversations`),
        secrets: new BlobsStorage(config.connectionString, `${config.container}-secrets`),
      };
  }
}

/**
 * Earlier versions kept the webhook registration (with its secret) among the records: it moves to
 * the secrets store, so the same endpoint keeps working and no copy of the secret stays behind.
 */
export async function moveWebhookSecret(stores: StateStores): Promise<void> {
  if (stores.records === stores.secrets) return;
  const legacy = (await stores.records.read([WEBHOOK_REGISTRATION_KEY]))[WEBHOOK_REGISTRATION_KEY] as StoreItem | undefined;
  if (!legacy) return;
  if (!(await readWebhookRegistration(stores.secrets))) {
    await stores.secrets.write({ [WEBHOOK_REGISTRATION_KEY]: { ...legacy, eTag: '*' } });
  }
  await stores.records.delete([WEBHOOK_REGISTRATION_KEY]);
}

/**
 * Blob storage that can list keys under a prefix (BlobsStorage names a blob by the URI-encoded
 * key, so an encoded prefix is a prefix of the names).
 */
export class ListableBlobsStorage extends BlobsStorage implements ListableStorage {
  private readonly container: ContainerClient;

  constructor(connectionString: string, containerName: string) {
    super(connectionString, containerName);
    this.container = new ContainerClient(connectionString, containerName);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) keys.push(decodeURIComponent(blob.name));
    } catch (error) {
      // Nothing written yet: the container is created by the first write.
      if ((error as { statusCode?: number }).statusCode === 404) return [];
      throw error;
    }
    return keys;
  }
}

/** In-memory state the conversation sweep can visit, so a long-running `STORAGE=memory` bot does not grow forever. */
export class SweepableMemoryStorage extends MemoryStorage implements ListableStorage {
  async list(prefix: string): Promise<string[]> {
    // MemoryStorage deletes by setting a key to undefined.
    return Object.entries(this.memory).filter(([key, text]) => text !== undefined && key.startsWith(prefix)).map(([key]) => key);
  }

  async sweep(decide: (item: StoreItem) => SweepDecision): Promise<number> {
    let deleted = 0;
    for (const [key, text] of Object.entries(this.memory)) {
      if (text === undefined) continue;
      const decision = decide(JSON.parse(text) as StoreItem);
      if (decision === 'delete') {
        delete this.memory[key];
        deleted += 1;
      } else if (decision !== 'keep') {
        await this.write({ [key]: { ...decision.replace, eTag: '*' } });
      }
    }
    return deleted;
  }
}

/** What a records sweep does: items past their `expiresAt` go, the rest stay. */
export function expiredRecords(now: () => number): (item: StoreItem) => SweepDecision {
  return (item) => (typeof item.expiresAt === 'number' && item.expiresAt <= now() ? 'delete' : 'keep');
}

/** How often the records store is rid of expired items (replay records) on file storage. */
const RECORDS_SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Replay records carry when they may go (`expiresAt`); on file storage they are deleted once past
 * it, every hour (on Blob storage, the lifecycle rule of the README). Everything else stays.
 */
export function sweepExpiredRecords(records: Storage, now: () => number, onError: (error: unknown) => void): { stop(): Promise<void> } {
  if (!(records instanceof FileStorage)) return { stop: async () => undefined };
  const sweepOnce = () => records.sweep(expiredRecords(now));
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => { running ??= sweepOnce().catch(onError).finally(() => { running = undefined; }); }, RECORDS_SWEEP_EVERY_MS);
  timer.unref();
  return { async stop() { clearInterval(timer); await running; } };
}
