// Recording the requests NexHealth accepted, for the dialogs: durable records only, nothing told
// here. Telling the patient is InsertionOutcomes' job (webhooks and reconciliation), so the dialogs
// and the delivery path never depend on each other.
import type { Clock } from '../clock';
import type { PendingAppointment, PendingAppointmentStore, WatchedAppointment } from './pending-appointment-store';

export type NewPendingAppointment = Pick<PendingAppointment, 'appointmentId' | 'conversation' | 'summary' | 'retry' | 'replaces' | 'watch'>;

export class PendingRequests {
  constructor(
    private readonly store: PendingAppointmentStore,
    private readonly clock: Clock,
    private readonly options: { reconcileAfterMs: number },
  ) {}

  /** Records a request just accepted by NexHealth; an outcome that already came is told by InsertionOutcomes' next pass. */
  async requested(pending: NewPendingAppointment): Promise<void> {
    const now = this.clock.now();
    await this.store.add({
      ...pending,
      createdAt: now.toISOString(),
      nextCheckAt: new Date(now.getTime() + this.options.reconcileAfterMs).toISOString(),
      checks: 0,
      state: 'pending',
    });
  }

  /**
   * A request at a location that never writes into the record system (`insert_appt_client` false):
   * no result will come, so nothing waits for one; it is watched for the office's own changes.
   */
  async requestedWithoutInsertion(request: Omit<WatchedAppointment, 'until'>): Promise<void> {
    await this.store.watch(request);
  }

  /** The bot itself cancels this appointment: its read-back must not be told as the office's change. */
  async cancelling(appointmentId: number): Promise<void> {
    await this.store.unwatch(appointmentId);
  }

  /** Whether a request that replaces this appointment (a reschedule) is still waiting for the office. */
  async isReplacementPending(appointmentId: number): Promise<boolean> {
    const replacement = await this.store.replacementOf(appointmentId);
    return replacement !== undefined && replacement.state !== 'notified';
  }
}
