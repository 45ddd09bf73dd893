// Where an insertion result becomes one message to the patient, whichever way it arrives: the
// webhook, an early webhook (before the request was recorded), or reconciliation when no webhook
// came. The store's claim makes it exactly once, across restarts and instances. Requests are
// recorded by PendingRequests; the message is delivered by the bot's own turn (ProactiveMessenger).
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { isCancelled, isInserted, isNexHealthError, type Appointment, type SyncStatus } from '../nexhealth';
import type { InsertionOutcome, WebhookEvent } from './insertion-event';
import { OfficeChanges } from './office-changes';
import { isStaleClaim, type PendingAppointment, type PendingAppointmentStore } from './pending-appointment-store';
import type { ProactiveMessage, ProactiveMessenger } from './proactive-message';

/** What reconciliation needs from NexHealth. */
export interface AppointmentLookup {
  getAppointment(appointmentId: number): Promise<Appointment>;
  cancelAppointment(appointmentId: number): Promise<Appointment>;
  getSyncStatus(locationIds: number[]): Promise<SyncStatus[]>;
}

export interface InsertionOutcomesOptions {
  /** First check after the request, when no webhook came. */
  reconcileAfterMs: number;
  /** Checks before a request still not in the record system is cancelled and reported as refused. */
  maxChecks?: number;
  /** How often the loop looks for due checks. */
  pollIntervalMs?: number;
  /** Cancels the appointment a confirmed reschedule replaces (BookingService, so its caches follow); default: the client. */
  cancelReplaced?: (appointmentId: number) => Promise<void>;
  /** Told once per office answer the patient heard (metrics): how long the office took. */
  onAnswered?: (outcome: InsertionOutcome, waitedMs: number) => void;
}

/** A result that could not be told for this long (the conversation is gone) is given up, keeping nothing of it. */
export const UNDELIVERABLE_AFTER_MS = 7 * 24 * 3_600_000;
/** While the synchronizer is offline, checks come this many first intervals apart. */
const OFFLINE_RECHECK_FACTOR = 4;
/** An outcome for a request not recorded yet (its create answer is still on its way) is tried again after these. */
const EARLY_RETRY_AFTER_MS = [250, 1_000, 3_000];

/** Whether writes to the record system behind this location are stopped (its synchronizer is offline). */
function writesOffline(statuses: SyncStatus[], locationId: number): boolean {
  return statuses.some((status) => status.write_status === 'red' && (!status.locations || status.locations.some((location) => location.id === locationId)));
}

export class InsertionOutcomes {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly maxChecks: number;
  private readonly officeChanges: OfficeChanges;

  constructor(
    private readonly store: PendingAppointmentStore,
    private readonly nexhealth: AppointmentLookup,
    private readonly messenger: ProactiveMessenger,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InsertionOutcomesOptions,
  ) {
    this.maxChecks = options.maxChecks ?? 6;
    this.officeChanges = new OfficeChanges(store, nexhealth, messenger, clock, logger);
  }

  async handleWebhook(event: WebhookEvent): Promise<void> {
    if (event.kind === 'appointment_updated') {
      for (const appointmentId of event.appointmentIds) await this.officeChanges.updated(appointmentId);
      return;
    }
    if (event.kind === 'sync_write_status') {
      if (event.online) await this.resumeAfterSync();
      return;
    }
    if (event.kind !== 'insertion') return;
    const delivered = await this.deliver(event.appointmentId, event.outcome, 'webhook');
    if (delivered !== 'unknown') return;
    // Not ours yet (or not ours at all): kept a few minutes in case the request is being recorded
    // right now; tried again shortly, and by every reconciliation pass meanwhile.
    await this.store.saveEarlyOutcome(event.appointmentId, event.outcome, this.clock.now());
    this.retryEarly(event.appointmentId, 0);
  }

  private retryEarly(appointmentId: number, attempt: number): void {
    const delay = EARLY_RETRY_AFTER_MS[attempt];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.deliverEarly(appointmentId, 'early webhook')
        .then((result) => { if (result === 'unknown') this.retryEarly(appointmentId, attempt + 1); })
        .catch((error: unknown) => this.logger.warn({ appointmentId, err: errorName(error) }, 'early insertion result not sent yet; reconciliation will retry'));
    }, delay);
    timer.unref();
  }

  /** An outcome kept for a request that is recorded now is told ('unknown' while the request is not recorded yet). */
  private async deliverEarly(appointmentId: number, source: string): Promise<'unknown' | 'none' | 'told'> {
    if (!(await this.store.get(appointmentId))) return 'unknown';
    const early = await this.store.takeEarlyOutcome(appointmentId, this.clock.now());
    if (!early) return 'none';
    await this.deliver(appointmentId, early, source);
    return 'told';
  }

  /** Writes flow again: every request waiting for the synchronizer is checked now. */
  private async resumeAfterSync(): Promise<void> {
    for (const appointmentId of await this.store.pendingIds()) {
      if ((await this.store.get(appointmentId))?.waitingForSync) await this.store.resume(appointmentId, this.clock.now());
    }
    await this.reconcileDue();
  }

  /** One pass of reconciliation over every pending request that is due. */
  async reconcileDue(): Promise<void> {
    const now = this.clock.now();
    await this.store.sweepWatched(now).catch((error: unknown) => this.logger.warn({ err: errorName(error) }, 'watched appointments: sweep failed'));
    for (const appointmentId of await this.store.pendingIds()) {
      try {
        const record = await this.store.get(appointmentId);
        if (!record) {
          await this.store.forget(appointmentId);
          continue;
        }
        // Being told right now by someone else (a claim within its lease), or already told.
        if (record.state === 'notified' || (record.state === 'notifying' && !isStaleClaim(record, now))) continue;
        // A webhook came before the request was recorded: told now, whenever the check is due.
        if ((await this.deliverEarly(appointmentId, 'early webhook, reconciliation')) === 'told') continue;
        if (Date.parse(record.nextCheckAt) > now.getTime()) continue;
        await this.check(record, now);
      } catch (error) {
        this.logger.warn({ appointmentId, err: errorName(error) }, 'reconciliation: check failed, will retry');
      }
    }
  }

  /** Prepares storage (before the bot takes messages) and starts the reconciliation loop. */
  async start(): Promise<void> {
    await this.store.init();
    const interval = this.options.pollIntervalMs ?? Math.max(1_000, Math.min(30_000, this.options.reconcileAfterMs / 4));
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.reconcileDue().finally(() => { this.running = undefined; });
    }, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async check(record: PendingAppointment, now: Date): Promise<void> {
    const appointment = await this.nexhealth.getAppointment(record.appointmentId);
    if (isInserted(appointment)) {
      await this.deliver(record.appointmentId, 'complete', 'reconciliation');
    } else if (isCancelled(appointment) || appointment.deleted) {
      await this.deliver(record.appointmentId, 'failed', 'reconciliation');
    } else if (writesOffline(await this.nexhealth.getSyncStatus([appointment.location_id]), appointment.location_id)) {
      // Not refused: the office's system is not taking writes. Said once; checks wait, uncounted.
      await this.waitForSync(record, now);
    } else if (record.waitingForSync) {
      // Back online (no webhook said so): a full schedule of checks again.
      await this.store.resume(record.appointmentId, new Date(now.getTime() + this.options.reconcileAfterMs));
    } else if (record.checks + 1 >= this.maxChecks) {
      // Still not in the record system. Claim first (a late webhook then finds it taken), cancel
      // next, so it can never complete after the patient is told to pick another time, then tell.
      await this.deliver(record.appointmentId, 'failed', 'reconciliation gave up', () => this.nexhealth.cancelAppointment(record.appointmentId).then(() => undefined));
    } else {
      const backoff = this.options.reconcileAfterMs * 2 ** (record.checks + 1);
      await this.store.reschedule(record.appointmentId, new Date(now.getTime() + backoff));
    }
  }

  private async waitForSync(record: PendingAppointment, now: Date): Promise<void> {
    const next = new Date(now.getTime() + this.options.reconcileAfterMs * OFFLINE_RECHECK_FACTOR);
    if (!(await this.store.waitForSync(record.appointmentId, next))) return;
    try {
      await this.messenger.send(record.conversation, { kind: 'sync_offline' });
    } catch (error) {
      await this.store.untellOffline(record.appointmentId);
      throw error;
    }
  }

  /** Claims the right to tell, does `beforeNotify` (if any), tells, and marks it told; else gives it back. */
  private async deliver(appointmentId: number, outcome: InsertionOutcome, source: string, beforeNotify?: () => Promise<void>): Promise<'sent' | 'unknown' | 'already'> {
    const claim = await this.store.claim(appointmentId, outcome, this.clock.now());
    if (claim.kind !== 'claimed') {
      this.logger.info({ appointmentId, outcome, source, result: claim.kind }, 'insertion result not sent (unknown or already told)');
      return claim.kind;
    }
    try {
      await beforeNotify?.();
      const replaced = claim.record.replaces;
      if (outcome === 'complete' && replaced) {
        // Cancelled before telling (and unwatched first: not the office's change); a failure releases the claim.
        await this.store.unwatch(replaced.appointmentId);
        await this.cancelReplaced(replaced.appointmentId);
      }
      await this.messenger.send(claim.record.conversation, outcomeMessage(claim.record, outcome));
    } catch (error) {
      if (this.clock.now().getTime() - Date.parse(claim.record.createdAt) >= UNDELIVERABLE_AFTER_MS) {
        await this.store.markNotified(appointmentId);
        this.logger.warn({ appointmentId, outcome, source }, 'insertion result undeliverable for a week: given up');
      } else {
        await this.store.release(appointmentId);
      }
      throw error;
    }
    const { watch, conversation } = claim.record;
    if (outcome === 'complete' && watch) await this.store.watch({ appointmentId, conversation, ...watch });
    await this.store.markNotified(appointmentId);
    this.options.onAnswered?.(outcome, Math.max(0, this.clock.now().getTime() - Date.parse(claim.record.createdAt)));
    this.logger.info({ appointmentId, outcome, source }, 'insertion result sent to the patient');
    return 'sent';
  }

  private async cancelReplaced(appointmentId: number): Promise<void> {
    try {
      await (this.options.cancelReplaced ?? ((id: number) => this.nexhealth.cancelAppointment(id).then(() => undefined)))(appointmentId);
    } catch (error) {
      // Already cancelled or gone at the office: nothing left to undo. Anything transient is retried.
      if (!isNexHealthError(error) || error.transient) throw error;
      this.logger.warn({ appointmentId, err: error.kind }, 'replaced appointment could not be cancelled');
    }
  }
}

/** What the patient hears of an office's answer. */
function outcomeMessage(record: PendingAppointment, outcome: InsertionOutcome): ProactiveMessage {
  const oldWhen = record.replaces?.when;
  if (outcome === 'failed') return { kind: 'refused', retry: record.retry, ...(oldWhen ? { oldWhen } : {}) };
  return oldWhen ? { kind: 'rescheduled', summary: record.summary, oldWhen } : { kind: 'booked', summary: record.summary };
}

/** The error's name only: messages from storage or channels may quote keys or text. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
