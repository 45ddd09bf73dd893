// A durable Storage for `npm start`: one JSON file per key, written atomically (temp file + rename),
// with eTags for optimistic concurrency, so state survives a restart of the process. It satisfies
// botbuilder's Storage interface structurally; services never import botbuilder. State holds
// patient data and secrets: only the bot's own user may read it (files 0600, folders 0700).
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

/**
 * A store that can say which keys exist under a prefix (file, memory and Blob storage all can), so
 * many writers keep one record each instead of sharing a list (issue 14: no hot record).
 */
export interface ListableStorage extends KeyValueStorage {
  /** Keys that start with `prefix` (one of the prefixes the store was told to list, on file storage). */
  list(prefix: string): Promise<string[]>;
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    // The key may hold a conversation id; it names no patient.
    super('Storage: eTag conflict on write');
    this.name = 'ETagConflictError';
  }
}

/** A write refused because the item changed since it was read, in any store (file, memory, Blob's 412). */
export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /etag conflict|precondition|412/i.test(`${error.name} ${error.message}`);
}

/** What a sweep does with one stored item: keep it, delete it, or store this instead. */
export type SweepDecision = 'keep' | 'delete' | { replace: StoreItem };

const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;
/** A temporary file this old is left over from a crash mid-write (a write takes milliseconds). */
const ORPHANED_TEMPORARY_MS = 60_000;

/** A listed prefix names a folder: lower-case words and dashes, ending with '/'. */
const LISTED_PREFIX = /^[a-z][a-z0-9-]*\/$/;
/** The rest of a listed key is its file name (ids): short and safe on every file system. */
const LISTED_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export class FileStorage implements ListableStorage {
  /** Writes to one file are serialised inside this process so the eTag check and the rename are one step. */
  private readonly locks = new Map<string, Promise<void>>();
  private directoryReady?: Promise<void>;
  private readonly listed: string[];

  /**
   * Keys under a `listed` prefix live in a folder of their own, one file per key named by the rest
   * of the key, so `list` reads a folder instead of every item; other keys are hashed file names.
   */
  constructor(private readonly directory: string, options: { listed?: string[] } = {}) {
    this.listed = options.listed ?? [];
    for (const prefix of this.listed) if (!LISTED_PREFIX.test(prefix)) throw new Error(`FileStorage: not a listable prefix: ${prefix}`);
  }

  async list(prefix: string): Promise<string[]> {
    if (!this.listed.includes(prefix)) throw new Error(`FileStorage: prefix not listed: ${prefix}`);
    let names: string[];
    try {
      names = await fs.readdir(this.folderOf(prefix));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.filter((name) => name.endsWith('.json')).map((name) => `${prefix}${name.slice(0, -'.json'.length)}`);
  }

  private folderOf(prefix: string): string {
    return path.join(this.directory, prefix.slice(0, -1));
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(keys.map(async (key) => {
      const item = await this.readOne(key);
      if (item) items[key] = item;
    }));
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureDirectory();
    await Promise.all(Object.entries(changes).map(([key, item]) => this.withLock(this.fileFor(key), async () => {
      if (item.eTag !== undefined && item.eTag !== '*') {
        // An eTag that was read means "as I read it": deleted since then is a conflict too (as Blob Storage has it).
        const current = await this.readOne(key);
        if (!current || current.eTag !== item.eTag) throw new ETagConflictError(key);
      }
      await this.replaceFile(this.fileFor(key), item);
    })));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => {
      const file = this.fileFor(key);
      return this.withLock(file, () => fs.rm(file, { force: true }));
    }));
  }

  /**
   * Visits every stored item once (file names are hashes, so no key is known) and applies
   * `decide`; also removes temporary files a crash left behind. Returns how many were deleted.
   */
  async sweep(decide: (item: StoreItem) => SweepDecision): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let deleted = 0;
    for (const name of names) {
      const file = path.join(this.directory, name);
      if (name.endsWith('.tmp')) {
        if (await this.removeOrphanedTemporary(file)) deleted += 1;
      } else if (name.endsWith('.json')) {
        await this.withLock(file, async () => {
          const item = await this.readFile(file);
          const decision = item ? decide(item) : 'keep';
          if (decision === 'delete') {
            await fs.rm(file, { force: true });
            deleted += 1;
          } else if (decision !== 'keep') {
            await this.replaceFile(file, decision.replace);
          }
        });
      }
    }
    return deleted;
  }

  private ensureDirectory(): Promise<void> {
    // Once per instance; forgotten after a failure so the next write tries again.
    const folders = [this.directory, ...this.listed.map((prefix) => this.folderOf(prefix))];
    this.directoryReady ??= folders.reduce<Promise<void>>((previous, folder) => previous
      .then(() => fs.mkdir(folder, { recursive: true, mode: DIRECTORY_MODE }))
      .then(() => fs.chmod(folder, DIRECTORY_MODE)), Promise.resolve())
      .catch((error: unknown) => {
        this.directoryReady = undefined;
        throw error;
      });
    return this.directoryReady;
  }

  /** Temp file (created 0600, never wider) then rename: a reader sees the old item or the new one. */
  private async replaceFile(file: string, item: StoreItem): Promise<void> {
    const stored = { ...item, eTag: randomUUID() };
    const temporary = `${file}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(stored), { encoding: 'utf8', mode: FILE_MODE, flag: 'wx' });
    await fs.rename(temporary, file);
  }

  private async removeOrphanedTemporary(file: string): Promise<boolean> {
    try {
      const { mtimeMs } = await fs.stat(file);
      if (Date.now() - mtimeMs < ORPHANED_TEMPORARY_MS) return false;
      await fs.rm(file, { force: true });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private readOne(key: string): Promise<StoreItem | undefined> {
    return this.readFile(this.fileFor(key));
  }

  private async readFile(file: string): Promise<StoreItem | undefined> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as StoreItem) : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Keys hold channel and conversation ids with any characters: a hash makes a safe file name. */
  private fileFor(key: string): string {
    const prefix = this.listed.find((candidate) => key.startsWith(candidate));
    if (prefix) {
      const name = key.slice(prefix.length);
      if (!LISTED_NAME.test(name)) throw new Error('FileStorage: a listed key must end in a short id');
      return path.join(this.folderOf(prefix), `${name}.json`);
    }
    return path.join(this.directory, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async withLock(file: string, work: () => Promise<void>): Promise<void> {
    const previous = this.locks.get(file) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    const settled = current.catch(() => undefined);
    this.locks.set(file, settled);
    try {
      await current;
    } finally {
      if (this.locks.get(file) === settled) this.locks.delete(file);
    }
  }
}
