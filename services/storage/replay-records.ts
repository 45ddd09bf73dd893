// "Seen this before?" for deliveries a sender may replay: a signed NexHealth webhook, a Twilio
// message. Kept for the sender's whole retry horizon, in this process (so two copies at once are
// one) and in the shared storage (so a restart or another instance knows too). Only a digest is
// stored: no body, no patient data.
import { createHash } from 'node:crypto';
import type { KeyValueStorage } from './file-storage';

const MAX_REMEMBERED = 50_000;

export class ReplayRecords {
  /** Digest → when it may be forgotten (ms). Insertion order is age order. */
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly kind: string,
    private readonly horizonMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time `identity` is seen within the horizon; false for every replay of it. */
  async firstSighting(identity: string): Promise<boolean> {
    const digest = createHash('sha256').update(`${this.kind}\n${identity}`).digest('hex');
    const now = this.now();
    this.forgetExpired(now);
    if (this.recent.has(digest)) return false;
    // Marked before any await: a copy arriving meanwhile is a replay.
    this.recent.set(digest, now + this.horizonMs);
    const key = `replays/${this.kind}/${digest}`;
    try {
      const stored = (await this.storage.read([key]))[key];
      if (typeof stored?.expiresAt === 'number' && stored.expiresAt > now) return false;
      await this.storage.write({ [key]: { expiresAt: now + this.horizonMs } });
      return true;
    } catch (error) {
      // Not recorded: the sender's retry must not be taken for a replay.
      this.recent.delete(digest);
      throw error;
    }
  }

  private forgetExpired(now: number): void {
    for (const [digest, expiresAt] of this.recent) {
      if (expiresAt > now && this.recent.size <= MAX_REMEMBERED) break;
      this.recent.delete(digest);
    }
  }
}
