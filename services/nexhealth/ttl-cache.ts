// A small promise cache with a time-to-live, for reference data (locations, providers, types,
// operatories) that changes rarely but is read on every booking. Failures are not cached, and
// concurrent readers of a missing key share one load.
import type { Clock } from '../clock';

export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(private readonly ttlMs: number, private readonly clock: Clock) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    if (entry && now < entry.expiresAt) return entry.value;
    const value = load();
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
