// Where an insertion result becomes one message to the patient, whichever way it arrives: the
// webhook, an early webhook (before the request was recorded), or reconciliation when no webhook
// came. The store's claim makes it exactly once, across restarts and instances.
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Appointment } from '../nexhealth';
import type { InsertionOutcome, WebhookEvent } from './insertion-event';
import { isStaleClaim, type PendingAppointment, type PendingAppointmentStore } from './pending-appointment-store';

/** Tells the patient (the bot layer sends the proactive message). */
export interface InsertionNotifier {
  notify(record: PendingAppointment, outcome: InsertionOutcome): Promise<void>;
}

/** What reconciliation needs from NexHealth. */
export interface AppointmentLookup {
  getAppointment(appointmentId: number): Promise<Appointment>;
  cancelAppointment(appointmentId: number): Promise<Appointment>;
}

export interface InsertionOutcomesOptions {
  /** First check after the request, when no webhook came. */
  reconcileAfterMs: number;
  /** Checks before a request still not in the record system is cancelled and reported as refused. */
  maxChecks?: number;
  /** How often the loop looks for due checks. */
  pollIntervalMs?: number;
}

/** A result that could not be told for this long (the conversation is gone) is given up, keeping nothing of it. */
export const UNDELIVERABLE_AFTER_MS = 7 * 24 * 3_600_000;

export type NewPendingAppointment = Pick<PendingAppointment, 'appointmentId' | 'conversation' | 'summary' | 'retry' | 'replaces'>;

export class InsertionOutcomes {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly maxChecks: number;

  constructor(
    private readonly store: PendingAppointmentStore,
    private readonly nexhealth: AppointmentLookup,
    private readonly notifier: InsertionNotifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InsertionOutcomesOptions,
  ) {
    this.maxChecks = options.maxChecks ?? 6;
  }

  /** Records a request just accepted by NexHealth; an outcome that already arrived is delivered now. */
  async requested(pending: NewPendingAppointment): Promise<void> {
    const now = this.clock.now();
    await this.store.add({
      ...pending,
      createdAt: now.toISOString(),
      nextCheckAt: new Date(now.getTime() + this.options.reconcileAfterMs).toISOString(),
      checks: 0,
      state: 'pending',
    });
    const early = await this.store.takeEarlyOutcome(pending.appointmentId, now);
    // Told after the patient's own turn ("Request sent") ends, never inside it.
    if (early) this.inBackground(() => this.deliver(pending.appointmentId, early, 'early webhook'));
  }

  async handleWebhook(event: WebhookEvent): Promise<void> {
    if (event.kind !== 'insertion') return;
    const delivered = await this.deliver(event.appointmentId, event.outcome, 'webhook');
    if (delivered !== 'unknown') return;
    // Not ours yet (or not ours at all): kept a few minutes in case the request is being recorded
    // right now; and tried once more, in case it was recorded while we were saving.
    await this.store.saveEarlyOutcome(event.appointmentId, event.outcome, this.clock.now());
    if (await this.store.get(event.appointmentId)) {
      await this.store.takeEarlyOutcome(event.appointmentId, this.clock.now());
      await this.deliver(event.appointmentId, event.outcome, 'webhook');
    }
  }

  /** Whether a request that replaces this appointment (a reschedule) is still waiting for the office. */
  async isReplacementPending(appointmentId: number): Promise<boolean> {
    for (const pendingId of await this.store.pendingIds()) {
      const record = await this.store.get(pendingId);
      if (record && record.state !== 'notified' && record.replaces?.appointmentId === appointmentId) return true;
    }
    return false;
  }

  /** One pass of reconciliation over every pending request that is due. */
  async reconcileDue(): Promise<void> {
    const now = this.clock.now();
    for (const appointmentId of await this.store.pendingIds()) {
      try {
        const record = await this.store.get(appointmentId);
        if (!record) {
          await this.store.forget(appointmentId);
          continue;
        }
        // Being told right now by someone else (a claim within its lease), or already told.
        if (record.state === 'notified' || (record.state === 'notifying' && !isStaleClaim(record, now))) continue;
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
    if (appointment.foreign_id) {
      await this.deliver(record.appointmentId, 'complete', 'reconciliation');
    } else if (appointment.cancelled || appointment.canceled || appointment.deleted) {
      await this.deliver(record.appointmentId, 'failed', 'reconciliation');
    } else if (record.checks + 1 >= this.maxChecks) {
      // Still not in the record system. Claim first (a late webhook then finds it taken), cancel
      // next, so it can never complete after the patient is told to pick another time, then tell.
      await this.deliver(record.appointmentId, 'failed', 'reconciliation gave up', () => this.nexhealth.cancelAppointment(record.appointmentId).then(() => undefined));
    } else {
      const backoff = this.options.reconcileAfterMs * 2 ** (record.checks + 1);
      await this.store.reschedule(record.appointmentId, new Date(now.getTime() + backoff));
    }
  }

  private inBackground(work: () => Promise<unknown>): void {
    setImmediate(() => {
      work().catch((error: unknown) => this.logger.warn({ err: errorName(error) }, 'insertion result not sent yet; reconciliation will retry'));
    });
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
      await this.notifier.notify(claim.record, outcome);
    } catch (error) {
      if (this.clock.now().getTime() - Date.parse(claim.record.createdAt) >= UNDELIVERABLE_AFTER_MS) {
        await this.store.markNotified(appointmentId);
        this.logger.warn({ appointmentId, outcome, source }, 'insertion result undeliverable for a week: given up');
      } else {
        await this.store.release(appointmentId);
      }
      throw error;
    }
    await this.store.markNotified(appointmentId);
    this.logger.info({ appointmentId, outcome, source }, 'insertion result sent to the patient');
    return 'sent';
  }
}

/** The error's name only: messages from storage or channels may quote keys or text. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
