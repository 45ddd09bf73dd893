// The local Direct Line's memory: each conversation's activities in order, numbered by a watermark,
// and who is listening on a stream. Bounded: idle conversations are dropped, old activities trimmed,
// and the least recently used conversation goes when the cap is reached.
import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Clock } from '../../../services/clock';

/** What a stream or a poll receives: Direct Line's activity set. */
export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

export type StreamListener = {
  deliver(set: ActivitySet): void;
  /** The conversation was dropped (idle or evicted). */
  end(): void;
};

/** An activity as kept: it always has its channel id. */
export type StoredActivity = Activity & { id: string };

export interface DirectLineConversation {
  readonly id: string;
  readonly userId: string;
  /** The bot has been told the user joined (conversationUpdate sent). */
  started: boolean;
  /** Turns reach the bot one at a time, in the order the user sent them. */
  turns: Promise<void>;
}

interface Entry {
  conversation: DirectLineConversation;
  activities: { seq: number; activity: StoredActivity; bytes: number }[];
  /** What the kept activities weigh, serialised. */
  bytes: number;
  lastSeq: number;
  lastActiveMs: number;
  listeners: Set<StreamListener>;
}

export interface ConversationStoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  /** What one conversation may keep, serialised: the oldest activities go first beyond it. */
  maxBytesPerConversation: number;
  maxIdleMs: number;
}

export const defaultLimits: ConversationStoreLimits = {
  maxConversations: 1_000,
  maxActivitiesPerConversation: 500,
  maxBytesPerConversation: 1024 * 1024,
  maxIdleMs: 6 * 60 * 60 * 1000,
};

export class ConversationStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock, private readonly limits: ConversationStoreLimits = defaultLimits) {}

  get size(): number {
    return this.entries.size;
  }

  create(userId: string): DirectLineConversation {
    this.sweep();
    while (this.entries.size >= this.limits.maxConversations) this.evictLeastRecent();
    const conversation: DirectLineConversation = { id: randomBytes(16).toString('hex'), userId, started: false, turns: Promise.resolve() };
    this.entries.set(conversation.id, { conversation, activities: [], bytes: 0, lastSeq: 0, lastActiveMs: this.nowMs(), listeners: new Set() });
    return conversation;
  }

  get(conversationId: string): DirectLineConversation | undefined {
    const entry = this.live(conversationId);
    if (entry) entry.lastActiveMs = this.nowMs();
    return entry?.conversation;
  }

  /** Stores an activity under a new watermark and pushes it to the conversation's streams. */
  append(conversationId: string, activity: Activity): StoredActivity | undefined {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const seq = ++entry.lastSeq;
    const stored: StoredActivity = { ...activity, id: activity.id ?? activityId(conversationId, seq) };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    entry.activities.push({ seq, activity: stored, bytes });
    entry.bytes += bytes;
    while (entry.activities.length > 1 && (entry.activities.length > this.limits.maxActivitiesPerConversation || entry.bytes > this.limits.maxBytesPerConversation)) {
      entry.bytes -= entry.activities.shift()?.bytes ?? 0;
    }
    entry.lastActiveMs = this.nowMs();
    const set: ActivitySet = { activities: [stored], watermark: String(seq) };
    for (const listener of entry.listeners) listener.deliver(set);
    return stored;
  }

  /** A bot's update of an activity it sent: delivered again, under a new watermark. */
  replace(conversationId: string, id: string, activity: Activity): StoredActivity | undefined {
    const entry = this.live(conversationId);
    if (!entry || !this.remove(conversationId, id)) return undefined;
    return this.append(conversationId, { ...activity, id });
  }

  remove(conversationId: string, id: string): boolean {
    const entry = this.live(conversationId);
    const index = entry?.activities.findIndex((stored) => stored.activity.id === id) ?? -1;
    if (!entry || index < 0) return false;
    entry.bytes -= entry.activities.splice(index, 1)[0]?.bytes ?? 0;
    return true;
  }

  has(conversationId: string, id: string): boolean {
    return this.entries.get(conversationId)?.activities.some((stored) => stored.activity.id === id) ?? false;
  }

  /** Activities after a watermark (all of them with none), and the watermark to ask from next. */
  since(conversationId: string, watermark: string | undefined): ActivitySet | undefined {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const after = parseWatermark(watermark);
    return {
      activities: entry.activities.filter((stored) => stored.seq > after).map((stored) => stored.activity),
      watermark: String(entry.lastSeq),
    };
  }

  /** Adds a stream; returns how to remove it, or undefined when the conversation is gone. */
  listen(conversationId: string, listener: StreamListener): (() => void) | undefined {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  listenerCount(conversationId: string): number {
    return this.entries.get(conversationId)?.listeners.size ?? 0;
  }

  /** Drops conversations idle for longer than the limit. */
  sweep(): void {
    const now = this.nowMs();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastActiveMs > this.limits.maxIdleMs) this.drop(id);
    }
  }

  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  private live(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry && this.nowMs() - entry.lastActiveMs > this.limits.maxIdleMs) {
      this.drop(conversationId);
      return undefined;
    }
    return entry;
  }

  private evictLeastRecent(): void {
    let oldest: [string, number] | undefined;
    for (const [id, entry] of this.entries) {
      if (!oldest || entry.lastActiveMs < oldest[1]) oldest = [id, entry.lastActiveMs];
    }
    if (oldest) this.drop(oldest[0]);
  }

  private drop(conversationId: string): void {
    const entry = this.entries.get(conversationId);
    this.entries.delete(conversationId);
    for (const listener of entry?.listeners ?? []) listener.end();
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

/** Direct Line's id shape: the conversation and a zero-padded sequence number. */
function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

function parseWatermark(watermark: string | undefined): number {
  const value = Number.parseInt(watermark ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
}
