// One turn at a time per conversation in this process: a double-tapped "Yes" or a proactive
// result arriving mid-turn waits for the turn before it, instead of reading and saving the same
// state twice. (Across instances, booking is idempotent and records are claimed with eTags.)
import type { ConversationReference } from 'botbuilder';

export class ConversationLocks {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly counts = new Map<string, number>();

  static keyOf(reference: Partial<Pick<ConversationReference, 'channelId' | 'conversation'>>): string {
    return `${reference.channelId ?? ''}|${reference.conversation?.id ?? ''}`;
  }

  /** Turns of this conversation running or waiting (a flood is refused before it queues). */
  queued(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    this.counts.set(key, this.queued(key) + 1);
    const result = previous.then(work);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      const left = this.queued(key) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
