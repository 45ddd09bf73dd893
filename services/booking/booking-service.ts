// The booking logic the dialogs sequence, split by job: who the patient is (patients), what can be
// booked and when (schedule), and the patient's appointments (appointments). Each talks to NexHealth
// through the typed client; the decisions are the pure functions of this folder, tested without HTTP.
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Appointment, AppointmentType, Location, NexHealthClient, Provider } from '../nexhealth';
import { Appointments } from './appointments';
import type { PatientGender } from './patient-gender';
import type { PatientIdentity } from './patient-match';
import { Patients } from './patients';
import { providerName } from './provider-name';
import { Schedule } from './schedule';
import type { OpenSlot, PreferenceWindows } from './slot-ranking';

export { providerName };

export interface BookingServiceOptions {
  /** Restricts the bot to one location (NEXHEALTH_LOCATION_ID). */
  locationId?: number;
  /** How far ahead times are searched. */
  horizonDays?: number;
  /** How many times are offered at once. */
  offerSize?: number;
  /** How long open times are reused per (location, type, provider, day); 0 turns the cache off. */
  slotCacheTtlMs?: number;
  /**
   * Only appointment types marked `bookable_online` (default). A practice that does not use
   * NexHealth's own booking page may have none marked, and turns this off.
   */
  bookableOnlineTypesOnly?: boolean;
  /** Before the bot cancels an appointment itself (so its read-back is not told as the office's change). */
  beforeCancel?: (appointmentId: number) => Promise<void>;
  logger?: Logger;
}

export interface LocationReference {
  location: Location;
  appointmentTypes: AppointmentType[];
  providers: Provider[];
}

export interface TimeSearch {
  locationId: number;
  appointmentTypeId: number;
  providerId: number | 'any';
  preference: PreferenceWindows;
  /** Keys of times already offered (slotKey), skipped so "Other times" pages on. */
  exclude?: ReadonlySet<string>;
}

export interface TimeOffer {
  slots: OpenSlot[];
  /** 'window': the times fit the preference; 'around': nothing did, these are the nearest. */
  fit: 'window' | 'around';
}

export interface UnderstandingReference {
  timeZone: string;
  locations: { id: number; name: string }[];
  appointmentTypes: { id: number; name: string }[];
  providers: { id: number; name: string }[];
}


/** An upcoming appointment as the manage flows keep it in conversation state (no patient data). */
export interface UpcomingAppointment {
  id: number;
  start: string;
  locationId: number;
  providerId: number;
  appointmentTypeId?: number;
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" */
  summary: string;
  /** "Cleaning" */
  type: string;
  /** "Tue, Dec 1 at 2:30 PM" */
  when: string;
}

/** What registering a new patient needs: the identity, every contact, and the sex for the record. */
export type NewPatientIdentity = Required<PatientIdentity> & { gender: PatientGender };

/**
 * `awaitsInsertion` false: the location never writes API bookings into the record system
 * (`insert_appt_client` false), so no insertion result will come and the office confirms itself.
 */
export type BookingResult =
  | { kind: 'requested'; appointment: Appointment; awaitsInsertion: boolean; timeZone: string }
  | { kind: 'taken' }
  /** NexHealth could not be reached or answered a fault: the request may or may not have arrived. */
  | { kind: 'unavailable' };

/** A patient's cancellation: done, or NexHealth could not be reached (nothing known to be cancelled). */
export type CancelResult = { kind: 'cancelled' } | { kind: 'unavailable' };

export class BookingService {
  readonly schedule: Schedule;
  readonly patients: Patients;
  readonly appointments: Appointments;

  constructor(client: NexHealthClient, clock: Clock, options: BookingServiceOptions = {}) {
    this.schedule = new Schedule(client, clock, options);
    this.patients = new Patients(client, this.schedule);
    this.appointments = new Appointments(client, clock, this.schedule, options);
  }
}
