// Request and response shapes of the NexHealth Synchronizer API (v2.2.2 and v3.0.0 share them), as the client uses
// them (shared/spec/nexhealth-api.md). Fields the API may omit are optional.

export interface Envelope<T> {
  code: boolean;
  data: T;
  description?: string | string[];
  error?: string[];
  count?: number;
  page_info?: PageInfo;
}

/** v3's cursor paging (`page_info` on list answers). */
export interface PageInfo {
  has_next_page: boolean;
  has_previous_page: boolean;
  start_cursor: string | null;
  end_cursor: string | null;
}

export interface Location {
  id: number;
  name: string;
  tz: string;
  street_address?: string | null;
  city?: string | null;
  state?: string | null;
  zip_code?: string | null;
  phone_number?: string | null;
  /** Bookings must name an operatory, and slot searches name the bookable ones (`operatory_ids[]`). */
  map_by_operatory?: boolean;
  /**
   * Whether NexHealth writes API bookings into the record system. When false nothing is inserted
   * and no insertion webhook ever comes: the office confirms the request itself.
   */
  insert_appt_client?: boolean;
  /** Availabilities are set per operatory rather than per provider. */
  set_availability_by_operatory?: boolean;
  inactive?: boolean;
}

/** One synchronizer (GET /sync_status): `write_status` red means writes are not reaching the record system. */
export interface SyncStatus {
  institution_id?: number;
  sync_source_name?: string | null;
  read_status?: 'green' | 'red' | string;
  read_status_at?: string | null;
  write_status?: 'green' | 'red' | string;
  write_status_at?: string | null;
  locations?: { id: number; name?: string }[];
}

export interface Institution {
  id: number;
  name: string;
  subdomain: string;
  locations: Location[];
}

export interface Provider {
  id: number;
  name: string;
  first_name?: string | null;
  last_name?: string | null;
  display_name?: string | null;
  npi?: string | null;
  inactive?: boolean;
  locations?: { id: number; name?: string }[];
}

export interface Operatory {
  id: number;
  name: string;
  display_name?: string | null;
  location_id: number;
  active?: boolean;
  bookable_online?: boolean;
  appointment_types?: AppointmentType[];
}

export interface AppointmentType {
  id: number;
  name: string;
  parent_type?: 'Location' | 'Institution' | string;
  parent_id?: number;
  minutes: number;
  bookable_online?: boolean;
}

export interface NewAppointmentType {
  name: string;
  minutes: number;
  parent_type: 'Location' | 'Institution';
  parent_id: number;
  bookable_online?: boolean;
}

export interface Availability {
  id: number;
  provider_id: number;
  operatory_id?: number | null;
  location_id: number;
  begin_time: string;
  end_time: string;
  days: string[];
  specific_date?: string | null;
  appointment_types?: AppointmentType[];
  active: boolean;
  synced?: boolean;
}

export interface NewAvailability {
  provider_id: number;
  operatory_id?: number;
  begin_time: string;
  end_time: string;
  days?: string[];
  specific_date?: string;
  appointment_type_ids?: number[];
  active?: boolean;
}

export interface PatientBio {
  date_of_birth?: string | null;
  phone_number?: string | null;
  cell_phone_number?: string | null;
  gender?: string | null;
  [field: string]: unknown;
}

export interface Patient {
  id: number;
  first_name: string;
  middle_name?: string | null;
  last_name: string;
  name?: string;
  email?: string | null;
  bio?: PatientBio;
  inactive?: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface PatientSearch {
  locationId: number;
  /** false: leave out non-patients (guarantors), as the docs recommend before booking. */
  nonPatient?: boolean;
  name?: string;
  email?: string;
  phoneNumber?: string;
  dateOfBirth?: string;
  newPatient?: boolean;
  locationStrict?: boolean;
  inactive?: boolean;
}

/** POST /patients: `provider` is required by the API, and the record systems need the real sex. */
export interface NewPatient {
  locationId: number;
  providerId: number;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string;
  phoneNumber: string;
  gender: 'Male' | 'Female' | 'Other';
}

export interface Slot {
  time: string;
  /** Not in v2's answer (the docs' sample has none): the appointment type then sets the length. */
  end_time?: string;
  operatory_id?: number | null;
  provider_id?: number;
}

export interface SlotGroup {
  lid: number;
  pid: number;
  operatory_id?: number | null;
  slots: Slot[];
  next_available_date: string | null;
}

export interface SlotSearch {
  startDate: string;
  days: number;
  locationIds: number[];
  providerIds: number[];
  operatoryIds?: number[];
  appointmentTypeId?: number;
  slotLength?: number;
  overlappingOperatorySlots?: boolean;
}

export interface Appointment {
  id: number;
  patient_id: number;
  provider_id: number;
  provider_name?: string | null;
  location_id: number;
  operatory_id?: number | null;
  appointment_type_id?: number | null;
  start_time: string;
  end_time: string;
  timezone?: string | null;
  note?: string | null;
  confirmed?: boolean;
  cancelled?: boolean;
  /** Some payloads spell it this way; read both. */
  canceled?: boolean;
  cancelled_at?: string | null;
  patient_missed?: boolean;
  unavailable?: boolean;
  deleted?: boolean;
  foreign_id?: string | null;
  foreign_id_type?: string | null;
  last_sync_time?: string | null;
  created_at?: string;
  updated_at?: string;
}

export interface NewAppointment {
  locationId: number;
  patientId: number;
  providerId: number;
  startTime: string;
  endTime?: string;
  operatoryId?: number;
  appointmentTypeId?: number;
  note?: string;
  notifyPatient?: boolean;
}

export interface AppointmentQuery {
  locationId: number;
  start: string;
  end: string;
  /** v2 filters by one patient (`patient_id`); `patient_ids[]` is v3's and v2 ignores it. */
  patientId?: number;
  providerIds?: number[];
  cancelled?: boolean;
}

/**
 * What a PATCH may change: the docs say only `confirmed` and `cancelled` reach the record system;
 * anything else is "silently overwritten by the next EHR sync". A move is a cancel and a new booking.
 */
export interface AppointmentChanges {
  cancelled?: boolean;
  confirmed?: boolean;
}

export interface WebhookEndpoint {
  id: number;
  target_url: string;
  secret_key?: string;
  active: boolean;
  created_at?: string;
  updated_at?: string;
}

export interface WebhookSubscription {
  id: number;
  webhook_endpoint_id: number;
  resource_type: string;
  event: string;
  active: boolean;
  subdomain?: string;
}

/**
 * Whether the record system has the appointment: its foreign id there. A `foreign_id_type` starting
 * with "Nex" is NexHealth's own id (reported on appointments not yet synced) and does not count.
 */
export function isInserted(appointment: Pick<Appointment, 'foreign_id' | 'foreign_id_type'>): boolean {
  return typeof appointment.foreign_id === 'string' && appointment.foreign_id.trim() !== '' && !/^nex/i.test(appointment.foreign_id_type ?? '');
}

/** Whether an appointment is cancelled, whichever spelling the payload uses. */
export function isCancelled(appointment: Pick<Appointment, 'cancelled' | 'canceled'>): boolean {
  return appointment.cancelled === true || appointment.canceled === true;
}
