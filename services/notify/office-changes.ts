// The office cancels or moves a bot-booked appointment in its own system; NexHealth reports it with
// `appointment_updated` after its read-back. The patient hears of it in the same chat, once: the
// watched record is claimed with its eTag before telling, and only appointments the bot booked
// (and still watches) are told. The bot's own cancellations unwatch first, so they are never told.
import type { Clock } from '../clock';
import { formatSlotTime } from '../booking/format';
import type { Logger } from '../logger';
import { isCancelled, type Appointment } from '../nexhealth';
import type { PendingAppointmentStore, WatchedAppointment } from './pending-appointment-store';
import type { ProactiveMessenger } from './proactive-message';

/** What the patient is told proactively, besides an insertion result (the bot words it). */
export type PatientNotice =
  | { kind: 'sync_offline' }
  | { kind: 'office_cancelled'; type: string; when: string }
  | { kind: 'office_moved'; type: string; when: string; newWhen: string };

export class OfficeChanges {
  constructor(
    private readonly store: PendingAppointmentStore,
    private readonly lookup: { getAppointment(appointmentId: number): Promise<Appointment> },
    private readonly messenger: ProactiveMessenger,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** One `appointment_updated` id: read again (the payload's fields are not relied on), told if changed. */
  async updated(appointmentId: number): Promise<void> {
    const watched = await this.store.watched(appointmentId, this.clock.now());
    if (!watched) return;
    const appointment = await this.lookup.getAppointment(appointmentId);
    const when = formatSlotTime(watched.start, watched.timeZone);
    if (isCancelled(appointment) || appointment.deleted) {
      await this.tellOnce(watched, undefined, { kind: 'office_cancelled', type: watched.type, when });
      await this.store.unwatch(appointmentId);
    } else if (Date.parse(appointment.start_time) !== Date.parse(watched.start)) {
      const moved = { ...watched, start: appointment.start_time };
      await this.tellOnce(watched, moved, { kind: 'office_moved', type: watched.type, when, newWhen: formatSlotTime(appointment.start_time, watched.timeZone) });
    }
  }

  private async tellOnce(watched: WatchedAppointment, next: WatchedAppointment | undefined, notice: PatientNotice): Promise<void> {
    if (!(await this.store.claimChange(watched, next))) return;
    try {
      await this.messenger.send(watched.conversation, notice);
      this.logger.info({ appointmentId: watched.appointmentId, change: notice.kind }, 'office change told to the patient');
    } catch (error) {
      // Given back, so a later update of the same appointment can tell it.
      await this.store.watch(watched);
      throw error;
    }
  }
}
