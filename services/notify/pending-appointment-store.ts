// Durable records of appointments waiting for the record system's answer, in the bot's storage, so
// a restart or a second instance loses nothing. Records two instances may touch at once are written
// with the eTag that was read (never '*'): a conflict is read again and retried, never overwritten.
import { isETagConflict, type KeyValueStorage, type StoreItem } from '../storage';
import type { InsertionOutcome } from './insertion-event';

/** What is needed to tell the patient of the office's own changes later: no patient data. */
export interface AppointmentWatch {
  /** "Cleaning" */
  type: string;
  /** ISO start, and the location's zone to say a new time in. */
  start: string;
  timeZone: string;
}

/** A bot-booked appointment whose conversation is kept until it passes, to tell of office changes. */
export interface WatchedAppointment extends AppointmentWatch {
  appointmentId: number;
  conversation: Record<string, unknown>;
  /** Forgotten after this (a day after the start). */
  until: string;
}

export interface PendingAppointment {
  appointmentId: number;
  /** The conversation to tell (a Bot Framework ConversationReference, kept as plain data). */
  conversation: Record<string, unknown>;
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office": no patient data. */
  summary: string;
  /** What is needed to offer other times if the office refuses this one. */
  retry: Record<string, unknown>;
  /**
   * A reschedule: the old appointment, cancelled only once this one is confirmed. Its summary is
   * kept here so the message needs no lookup.
   */
  replaces?: { appointmentId: number; summary: string; when: string };
  /** Kept once confirmed, to tell of the office's own changes (WatchedAppointment). */
  watch?: AppointmentWatch;
  /** The practice's synchronizer is offline: checks wait without counting, and the patient was told once. */
  waitingForSync?: boolean;
  offlineTold?: boolean;
  createdAt: string;
  /** When reconciliation next asks NexHealth about it. */
  nextCheckAt: string;
  checks: number;
  state: 'pending' | 'notifying' | 'notified';
  outcome?: InsertionOutcome;
  claimedAt?: string;
}

export type ClaimResult =
  | { kind: 'claimed'; record: PendingAppointment }
  | { kind: 'unknown' }
  | { kind: 'already' };

const INDEX_KEY = 'pending-appointments/index';
const WATCH_INDEX_KEY = 'watched-appointments/index';
const watchKey = (appointmentId: number) => `watched-appointments/${appointmentId}`;
const WATCH_AFTER_START_MS = 24 * 3_600_000;
const recordKey = (appointmentId: number) => `pending-appointments/${appointmentId}`;
const earlyOutcomeKey = (appointmentId: number) => `insertion-outcomes/${appointmentId}`;
const MAX_ATTEMPTS = 40;
/**
 * Writers of the one index that lose an eTag race wait a random time, growing with each loss
 * ("full jitter"), instead of retrying at once all together: 200 bookings at the same moment
 * otherwise exhaust their attempts (issue 14). One index is still a hot record; this only spreads it.
 */
const CONFLICT_BACKOFF_BASE_MS = 5;
const CONFLICT_BACKOFF_CAP_MS = 250;

function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(CONFLICT_BACKOFF_CAP_MS, CONFLICT_BACKOFF_BASE_MS * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
/** A claim not finished in this time (the instance died mid-send) may be taken over. */
const CLAIM_LEASE_MS = 2 * 60_000;
/** Early outcomes are kept this long; the subscription also reports other channels' bookings. */
const EARLY_OUTCOME_TTL_MS = 10 * 60_000;

/** A claim whose holder did not finish within the lease (it died mid-send) may be taken over. */
export function isStaleClaim(record: PendingAppointment, now: Date): boolean {
  return !record.claimedAt || now.getTime() - Date.parse(record.claimedAt) >= CLAIM_LEASE_MS;
}

export { isETagConflict };

export class PendingAppointmentStore {
  constructor(private readonly storage: KeyValueStorage) {}

  async add(record: PendingAppointment): Promise<void> {
    await this.storage.write({ [recordKey(record.appointmentId)]: { ...record } });
    await this.updateIndex((ids) => (ids.includes(record.appointmentId) ? ids : [...ids, record.appointmentId]));
  }

  async get(appointmentId: number): Promise<PendingAppointment | undefined> {
    const items = await this.storage.read([recordKey(appointmentId)]);
    return asRecord(items[recordKey(appointmentId)]);
  }

  async pendingIds(): Promise<number[]> {
    const items = await this.storage.read([INDEX_KEY]);
    return readIds(items[INDEX_KEY]);
  }

  /** Takes the right to tell the patient; exactly one caller wins, whichever instance it runs on. */
  async claim(appointmentId: number, outcome: InsertionOutcome, now: Date): Promise<ClaimResult> {
    return this.change(appointmentId, (record) => {
      if (record.state === 'notified') return undefined;
      if (record.state === 'notifying' && !isStaleClaim(record, now)) return undefined;
      return { ...record, state: 'notifying', outcome, claimedAt: now.toISOString() };
    });
  }

  /** Told (or given up): only a tombstone stays (for duplicates); conversation, draft and summaries are dropped. */
  async markNotified(appointmentId: number): Promise<void> {
    await this.change(appointmentId, (record) => ({ ...record, state: 'notified', conversation: {}, retry: {}, summary: '', replaces: undefined, watch: undefined }));
    await this.updateIndex((ids) => ids.filter((id) => id !== appointmentId));
  }

  /** Offline synchronizer: the next check is later and not counted. True if the patient is yet to be told. */
  async waitForSync(appointmentId: number, nextCheckAt: Date): Promise<boolean> {
    let toldBefore = true;
    const result = await this.change(appointmentId, (record) => {
      if (record.state !== 'pending') return undefined;
      toldBefore = record.offlineTold === true;
      return { ...record, waitingForSync: true, offlineTold: true, nextCheckAt: nextCheckAt.toISOString() };
    });
    return result.kind === 'claimed' && !toldBefore;
  }

  /** The synchronizer is back: a full schedule of checks again, the first at `nextCheckAt`. */
  async resume(appointmentId: number, nextCheckAt: Date): Promise<void> {
    await this.change(appointmentId, (record) => (record.state === 'pending' && record.waitingForSync
      ? { ...record, waitingForSync: false, checks: 0, nextCheckAt: nextCheckAt.toISOString() } : undefined));
  }

  /** Telling failed: let a later check tell again. */
  async untellOffline(appointmentId: number): Promise<void> {
    await this.change(appointmentId, (record) => ({ ...record, offlineTold: false }));
  }

  /** Keeps the conversation of a bot-booked appointment until a day after it starts. */
  async watch(appointment: Omit<WatchedAppointment, 'until'>): Promise<void> {
    const until = new Date(Date.parse(appointment.start) + WATCH_AFTER_START_MS).toISOString();
    await this.storage.write({ [watchKey(appointment.appointmentId)]: { ...appointment, until } });
    await this.updateIndex((ids) => (ids.includes(appointment.appointmentId) ? ids : [...ids, appointment.appointmentId]), WATCH_INDEX_KEY);
  }

  async watched(appointmentId: number, now: Date): Promise<WatchedAppointment | undefined> {
    const item = (await this.storage.read([watchKey(appointmentId)]))[watchKey(appointmentId)];
    const watched = asWatched(item);
    return watched && Date.parse(watched.until) > now.getTime() ? watched : undefined;
  }

  /**
   * Takes the right to tell of a change: writes `next` (the new start) or, with undefined, marks it
   * told-cancelled; only one caller wins. False when someone else changed it first.
   */
  async claimChange(current: WatchedAppointment, next: WatchedAppointment | undefined): Promise<boolean> {
    const key = watchKey(current.appointmentId);
    const item = (await this.storage.read([key]))[key];
    const stored = asWatched(item);
    if (!item || !stored || stored.start !== current.start || stored.cancelled) return false;
    try {
      await this.storage.write({ [key]: { ...(next ?? { ...stored, cancelled: true }), eTag: item.eTag } });
      return true;
    } catch (error) {
      if (isETagConflict(error)) return false;
      throw error;
    }
  }

  /** No longer watched: the bot itself cancels it, or it was told cancelled, or it has passed. */
  async unwatch(appointmentId: number): Promise<void> {
    await this.storage.delete([watchKey(appointmentId)]);
    await this.updateIndex((ids) => ids.filter((id) => id !== appointmentId), WATCH_INDEX_KEY);
  }

  /** Forgets watched appointments that have passed (and any whose record is gone). */
  async sweepWatched(now: Date): Promise<void> {
    const ids = readIds((await this.storage.read([WATCH_INDEX_KEY]))[WATCH_INDEX_KEY]);
    for (const appointmentId of ids) {
      if (!(await this.watched(appointmentId, now))) await this.unwatch(appointmentId);
    }
  }

  /** Gives a claim back (the message could not be sent), so a later event or check can deliver it. */
  async release(appointmentId: number): Promise<void> {
    await this.change(appointmentId, (record) => ({ ...record, state: 'pending', outcome: undefined, claimedAt: undefined }));
  }

  async reschedule(appointmentId: number, nextCheckAt: Date): Promise<void> {
    await this.change(appointmentId, (record) => (record.state === 'pending' ? { ...record, nextCheckAt: nextCheckAt.toISOString(), checks: record.checks + 1 } : undefined));
  }

  async forget(appointmentId: number): Promise<void> {
    await this.storage.delete([recordKey(appointmentId)]);
    await this.updateIndex((ids) => ids.filter((id) => id !== appointmentId));
  }

  /** An outcome that arrived before its record was written (the webhook beat the create's answer). */
  async saveEarlyOutcome(appointmentId: number, outcome: InsertionOutcome, now: Date): Promise<void> {
    await this.storage.write({ [earlyOutcomeKey(appointmentId)]: { outcome, receivedAt: now.toISOString() } });
  }

  /** An early outcome not older than a few minutes (older ones are other channels' bookings). */
  async takeEarlyOutcome(appointmentId: number, now: Date): Promise<InsertionOutcome | undefined> {
    const key = earlyOutcomeKey(appointmentId);
    const item = (await this.storage.read([key]))[key];
    if (!item) return undefined;
    await this.storage.delete([key]);
    const receivedAt = typeof item.receivedAt === 'string' ? Date.parse(item.receivedAt) : Number.NaN;
    if (!(now.getTime() - receivedAt <= EARLY_OUTCOME_TTL_MS)) return undefined;
    return item.outcome === 'complete' || item.outcome === 'failed' ? item.outcome : undefined;
  }

  /** Read–modify–write with the eTag read; `update` returning undefined means "leave it". */
  private async change(appointmentId: number, update: (record: PendingAppointment) => PendingAppointment | undefined): Promise<ClaimResult> {
    const key = recordKey(appointmentId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const item = (await this.storage.read([key]))[key];
      const record = asRecord(item);
      if (!record || !item) return { kind: 'unknown' };
      const next = update(record);
      if (!next) return { kind: 'already' };
      try {
        await this.storage.write({ [key]: { ...next, eTag: item.eTag } });
        return { kind: 'claimed', record: next };
      } catch (error) {
        if (!isETagConflict(error)) throw error;
      }
    }
    return { kind: 'already' };
  }

  /**
   * Creates the empty index if there is none. Storage has no "create if absent", so this is the
   * one write with '*': it only ever writes an empty list, and every later change carries an eTag.
   */
  async init(): Promise<void> {
    await this.createIndex(INDEX_KEY);
    await this.createIndex(WATCH_INDEX_KEY);
  }

  private async createIndex(indexKey: string): Promise<void> {
    const item = (await this.storage.read([indexKey]))[indexKey];
    if (!item) await this.storage.write({ [indexKey]: { ids: [], eTag: '*' } });
  }

  /** `update` must be idempotent: the loop ends when applying it again changes nothing. */
  private async updateIndex(update: (ids: number[]) => number[], indexKey = INDEX_KEY): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const item = (await this.storage.read([indexKey]))[indexKey];
      if (!item) {
        await this.createIndex(indexKey);
        continue;
      }
      const ids = readIds(item);
      const next = update(ids);
      if (next.length === ids.length && next.every((id, index) => id === ids[index])) return;
      try {
        // No return: the next pass reads it back (a concurrent first creation may have replaced it).
        await this.storage.write({ [indexKey]: { ids: next, eTag: item.eTag } });
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        await backOff(attempt);
      }
    }
    throw new Error('pending appointments index: too many concurrent updates');
  }
}

function readIds(item: StoreItem | undefined): number[] {
  return Array.isArray(item?.ids) ? item.ids.filter((id): id is number => typeof id === 'number') : [];
}

function asWatched(item: StoreItem | undefined): (WatchedAppointment & { cancelled?: boolean }) | undefined {
  if (!item || typeof item.appointmentId !== 'number' || typeof item.start !== 'string' || typeof item.until !== 'string') return undefined;
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as WatchedAppointment & { cancelled?: boolean };
}

function asRecord(item: StoreItem | undefined): PendingAppointment | undefined {
  if (!item || typeof item.appointmentId !== 'number') return undefined;
  const { eTag: _eTag, ...rest } = item;
  return rest as unknown as PendingAppointment;
}
