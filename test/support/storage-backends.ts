// The real stores a storage suite runs on: Azure Blob Storage (Azurite) and the file store, each
// opened fresh (a container or a folder of its own) and cleaned up after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LISTED_RECORD_PREFIXES } from '../../services/notify';
import { FileStorage, type ListableStorage } from '../../services/storage';
import { blobStorage } from './azurite';

export interface OpenedStorage {
  storage: ListableStorage;
  cleanup: () => void;
}

export const storageBackends: [string, () => Promise<OpenedStorage>][] = [
  ['Azure Blob Storage (Azurite)', async () => ({ storage: await blobStorage(), cleanup: () => undefined })],
  ['file storage', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'storage-'));
    return { storage: new FileStorage(directory, { listed: LISTED_RECORD_PREFIXES }), cleanup: () => rmSync(directory, { recursive: true, force: true }) };
  }],
];
