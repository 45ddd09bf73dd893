// A durable Storage for `npm start`: one JSON file per key, written atomically (temp file + rename),
// with eTags for optimistic concurrency, so state survives a restart of the process. It satisfies
// botbuilder's Storage interface structurally; services never import botbuilder.
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, StoreItem>;

/** The subset of botbuilder's Storage the bot uses (read, write with eTags, delete). */
export interface KeyValueStorage {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    // The key may hold a conversation id; it names no patient.
    super('Storage: eTag conflict on write');
    this.name = 'ETagConflictError';
  }
}

export class FileStorage implements KeyValueStorage {
  /** Writes to one key are serialised inside this process so the eTag check and the rename are one step. */
  private readonly locks = new Map<string, Promise<void>>();

  constructor(private readonly directory: string) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(keys.map(async (key) => {
      const item = await this.readOne(key);
      if (item) items[key] = item;
    }));
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await fs.mkdir(this.directory, { recursive: true });
    await Promise.all(Object.entries(changes).map(([key, item]) => this.withLock(key, async () => {
      if (item.eTag !== undefined && item.eTag !== '*') {
        // An eTag that was read means "as I read it": deleted since then is a conflict too (as Blob Storage has it).
        const current = await this.readOne(key);
        if (!current || current.eTag !== item.eTag) throw new ETagConflictError(key);
      }
      const stored = { ...item, eTag: randomUUID() };
      const file = this.fileFor(key);
      const temporary = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(stored), 'utf8');
      await fs.rename(temporary, file);
    })));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.withLock(key, () => fs.rm(this.fileFor(key), { force: true }))));
  }

  private async readOne(key: string): Promise<StoreItem | undefined> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.fileFor(key), 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as StoreItem) : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Keys hold channel and conversation ids with any characters: a hash makes a safe file name. */
  private fileFor(key: string): string {
    return path.join(this.directory, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async withLock(key: string, work: () => Promise<void>): Promise<void> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    const settled = current.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      await current;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }
}
