// What the sandbox holds after a load run: patients made beforehand, appointments, double bookings,
// duplicate patients, through the NexHealth API as any client (the admin API for counters).
import { NexHealthClient, type Appointment } from '../../services/nexhealth';
import { systemClock } from '../../services/clock';
import { createLogger } from '../../services/logger';
import { SandboxAdmin } from '../../test/support/sandbox';
import type { LoadPatient } from './patients';

export const BROOKLYN = 101;
const HORIZON_DAYS = 45;

export function benchClient(sandboxUrl: string): NexHealthClient {
  return new NexHealthClient({ baseUrl: sandboxUrl, apiKey: 'sandbox-api-key', subdomain: 'demo-dental', clock: systemClock, logger: createLogger({ level: 'silent' }) });
}

/** Puts every patient on record, so the load books existing patients only. */
export async function createPatients(client: NexHealthClient, patients: LoadPatient[]): Promise<void> {
  const providerId = (await client.listProviders(BROOKLYN))[0]?.id ?? 0;
  await Promise.all(patients.map((who) => client.createPatient({
    locationId: BROOKLYN, providerId, gender: 'Female', firstName: who.first, lastName: who.last, dateOfBirth: who.dateOfBirth, email: who.email, phoneNumber: who.phone,
  })));
}

export interface Outcome {
  /** Non-cancelled appointments of the load's patients. */
  created: number;
  doubleBooked: number;
  duplicatePatients: number;
}

async function appointments(client: NexHealthClient): Promise<Appointment[]> {
  const start = new Date();
  const end = new Date(start.getTime() + HORIZON_DAYS * 86_400_000);
  return client.listAppointments({ locationId: BROOKLYN, start: start.toISOString(), end: end.toISOString() });
}

export async function outcome(client: NexHealthClient, patients: LoadPatient[]): Promise<Outcome> {
  const onRecord = await client.searchPatients({ locationId: BROOKLYN });
  const ours = onRecord.filter((patient) => patients.some((who) => who.first === patient.first_name && who.last === patient.last_name && who.dateOfBirth === patient.bio?.date_of_birth));
  const ids = new Set(ours.map((patient) => patient.id));
  const byIdentity = new Map<string, number>();
  for (const patient of ours) {
    const key = `${patient.first_name}|${patient.last_name}|${patient.bio?.date_of_birth ?? ''}`;
    byIdentity.set(key, (byIdentity.get(key) ?? 0) + 1);
  }
  const live = (await appointments(client)).filter((appointment) => !appointment.cancelled && !appointment.canceled && !appointment.unavailable);
  const byChair = new Map<string, number>();
  for (const appointment of live) {
    const key = `${appointment.provider_id}|${new Date(appointment.start_time).getTime()}`;
    byChair.set(key, (byChair.get(key) ?? 0) + 1);
  }
  return {
    created: live.filter((appointment) => ids.has(appointment.patient_id)).length,
    doubleBooked: [...byChair.values()].filter((count) => count > 1).reduce((sum, count) => sum + count - 1, 0),
    duplicatePatients: [...byIdentity.values()].reduce((sum, count) => sum + count - 1, 0),
  };
}

export interface CallCounts { total: number; byRoute: Record<string, number>; rateLimited: number }

export async function callCounts(admin: SandboxAdmin): Promise<CallCounts> {
  const byRoute = await admin.counters();
  const refused = await admin.rateLimited();
  return {
    total: Object.values(byRoute).reduce((sum, count) => sum + count, 0),
    byRoute,
    rateLimited: Object.values(refused).reduce((sum, count) => sum + count, 0),
  };
}
