// The practice's side of the sandbox: writing API bookings into the record system (the insertion
// and its webhook), the synchronizer going offline and back (writes wait meanwhile), and changes
// the office makes itself, which NexHealth reports with `appointment_updated` after its read-back.
import type { Logger } from 'pino';
import { renderAppointment, type Appointment, type State, type Sync } from './model';
import type { WebhookDispatcher } from './webhooks';

export interface RecordSystemDeps {
  state(): State;
  now(): Date;
  webhooks: WebhookDispatcher;
  logger: Logger;
  settings: { insertionDelayMs: number; readBackDelayMs: number; nexForeignIdsWhilePending: boolean };
  insertions: { failNext: number; failReason: string };
}

/** The failure payload's shape is undocumented: the sandbox varies it so clients cannot rely on one. */
const FAILURE_SHAPES: ((reason: string) => unknown)[] = [
  (reason) => [reason],
  (reason) => reason,
  (reason) => [[reason]],
  () => undefined,
];

export class RecordSystem {
  private readonly timers = new Set<NodeJS.Timeout>();
  private failures = 0;

  constructor(private readonly deps: RecordSystemDeps) {}

  /** A booking NexHealth accepted: written after the delay, unless the location never inserts. */
  accepted(appointment: Appointment): void {
    const location = this.deps.state().locations.find((candidate) => candidate.id === appointment.location_id);
    if (this.deps.settings.nexForeignIdsWhilePending) {
      // As one integrator reports: NexHealth's own id shows before the record system's.
      appointment.foreign_id = `nex-${appointment.id}`;
      appointment.foreign_id_type = 'NexHealthAppointment';
    }
    if (location && !location.insert_appt_client) return;
    this.later(this.deps.settings.insertionDelayMs, () => this.insert(appointment));
  }

  /** Changed through the API (cancel, confirm): the office's copy changes, and the read-back reports it. */
  changed(appointment: Appointment): void {
    this.readBack(appointment);
  }

  /** The office cancels or moves an appointment in its own system. */
  officeChange(appointment: Appointment, change: { cancelled?: boolean; start?: Date }): void {
    const stamp = this.deps.now().toISOString();
    if (change.start) {
      const length = appointment.end.getTime() - appointment.start.getTime();
      appointment.start = change.start;
      appointment.end = new Date(change.start.getTime() + length);
    }
    if (change.cancelled) {
      appointment.cancelled = true;
      appointment.cancelled_at = stamp;
    }
    appointment.updated_at = stamp;
    this.readBack(appointment);
  }

  /** Takes a location's synchronizer offline (writes wait) or back online (waiting writes go through). */
  setWriteStatus(sync: Sync, status: 'green' | 'red'): void {
    if (sync.write_status === status) return;
    sync.write_status = status;
    if (status === 'green') sync.write_status_at = this.deps.now().toISOString();
    this.dispatch('SyncStatus', 'sync_status_write_change', `sync_status_write_change.${status}`, null, { sync_status: { id: sync.id, write_status: status, write_status_at: sync.write_status_at, location_ids: sync.location_ids } });
    if (status !== 'green') return;
    for (const appointment of this.deps.state().appointments) {
      if (appointment.insertion === 'pending' && sync.location_ids.includes(appointment.location_id)) this.later(this.deps.settings.insertionDelayMs, () => this.insert(appointment));
    }
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.failures = 0;
  }

  private writesOffline(locationId: number): boolean {
    return this.deps.state().syncs.some((sync) => sync.location_ids.includes(locationId) && sync.write_status === 'red');
  }

  private insert(appointment: Appointment): void {
    // Offline: the write waits for the synchronizer (setWriteStatus sends it on when it is back).
    if (appointment.insertion !== 'pending' || this.writesOffline(appointment.location_id)) return;
    const { insertions } = this.deps;
    const failed = insertions.failNext > 0;
    if (failed) insertions.failNext -= 1;
    appointment.insertion = failed ? 'failed' : 'complete';
    const stamp = this.deps.now().toISOString();
    if (failed) {
      appointment.foreign_id = null;
      appointment.foreign_id_type = null;
    } else {
      appointment.foreign_id = `ext-${appointment.id}`;
      appointment.foreign_id_type = 'sandbox';
      appointment.last_sync_time = stamp;
      appointment.updated_at = stamp;
    }
    const data: Record<string, unknown> = { appointment: renderAppointment(this.deps.state(), appointment) };
    if (failed) {
      const shape = FAILURE_SHAPES[this.failures++ % FAILURE_SHAPES.length];
      const error = shape?.(insertions.failReason);
      if (error !== undefined) data.error = error;
    }
    const eventName = failed ? 'appointment_insertion.failed' : 'appointment_insertion.complete';
    this.dispatch('Appointment', 'appointment_insertion', eventName, appointment.id, data);
    this.deps.logger.info({ appointmentId: appointment.id, outcome: appointment.insertion }, 'sandbox insertion finished');
  }

  /** NexHealth notices a change at its next read of the record system, then sends `appointment_updated`. */
  private readBack(appointment: Appointment): void {
    this.later(this.deps.settings.readBackDelayMs, () => {
      this.dispatch('Appointment', 'appointment_updated', 'appointment_updated', appointment.id, { appointment: renderAppointment(this.deps.state(), appointment) });
    });
  }

  private dispatch(resourceType: string, event: string, eventName: string, appointmentId: number | null, data: Record<string, unknown>): void {
    const state = this.deps.state();
    for (const subscription of state.webhookSubscriptions) {
      if (!subscription.active || subscription.resource_type !== resourceType || subscription.event !== event) continue;
      const endpoint = state.webhookEndpoints.find((candidate) => candidate.id === subscription.webhook_endpoint_id);
      if (!endpoint?.active) continue;
      this.deps.webhooks.dispatch({
        endpoint,
        eventName,
        appointmentId,
        // v3.0.0 still returns the v2 appointment entity (OpenAPI: API_V2_Entities_Appointment on both),
        // so the payload's contract is the same; the version pinned is recorded with each delivery.
        apiVersion: subscription.api_version,
        body: {
          institution_id: state.institution.id,
          subdomain: subscription.subdomain,
          webhook_subscription_id: subscription.id,
          resource_type: resourceType,
          event_name: eventName,
          event_time: this.deps.now().toISOString(),
          delivery_errors: [],
          data,
        },
      });
    }
  }

  /** A real timer, independent of the (possibly frozen) sandbox clock. */
  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }
}
