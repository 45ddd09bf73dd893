// The patient's appointments: booking a time, listing what is coming, cancelling. A fault on the
// way is answered as a result the dialogs can tell the patient, never as a transport error.
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { isCancelled, isNexHealthError, type Appointment, type NexHealthClient } from '../nexhealth';
import { summarizeAppointment, type AppointmentFacts, type AppointmentSummary } from './appointment-summary';
import type { BookingResult, BookingServiceOptions, CancelResult, UpcomingAppointment } from './booking-service';
import type { Schedule } from './schedule';
import type { OpenSlot } from './slot-ranking';

export class Appointments {
  constructor(private readonly client: NexHealthClient, private readonly clock: Clock, private readonly schedule: Schedule, private readonly options: Pick<BookingServiceOptions, 'beforeCancel'> = {}) {}

  /** Books a time; a time taken meanwhile is reported, not thrown. */
  async book(request: { locationId: number; patientId: number; appointmentTypeId: number; slot: OpenSlot }): Promise<BookingResult> {
    const location = await this.client.getLocation(request.locationId);
    // The API refuses it anyway; a slot that came without its operatory is never sent.
    if (location.map_by_operatory && request.slot.operatoryId === undefined) throw new Error('slot without an operatory at an operatory-mapped location');
    try {
      const appointment = await this.client.createAppointment({
        locationId: request.locationId,
        patientId: request.patientId,
        providerId: request.slot.providerId,
        operatoryId: request.slot.operatoryId,
        appointmentTypeId: request.appointmentTypeId,
        startTime: request.slot.start,
        endTime: request.slot.end,
      });
      return { kind: 'requested', appointment, awaitsInsertion: location.insert_appt_client !== false, timeZone: location.tz };
    } catch (error) {
      if (isNexHealthError(error, 'slot_unavailable')) return { kind: 'taken' };
      if (isNexHealthError(error) && error.transient) return { kind: 'unavailable' };
      throw error;
    } finally {
      // Whatever the outcome (booked, taken by someone else, unclear), the times of that day are
      // stale, including any fetched while the create was on its way.
      this.schedule.forgetTimes(request.locationId, request.slot);
    }
  }

  /** The patient's upcoming appointments, soonest first. */
  async upcoming(locationId: number, patientId: number): Promise<Appointment[]> {
    const now = this.clock.now();
    const end = DateTime.fromJSDate(now).plus({ days: 365 }).toJSDate();
    const appointments = await this.client.listAppointments({ locationId, start: now.toISOString(), end: end.toISOString(), patientId });
    return appointments
      .filter((appointment) => appointment.patient_id === patientId && !isCancelled(appointment) && !appointment.deleted)
      .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
  }

  /**
   * Upcoming appointments at every location of the practice, soonest first, each with what the
   * patient is shown. Only for a patient identified with a matching phone or email.
   */
  async upcomingEverywhere(patientId: number): Promise<UpcomingAppointment[]> {
    const perLocation = await Promise.all((await this.schedule.locations()).map(async (location) => {
      const appointments = await this.upcoming(location.id, patientId);
      if (appointments.length === 0) return [];
      const reference = await this.schedule.reference(location.id);
      return appointments.map((appointment): UpcomingAppointment => {
        const summary = summarizeAppointment(reference, { appointmentTypeId: appointment.appointment_type_id, providerId: appointment.provider_id, start: appointment.start_time });
        return {
          id: appointment.id,
          start: appointment.start_time,
          locationId: appointment.location_id,
          providerId: appointment.provider_id,
          appointmentTypeId: appointment.appointment_type_id ?? undefined,
          summary: summary.text,
          type: summary.type,
          when: summary.when,
        };
      });
    }));
    return perLocation.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" for a location's appointment. */
  async summarize(locationId: number, facts: AppointmentFacts): Promise<AppointmentSummary> {
    return summarizeAppointment(await this.schedule.reference(locationId), facts);
  }

  async cancel(appointmentId: number): Promise<void> {
    await this.options.beforeCancel?.(appointmentId);
    try {
      await this.client.cancelAppointment(appointmentId);
    } finally {
      // Cancellations are rare and the answer may be lost: forget every location's times.
      this.schedule.forgetTimes();
    }
  }

  /** The patient's own cancellation: a fault on the way is a result (they are asked to try again), not a throw. */
  async cancelForPatient(appointmentId: number): Promise<CancelResult> {
    try {
      await this.cancel(appointmentId);
      return { kind: 'cancelled' };
    } catch (error) {
      if (isNexHealthError(error) && error.transient) return { kind: 'unavailable' };
      throw error;
    }
  }
}
