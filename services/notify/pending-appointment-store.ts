// Durable records of appointments waiting for the record system's answer, in the bot's storage, so
// a restart or a second instance loses nothing. Records two instances may touch at once are written
// with the eTag that was read (never '*'): a conflict is read again and retried, never overwritten.
import { isETagConflict, type ListableStorage, type StoreItem } from '../storage';
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

// One record per key, so concurrent bookings never write the same item (issue 14: the one index
// they all rewrote is gone). What reconciliation must visit is found by listing a prefix.
const REQUESTS = 'appointment-requests/';
const WATCHED = 'watched/';
const EARLY_OUTCOMES = 'early-outcomes/';
/** Prefixes the records store must be able to list (file storage keeps each in a folder). */
export const LISTED_RECORD_PREFIXES = [REQUESTS, WATCHED, EARLY_OUTCOMES];
const recordKey = (appointmentId: number) => `${REQUESTS}${appointmentId}`;
/** Told (or given up): a small tombstone outside the listed prefix, so duplicates find it and listing stays short. */
const toldKey = (appointmentId: number) => `told-appointments/${appointmentId}`;
/** A reschedule's old appointment → the request that replaces it. */
const replacementKey = (appointmentId: number) => `replacements/${appointmentId}`;
const watchKey = (appointmentId: number) => `${WATCHED}${appointmentId}`;
const earlyOutcomeKey = (appointmentId: number) => `${EARLY_OUTCOMES}${appointmentId}`;
/** What an earlier version kept (one index document each), moved at start-up. */
const LEGACY = { index: 'pending-appointments/index', record: (id: number) => `pending-appointments/${id}`, watchIndex: 'watched-appointments/index', watch: (id: number) => `watched-appointments/${id}` };
const WATCH_AFTER_START_MS = 24 * 3_600_000;
/** Tombstones outlive NexHealth's 48-hour retries of a webhook, then the records sweep removes them. */
const TOLD_KEPT_MS = 3 * 24 * 3_600_000;
const MAX_ATTEMPTS = 40;
/**
 * Writers of one record that lose an eTag race (a webhook, a second instance, reconciliation)
 * wait a random time, growing with each loss ("full jitter"), instead of retrying at once together.
 */
const CONFLICT_BACKOFF_BASE_MS = 5;
const CONFLICT_BACKOFF_CAP_MS = 250;

function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(CONFLICT_BACKOFF_CAP_MS, CONFLICT_BACKOFF_BASE_MS * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

function idsUnder(prefix: string, keys: string[]): number[] {
  return keys.map((key) => Number(key.slice(prefix.length))).filter((id) => Number.isSafeInteger(id) && id > 0);
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
  constructor(private readonly storage: ListableStorage, private readonly now: () => number = Date.now) {}

  /** One record of its own (nothing shared with other requests), and the key a reschedule is found by. */
  async add(record: PendingAppointment): Promise<void> {
    const replaced = record.replaces ? { [replacementKey(record.replaces.appointmentId)]: { appointmentId: record.appointmentId } } : {};
    await this.storage.write({ [recordKey(record.appointmentId)]: { ...record }, ...replaced });
  }

  /** The request, or its tombstone once told. */
  async get(appointmentId: number): Promise<PendingAppointment | undefined> {
    const items = await this.storage.read([recordKey(appointmentId), toldKey(appointmentId)]);
    return asRecord(items[toldKey(appointmentId)]) ?? asRecord(items[recordKey(appointmentId)]);
  }

  /** Requests not told yet, by listing their prefix. */
  async pendingIds(): Promise<number[]> {
    return idsUnder(REQUESTS, await this.storage.list(REQUESTS));
  }

  /** The request that replaces this appointment (a reschedule), if one was recorded. */
  async replacementOf(appointmentId: number): Promise<PendingAppointment | undefined> {
    const link = (await this.storage.read([replacementKey(appointmentId)]))[replacementKey(appointmentId)];
    return typeof link?.appointmentId === 'number' ? this.get(link.appointmentId) : undefined;
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
    const record = (await this.get(appointmentId));
    if (!record || record.state === 'notified') return;
    const { replaces, watch: _watch, waitingForSync: _waiting, ...kept } = record;
    const tombstone = { ...kept, state: 'notified', conversation: {}, retry: {}, summary: '', expiresAt: this.now() + TOLD_KEPT_MS };
    await this.storage.write({ [toldKey(appointmentId)]: tombstone });
    await this.storage.delete([recordKey(appointmentId), ...(replaces ? [replacementKey(replaces.appointmentId)] : [])]);
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
  }

  /** Forgets watched appointments that have passed (and any whose record is gone). */
  async sweepWatched(now: Date): Promise<void> {
    for (const appointmentId of idsUnder(WATCHED, await this.storage.list(WATCHED))) {
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
      const items = await this.storage.read([key, toldKey(appointmentId)]);
      if (items[toldKey(appointmentId)]) return { kind: 'already' };
      const item = items[key];
      const record = asRecord(item);
      if (!record || !item) return { kind: 'unknown' };
      const next = update(record);
      if (!next) return { kind: 'already' };
      try {
        await this.storage.write({ [key]: { ...next, eTag: item.eTag } });
        return { kind: 'claimed', record: next };
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        await backOff(attempt);
      }
    }
    return { kind: 'already' };
  }

  /** Moves what an earlier version kept behind one index document (each record to a key of its own). */
  async init(): Promise<void> {
    const legacy = await this.storage.read([LEGACY.index, LEGACY.watchIndex]);
    for (const appointmentId of readIds(legacy[LEGACY.index])) await this.moveLegacy(LEGACY.record(appointmentId), recordKey(appointmentId));
    for (const appointmentId of readIds(legacy[LEGACY.watchIndex])) await this.moveLegacy(LEGACY.watch(appointmentId), watchKey(appointmentId));
    const indexes = [LEGACY.index, LEGACY.watchIndex].filter((key) => legacy[key]);
    if (indexes.length > 0) await this.storage.delete(indexes);
  }

  private async moveLegacy(from: string, to: string): Promise<void> {
    const item = (await this.storage.read([from]))[from];
    if (!item) return;
    const { eTag: _eTag, ...rest } = item;
    await this.storage.write({ [to]: rest });
    await this.storage.delete([from]);
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
