// The demo practice every reset returns to. Ids are in distinct ranges per resource so a test
// (or client) that mixes them up fails loudly instead of finding the wrong record.
import { DateTime } from 'luxon';
import type { Appointment, AppointmentType, Availability, Location, Operatory, Patient, Provider, State, Weekday } from '../model';
import { patientSeeds } from './patients';

export const DEMO_SUBDOMAIN = 'demo-dental';
export const DEMO_API_KEY = 'sandbox-api-key';
export const ZONE = 'America/New_York';

export interface SeedTypeIds {
  cleaning: number;
  newPatientExam: number;
  emergency: number;
  consultation: number;
  filling: number;
}

export interface SeedSummary {
  institutionId: number;
  subdomain: string;
  locations: { brooklyn: number; manhattan: number };
  /** danaReyes is not `requestable` (not bookable through NexHealth's online booking). */
  providers: { sarahLee: number; rajPatel: number; emilyKim: number; marcusNguyen: number; danaReyes: number };
  operatories: { brooklynChair1: number; brooklynChair2: number; manhattanRoomA: number; manhattanRoomB: number };
  appointmentTypes: { brooklyn: SeedTypeIds; manhattan: SeedTypeIds };
  patients: {
    anaDiaz: number;
    johnSmith1980: number;
    johnSmith1992: number;
    mariaGarciaA: number;
    mariaGarciaB: number;
    davidCohen: number;
    /** Not a patient: a guarantor with David Cohen's name and birth date. */
    cohenGuarantor: number;
    all: number[];
  };
  appointments: {
    /** Raj Patel, Brooklyn chair 2, next weekday 09:00–10:00 local. */
    patelNextWeekday0900: number;
    /** Emily Kim, Manhattan, next weekday 10:00–10:30 local. */
    kimNextWeekday1000: number;
    /** Emily Kim, Manhattan, next weekday 11:00 local, cancelled (so the time stays free). */
    kimCancelled1100: number;
    /** A block (`unavailable`) for Raj Patel, next weekday 12:00–13:00 local. */
    patelLunchBlock: number;
    /** Ana Diaz's past visit (a week ago). */
    anaPastVisit: number;
  };
  /** The local date (YYYY-MM-DD, America/New_York) of "next weekday" above. */
  nextWeekday: string;
}

const BROOKLYN = 101;
const MANHATTAN = 102;
const LEE = 201;
const PATEL = 202;
const KIM = 203;
const NGUYEN = 204;
const REYES = 205;
const B_CHAIR1 = 301;
const B_CHAIR2 = 302;
const M_ROOM_A = 303;
const M_ROOM_B = 304;

const typeIds = (base: number): SeedTypeIds => ({
  cleaning: base,
  newPatientExam: base + 1,
  emergency: base + 2,
  consultation: base + 3,
  filling: base + 4,
});
const BROOKLYN_TYPES = typeIds(401);
const MANHATTAN_TYPES = typeIds(411);
/** Every appointment type of one office. */
const allTypes = (ids: SeedTypeIds): number[] => [ids.cleaning, ids.newPatientExam, ids.emergency, ids.consultation, ids.filling];

const WEEKDAYS_MF: Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function appointmentTypes(): AppointmentType[] {
  const make = (ids: SeedTypeIds, locationId: number): AppointmentType[] => [
    { id: ids.cleaning, name: 'Cleaning', minutes: 60 },
    { id: ids.newPatientExam, name: 'New Patient Exam', minutes: 60 },
    { id: ids.emergency, name: 'Emergency', minutes: 30 },
    { id: ids.consultation, name: 'Consultation', minutes: 30 },
    { id: ids.filling, name: 'Filling', minutes: 60 },
  ].map((type) => ({ ...type, parent_type: 'Location' as const, parent_id: locationId, bookable_online: true }));
  return [...make(BROOKLYN_TYPES, BROOKLYN), ...make(MANHATTAN_TYPES, MANHATTAN)];
}

function availabilities(): Availability[] {
  const rows: Omit<Availability, 'id' | 'synced'>[] = [
    // Brooklyn maps by operatory: every availability names a chair.
    { provider_id: LEE, operatory_id: B_CHAIR1, location_id: BROOKLYN, begin_time: '08:00', end_time: '17:00', days: ['Monday', 'Tuesday', 'Wednesday'], specific_date: null, appointment_type_ids: allTypes(BROOKLYN_TYPES), active: true },
    { provider_id: PATEL, operatory_id: B_CHAIR2, location_id: BROOKLYN, begin_time: '09:00', end_time: '17:00', days: WEEKDAYS_MF, specific_date: null, appointment_type_ids: allTypes(BROOKLYN_TYPES), active: true },
    { provider_id: NGUYEN, operatory_id: B_CHAIR1, location_id: BROOKLYN, begin_time: '08:00', end_time: '12:00', days: ['Thursday', 'Friday'], specific_date: null, appointment_type_ids: [BROOKLYN_TYPES.cleaning, BROOKLYN_TYPES.filling, BROOKLYN_TYPES.emergency], active: true },
    { provider_id: NGUYEN, operatory_id: B_CHAIR1, location_id: BROOKLYN, begin_time: '09:00', end_time: '12:00', days: ['Saturday'], specific_date: null, appointment_type_ids: [BROOKLYN_TYPES.cleaning, BROOKLYN_TYPES.emergency], active: true },
    // Manhattan does not map by operatory.
    { provider_id: LEE, operatory_id: null, location_id: MANHATTAN, begin_time: '08:00', end_time: '16:00', days: ['Thursday', 'Friday'], specific_date: null, appointment_type_ids: allTypes(MANHATTAN_TYPES), active: true },
    { provider_id: KIM, operatory_id: null, location_id: MANHATTAN, begin_time: '08:00', end_time: '17:00', days: WEEKDAYS_MF, specific_date: null, appointment_type_ids: allTypes(MANHATTAN_TYPES), active: true },
    { provider_id: NGUYEN, operatory_id: null, location_id: MANHATTAN, begin_time: '13:00', end_time: '17:00', days: ['Monday', 'Tuesday', 'Wednesday'], specific_date: null, appointment_type_ids: [MANHATTAN_TYPES.consultation, MANHATTAN_TYPES.newPatientExam, MANHATTAN_TYPES.emergency], active: true },
    // An inactive one: must never produce slots.
    { provider_id: KIM, operatory_id: null, location_id: MANHATTAN, begin_time: '17:00', end_time: '20:00', days: ['Tuesday'], specific_date: null, appointment_type_ids: allTypes(MANHATTAN_TYPES), active: false },
  ];
  return rows.map((row, index) => ({ ...row, id: 501 + index, synced: true }));
}

/** The first Monday–Friday local date strictly after today (in the practice's zone). */
function nextWeekday(now: Date): DateTime {
  let day = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').plus({ days: 1 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day;
}

export function buildSeed(now: Date): { state: State; summary: SeedSummary } {
  const stamp = DateTime.fromJSDate(now).minus({ years: 1 }).toUTC().toISO() ?? '';
  const nowIso = now.toISOString();
  const locations: Location[] = [
    { id: BROOKLYN, institution_id: 1, name: 'Brooklyn Office', tz: ZONE, street_address: '245 Atlantic Ave', street_address_2: 'Suite 3', city: 'Brooklyn', state: 'NY', zip_code: '11201', country_code: 'US', phone_number: '7185550142', email: 'brooklyn@demo-dental.example', map_by_operatory: true, insert_appt_client: true, set_availability_by_operatory: true, inactive: false },
    { id: MANHATTAN, institution_id: 1, name: 'Manhattan Office', tz: ZONE, street_address: '150 W 34th St', street_address_2: 'Floor 9', city: 'New York', state: 'NY', zip_code: '10001', country_code: 'US', phone_number: '2125550178', email: 'manhattan@demo-dental.example', map_by_operatory: false, insert_appt_client: true, set_availability_by_operatory: false, inactive: false },
  ];
  const providers: Provider[] = [
    { id: LEE, first_name: 'Sarah', last_name: 'Lee', suffix: 'DDS', npi: '1234567890', specialty: 'General Dentistry', inactive: false, requestable: true, location_ids: [BROOKLYN, MANHATTAN] },
    { id: PATEL, first_name: 'Raj', last_name: 'Patel', suffix: 'DMD', npi: '1234567891', specialty: 'General Dentistry', inactive: false, requestable: true, location_ids: [BROOKLYN] },
    { id: KIM, first_name: 'Emily', last_name: 'Kim', suffix: 'DDS', npi: '1234567892', specialty: 'Endodontics', inactive: false, requestable: true, location_ids: [MANHATTAN] },
    { id: NGUYEN, first_name: 'Marcus', last_name: 'Nguyen', suffix: 'DDS', npi: '1234567893', specialty: 'General Dentistry', inactive: false, requestable: true, location_ids: [BROOKLYN, MANHATTAN] },
    // Books only through the front desk: NexHealth's online booking does not offer her.
    { id: REYES, first_name: 'Dana', last_name: 'Reyes', suffix: 'RDH', npi: '1234567894', specialty: 'Dental Hygiene', inactive: false, requestable: false, location_ids: [BROOKLYN] },
  ];
  const types = appointmentTypes();
  const operatories: Operatory[] = [
    { id: B_CHAIR1, name: 'Chair 1', location_id: BROOKLYN, active: true, bookable_online: true, appointment_type_ids: allTypes(BROOKLYN_TYPES) },
    { id: B_CHAIR2, name: 'Chair 2', location_id: BROOKLYN, active: true, bookable_online: true, appointment_type_ids: allTypes(BROOKLYN_TYPES) },
    { id: M_ROOM_A, name: 'Room A', location_id: MANHATTAN, active: true, bookable_online: true, appointment_type_ids: allTypes(MANHATTAN_TYPES) },
    { id: M_ROOM_B, name: 'Room B', location_id: MANHATTAN, active: true, bookable_online: true, appointment_type_ids: allTypes(MANHATTAN_TYPES) },
  ];
  const patients: Patient[] = patientSeeds.map((seed, index) => ({
    id: 1001 + index,
    first_name: seed.first,
    middle_name: null,
    last_name: seed.last,
    email: seed.email,
    bio: { date_of_birth: seed.dob, phone_number: seed.phone, cell_phone_number: seed.phone, gender: seed.gender, city: seed.city, state: 'NY', zip_code: seed.zip },
    inactive: false,
    location_ids: seed.locations === 'both' ? [BROOKLYN, MANHATTAN] : [seed.locations === 'brooklyn' ? BROOKLYN : MANHATTAN],
    provider_id: seed.locations === 'manhattan' ? KIM : PATEL,
    foreign_id: `pat-${1001 + index}`,
    non_patient: seed.nonPatient ?? false,
    created_at: stamp,
    updated_at: stamp,
  }));
  const idOf = (first: string, last: string, dob?: string): number => {
    const found = patients.find((p) => p.first_name === first && p.last_name === last && (!dob || p.bio.date_of_birth === dob));
    if (!found) throw new Error(`seed patient missing: ${first} ${last}`);
    return found.id;
  };
  const mariaIds = patients.filter((p) => p.first_name === 'Maria' && p.last_name === 'Garcia').map((p) => p.id);

  const day = nextWeekday(now);
  const at = (date: DateTime, hhmm: string): Date => {
    const [hour, minute] = hhmm.split(':').map(Number);
    return date.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  };
  const base = (id: number, fields: Partial<Appointment> & Pick<Appointment, 'provider_id' | 'location_id' | 'start' | 'end'>): Appointment => ({
    id,
    patient_id: null,
    operatory_id: null,
    appointment_type_id: null,
    note: null,
    confirmed: true,
    cancelled: false,
    cancelled_at: null,
    patient_missed: false,
    unavailable: false,
    deleted: false,
    foreign_id: `ext-${id}`,
    foreign_id_type: 'sandbox',
    last_sync_time: nowIso,
    is_new_clients_patient: false,
    created_at: stamp,
    updated_at: stamp,
    insertion: 'seeded',
    ...fields,
  });
  const anaDiaz = idOf('Ana', 'Diaz');
  const lastWeek = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').minus({ days: 7 });
  const appointments: Appointment[] = [
    base(9001, { patient_id: idOf('David', 'Cohen'), provider_id: PATEL, location_id: BROOKLYN, operatory_id: B_CHAIR2, appointment_type_id: BROOKLYN_TYPES.cleaning, start: at(day, '09:00'), end: at(day, '10:00') }),
    base(9002, { patient_id: idOf('Grace', 'Okafor'), provider_id: KIM, location_id: MANHATTAN, operatory_id: M_ROOM_A, appointment_type_id: MANHATTAN_TYPES.consultation, start: at(day, '10:00'), end: at(day, '10:30') }),
    base(9003, { patient_id: idOf('Liam', "O'Brien"), provider_id: KIM, location_id: MANHATTAN, operatory_id: M_ROOM_A, appointment_type_id: MANHATTAN_TYPES.emergency, start: at(day, '11:00'), end: at(day, '11:30'), cancelled: true, cancelled_at: nowIso }),
    base(9004, { provider_id: PATEL, location_id: BROOKLYN, operatory_id: B_CHAIR2, unavailable: true, note: 'Lunch', start: at(day, '12:00'), end: at(day, '13:00') }),
    base(9005, { patient_id: anaDiaz, provider_id: LEE, location_id: BROOKLYN, operatory_id: B_CHAIR1, appointment_type_id: BROOKLYN_TYPES.cleaning, start: at(lastWeek, '10:00'), end: at(lastWeek, '11:00') }),
  ];

  const state: State = {
    institution: { id: 1, name: 'Demo Dental Group', subdomain: DEMO_SUBDOMAIN },
    locations,
    providers,
    operatories,
    appointmentTypes: types,
    availabilities: availabilities(),
    patients,
    appointments,
    webhookEndpoints: [],
    webhookSubscriptions: [],
    // One synchronizer per office, so one can go offline alone.
    syncs: [
      { id: 701, name: 'Brooklyn server', emr: 'dentrix', location_ids: [BROOKLYN], read_status: 'green', read_status_at: nowIso, write_status: 'green', write_status_at: nowIso },
      { id: 702, name: 'Manhattan server', emr: 'dentrix', location_ids: [MANHATTAN], read_status: 'green', read_status_at: nowIso, write_status: 'green', write_status_at: nowIso },
    ],
    nextId: { appointmentType: 421, availability: 601, patient: 1001 + patients.length, appointment: 9101, webhookEndpoint: 1, webhookSubscription: 1 },
  };
  const summary: SeedSummary = {
    institutionId: 1,
    subdomain: DEMO_SUBDOMAIN,
    locations: { brooklyn: BROOKLYN, manhattan: MANHATTAN },
    providers: { sarahLee: LEE, rajPatel: PATEL, emilyKim: KIM, marcusNguyen: NGUYEN, danaReyes: REYES },
    operatories: { brooklynChair1: B_CHAIR1, brooklynChair2: B_CHAIR2, manhattanRoomA: M_ROOM_A, manhattanRoomB: M_ROOM_B },
    appointmentTypes: { brooklyn: BROOKLYN_TYPES, manhattan: MANHATTAN_TYPES },
    patients: {
      anaDiaz,
      johnSmith1980: idOf('John', 'Smith', '1980-07-15'),
      johnSmith1992: idOf('John', 'Smith', '1992-11-02'),
      mariaGarciaA: mariaIds[0] ?? 0,
      mariaGarciaB: mariaIds[1] ?? 0,
      davidCohen: patients.find((p) => p.last_name === 'Cohen' && !p.non_patient)?.id ?? 0,
      cohenGuarantor: patients.find((p) => p.last_name === 'Cohen' && p.non_patient)?.id ?? 0,
      all: patients.map((p) => p.id),
    },
    appointments: { patelNextWeekday0900: 9001, kimNextWeekday1000: 9002, kimCancelled1100: 9003, patelLunchBlock: 9004, anaPastVisit: 9005 },
    nextWeekday: day.toISODate() ?? '',
  };
  return { state, summary };
}
