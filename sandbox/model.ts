// The sandbox's in-memory records and how each is rendered on the wire.
import type { ApiVersion } from '../services/nexhealth/api-version';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Institution {
  id: number;
  name: string;
  subdomain: string;
}

export interface Location {
  id: number;
  institution_id: number;
  name: string;
  tz: string;
  street_address: string;
  street_address_2: string;
  city: string;
  state: string;
  zip_code: string;
  country_code: string;
  phone_number: string;
  email: string;
  map_by_operatory: boolean;
  /** false: NexHealth never writes API bookings into the record system (no insertion, no webhook). */
  insert_appt_client: boolean;
  set_availability_by_operatory: boolean;
  inactive: boolean;
}

/** One synchronizer (one record-system database) and the locations behind it. */
export interface Sync {
  id: number;
  name: string;
  emr: string;
  location_ids: number[];
  read_status: 'green' | 'red';
  read_status_at: string;
  write_status: 'green' | 'red';
  write_status_at: string;
}

export interface Provider {
  id: number;
  first_name: string;
  last_name: string;
  suffix: string;
  npi: string;
  specialty: string;
  inactive: boolean;
  requestable: boolean;
  location_ids: number[];
}

export interface Operatory {
  id: number;
  name: string;
  location_id: number;
  active: boolean;
  bookable_online: boolean;
  appointment_type_ids: number[];
}

export interface AppointmentType {
  id: number;
  name: string;
  parent_type: 'Location' | 'Institution';
  parent_id: number;
  minutes: number;
  bookable_online: boolean;
}

export interface Availability {
  id: number;
  provider_id: number;
  operatory_id: number | null;
  location_id: number;
  begin_time: string; // "HH:MM", location wall clock
  end_time: string;
  days: Weekday[];
  specific_date: string | null;
  appointment_type_ids: number[];
  active: boolean;
  synced: boolean;
}

export interface PatientBio {
  date_of_birth: string;
  phone_number: string;
  cell_phone_number: string | null;
  gender: string | null;
  city: string | null;
  state: string | null;
  zip_code: string | null;
}

export interface Patient {
  id: number;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  email: string;
  bio: PatientBio;
  inactive: boolean;
  location_ids: number[];
  provider_id: number | null;
  foreign_id: string | null;
  /** A guarantor or other contact on file who is not a patient (cannot be booked for). */
  non_patient: boolean;
  created_at: string;
  updated_at: string;
}

export type InsertionState = 'pending' | 'complete' | 'failed' | 'seeded';

export interface Appointment {
  id: number;
  patient_id: number | null;
  provider_id: number;
  location_id: number;
  operatory_id: number | null;
  appointment_type_id: number | null;
  start: Date;
  end: Date;
  note: string | null;
  confirmed: boolean;
  cancelled: boolean;
  cancelled_at: string | null;
  patient_missed: boolean;
  unavailable: boolean;
  deleted: boolean;
  foreign_id: string | null;
  /** 'sandbox' for the record system's ids; "Nex…" for NexHealth's own id before the write (see settings). */
  foreign_id_type: string | null;
  last_sync_time: string | null;
  is_new_clients_patient: boolean;
  created_at: string;
  updated_at: string;
  /** Sandbox-only: where the record-system insertion stands. Never rendered. */
  insertion: InsertionState;
}

export interface WebhookEndpoint {
  id: number;
  target_url: string;
  secret_key: string;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface WebhookSubscription {
  id: number;
  webhook_endpoint_id: number;
  resource_type: string;
  event: string;
  active: boolean;
  subdomain: string;
  /** The API version the subscription was created under: its events follow that version. */
  api_version: ApiVersion;
  created_at: string;
  updated_at: string;
}

export interface State {
  institution: Institution;
  locations: Location[];
  providers: Provider[];
  operatories: Operatory[];
  appointmentTypes: AppointmentType[];
  availabilities: Availability[];
  patients: Patient[];
  appointments: Appointment[];
  webhookEndpoints: WebhookEndpoint[];
  webhookSubscriptions: WebhookSubscription[];
  syncs: Sync[];
  nextId: Record<'appointmentType' | 'availability' | 'patient' | 'appointment' | 'webhookEndpoint' | 'webhookSubscription', number>;
}

export const providerName = (provider: Provider): string => `${provider.first_name} ${provider.last_name}`;

export function renderLocation(location: Location): Record<string, unknown> {
  return { ...location };
}

export function renderProvider(state: State, provider: Provider): Record<string, unknown> {
  const name = providerName(provider);
  return {
    id: provider.id,
    email: null,
    first_name: provider.first_name,
    middle_name: null,
    last_name: provider.last_name,
    name,
    display_name: `Dr. ${name}`,
    suffix: provider.suffix,
    npi: provider.npi,
    specialty_code: provider.specialty,
    inactive: provider.inactive,
    requestable: provider.requestable,
    institution_id: state.institution.id,
    foreign_id: `prov-${provider.id}`,
    foreign_id_type: 'sandbox',
    locations: state.locations
      .filter((location) => provider.location_ids.includes(location.id))
      .map((location) => ({ id: location.id, name: location.name, institution_id: location.institution_id })),
  };
}

export function renderOperatory(state: State, operatory: Operatory): Record<string, unknown> {
  return {
    id: operatory.id,
    name: operatory.name,
    display_name: operatory.name,
    location_id: operatory.location_id,
    active: operatory.active,
    bookable_online: operatory.bookable_online,
    foreign_id: `op-${operatory.id}`,
    foreign_id_type: 'sandbox',
    appointment_types: state.appointmentTypes.filter((type) => operatory.appointment_type_ids.includes(type.id)),
  };
}

export function renderAvailability(state: State, availability: Availability): Record<string, unknown> {
  return {
    id: availability.id,
    provider_id: availability.provider_id,
    operatory_id: availability.operatory_id,
    location_id: availability.location_id,
    begin_time: availability.begin_time,
    end_time: availability.end_time,
    days: availability.days,
    specific_date: availability.specific_date,
    custom_recurrence: null,
    tz_offset: null,
    active: availability.active,
    synced: availability.synced,
    appointment_types: state.appointmentTypes.filter((type) => availability.appointment_type_ids.includes(type.id)),
  };
}

export function renderPatient(state: State, patient: Patient, upcoming?: Appointment[]): Record<string, unknown> {
  const rendered: Record<string, unknown> = {
    id: patient.id,
    email: patient.email,
    first_name: patient.first_name,
    middle_name: patient.middle_name,
    last_name: patient.last_name,
    name: [patient.first_name, patient.middle_name, patient.last_name].filter(Boolean).join(' '),
    created_at: patient.created_at,
    updated_at: patient.updated_at,
    institution_id: state.institution.id,
    foreign_id: patient.foreign_id,
    foreign_id_type: 'sandbox',
    bio: { ...patient.bio, home_phone_number: null, work_phone_number: null },
    inactive: patient.inactive,
    non_patient: patient.non_patient,
    last_sync_time: null,
    guarantor_id: null,
    provider_id: patient.provider_id,
    location_ids: patient.location_ids,
  };
  if (upcoming) rendered.upcoming_appts = upcoming.map((appointment) => renderAppointment(state, appointment));
  return rendered;
}

export function renderAppointment(state: State, appointment: Appointment): Record<string, unknown> {
  const provider = state.providers.find((candidate) => candidate.id === appointment.provider_id);
  const location = state.locations.find((candidate) => candidate.id === appointment.location_id);
  return {
    id: appointment.id,
    patient_id: appointment.patient_id,
    provider_id: appointment.provider_id,
    provider_name: provider ? providerName(provider) : null,
    location_id: appointment.location_id,
    operatory_id: appointment.operatory_id,
    appointment_type_id: appointment.appointment_type_id,
    start_time: appointment.start.toISOString(),
    end_time: appointment.end.toISOString(),
    timezone: location?.tz ?? null,
    note: appointment.note,
    confirmed: appointment.confirmed,
    confirmed_at: null,
    cancelled: appointment.cancelled,
    cancelled_at: appointment.cancelled_at,
    patient_missed: appointment.patient_missed,
    unavailable: appointment.unavailable,
    deleted: appointment.deleted,
    foreign_id: appointment.foreign_id,
    foreign_id_type: appointment.foreign_id_type,
    last_sync_time: appointment.last_sync_time,
    sooner_if_possible: false,
    is_new_clients_patient: appointment.is_new_clients_patient,
    is_guardian: false,
    checked_out: false,
    checkin_at: null,
    created_at: appointment.created_at,
    updated_at: appointment.updated_at,
  };
}

/** As GET /sync_status shows it (v2 docs' sample). */
export function renderSync(state: State, sync: Sync): Record<string, unknown> {
  return {
    institution_id: state.institution.id,
    sync_source_type: 'DataSource',
    sync_source_name: sync.name,
    emr: { id: sync.id, name: sync.emr, display_name: sync.emr },
    read_status: sync.read_status,
    read_status_at: sync.read_status_at,
    write_status: sync.write_status,
    write_status_at: sync.write_status_at,
    locations: state.locations.filter((location) => sync.location_ids.includes(location.id)).map((location) => ({ id: location.id, name: location.name })),
  };
}

/** With its secret_key, on every answer: the docs' GET /webhook_endpoints sample shows it too. */
export function renderWebhookEndpoint(endpoint: WebhookEndpoint): Record<string, unknown> {
  return {
    id: endpoint.id,
    target_url: endpoint.target_url,
    secret_key: endpoint.secret_key,
    active: endpoint.active,
    created_at: endpoint.created_at,
    updated_at: endpoint.updated_at,
  };
}

export function renderSubscription(subscription: WebhookSubscription): Record<string, unknown> {
  return {
    id: subscription.id,
    webhook_endpoint_id: subscription.webhook_endpoint_id,
    resource_type: subscription.resource_type,
    event: subscription.event,
    active: subscription.active,
    created_at: subscription.created_at,
    updated_at: subscription.updated_at,
  };
}

/** Appointments that occupy time: not cancelled, not deleted, not refused by the record system. */
export const isBlocking = (appointment: Appointment): boolean =>
  !appointment.cancelled && !appointment.deleted && appointment.insertion !== 'failed';
