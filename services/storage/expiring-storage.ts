// Storage whose items expire: each write is stamped with its time, and an item not written for
// its lifetime is read as absent, whatever the store underneath (file, memory, Azure Blob), so
// correctness never waits for a sweep. Some properties (a flow's patient data) can have a shorter
// life than the item: once past it they are removed from the store itself on the next read or sweep.
import type { Clock } from '../clock';
import { isETagConflict, type KeyValueStorage, type StoreItem, type StoreItems, type SweepDecision } from './file-storage';

export interface Lifetime {
  /** An item not written for this long is gone. */
  idleMs: number;
  /** Properties removed earlier: after `afterMs` without a write (the rest of the item stays). */
  shortLived?: { afterMs: number; properties: string[] };
}

/** A store that can visit all its items (FileStorage); Blob relies on a lifecycle rule instead. */
export interface SweepableStorage extends KeyValueStorage {
  sweep(decide: (item: StoreItem) => SweepDecision): Promise<number>;
}

export interface Sweeper {
  stop(): Promise<void>;
}

const WRITTEN_AT = '_writtenAt';

function isSweepable(storage: KeyValueStorage): storage is SweepableStorage {
  return typeof (storage as Partial<SweepableStorage>).sweep === 'function';
}

function withoutStamp(item: StoreItem): StoreItem {
  const { [WRITTEN_AT]: _writtenAt, ...rest } = item;
  return rest;
}

export class ExpiringStorage implements KeyValueStorage {
  constructor(private readonly inner: KeyValueStorage, private readonly clock: Clock, private readonly lifetime: Lifetime) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const visible: StoreItems = {};
    for (const [key, item] of Object.entries(items)) {
      const current = await this.current(key, item);
      if (current) visible[key] = current;
    }
    return visible;
  }

  async write(changes: StoreItems): Promise<void> {
    const writtenAt = this.clock.now().toISOString();
    const stamped: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) stamped[key] = { ...item, [WRITTEN_AT]: writtenAt };
    await this.inner.write(stamped);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  /**
   * One pass over a store that can list its items: deletes expired ones and removes short-lived
   * properties past their time. Items it did not stamp are left alone. Returns how many were deleted.
   */
  async sweep(): Promise<number> {
    if (!isSweepable(this.inner)) return 0;
    return this.inner.sweep((item) => (item[WRITTEN_AT] === undefined ? 'keep' : this.decide(item)));
  }

  /** Sweeps every `everyMs` (the timer never keeps the process alive); `stop` waits for a pass under way. */
  startSweeping(everyMs: number, onError: (error: unknown) => void): Sweeper {
    let running: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      running ??= this.sweep().catch(onError).finally(() => { running = undefined; });
    }, everyMs);
    timer.unref();
    return {
      async stop() {
        clearInterval(timer);
        await running;
      },
    };
  }

  /** The item as callers may see it now; patient data past its time is removed from the store first. */
  private async current(key: string, item: StoreItem): Promise<StoreItem | undefined> {
    const decision = this.decide(item);
    if (decision === 'delete') return undefined;
    if (decision === 'keep') return withoutStamp(item);
    // Written back with the eTag read: a newer write by another turn or instance wins.
    try {
      await this.inner.write({ [key]: { ...decision.replace, eTag: item.eTag } });
    } catch (error) {
      if (!isETagConflict(error)) throw error;
    }
    const stored = (await this.inner.read([key]))[key];
    return stored && this.decide(stored) === 'keep' ? withoutStamp(stored) : undefined;
  }

  private decide(item: StoreItem): SweepDecision {
    const writtenAt = typeof item[WRITTEN_AT] === 'string' ? Date.parse(item[WRITTEN_AT]) : Number.NaN;
    // Unstamped: written before expiry existed, so of unknown age; read as absent.
    if (Number.isNaN(writtenAt)) return 'delete';
    const idleMs = this.clock.now().getTime() - writtenAt;
    if (idleMs >= this.lifetime.idleMs) return 'delete';
    const shortLived = this.lifetime.shortLived;
    if (shortLived && idleMs >= shortLived.afterMs && shortLived.properties.some((property) => property in item)) {
      const replace = { ...item };
      for (const property of shortLived.properties) delete replace[property];
      return { replace };
    }
    return 'keep';
  }
}
