// Who the patient is: finding their record from what they said, or making a new one (once).
import type { NexHealthClient } from '../nexhealth';
import type { NewPatientIdentity } from './booking-service';
import { matchPatient, phoneKey, type PatientIdentity, type PatientMatch } from './patient-match';
import type { Schedule } from './schedule';

/** Longest names some record systems keep (Dentrix: first 15, last 20); longer ones are cut there anyway. */
const MAX_FIRST_NAME = 15;
const MAX_LAST_NAME = 20;

/** Cut to what the record system keeps, so a repeated registration matches the record it made. */
function recordName(firstName: string, lastName: string): { firstName: string; lastName: string } {
  return { firstName: firstName.trim().slice(0, MAX_FIRST_NAME).trim(), lastName: lastName.trim().slice(0, MAX_LAST_NAME).trim() };
}

export class Patients {
  constructor(private readonly client: NexHealthClient, private readonly schedule: Schedule) {}

  async identify(locationId: number, identity: PatientIdentity, options: { requireContact?: boolean } = {}): Promise<PatientMatch> {
    // inactive and non_patient false, as the docs recommend for records that will be booked.
    const candidates = await this.client.searchPatients({ locationId, name: identity.lastName, dateOfBirth: identity.dateOfBirth, inactive: false, nonPatient: false });
    return matchPatient(candidates, identity, options);
  }

  /**
   * Before appointments are shown or changed: name, birth date AND a matching phone or email, at
   * any of the practice's locations (a record may be searchable at one location only).
   */
  async identifyForAppointments(identity: PatientIdentity): Promise<PatientMatch> {
    let result: PatientMatch = { kind: 'none' };
    for (const location of await this.schedule.locations()) {
      result = await this.identify(location.id, identity, { requireContact: true });
      if (result.kind === 'found') return result;
    }
    return result;
  }

  /**
   * Creates the patient; NexHealth returns the existing record instead of a duplicate. The API
   * requires a provider: the one chosen, else the location's first bookable one.
   */
  async register(locationId: number, identity: NewPatientIdentity, providerId?: number | 'any'): Promise<number> {
    const provider = typeof providerId === 'number' ? providerId : (await this.schedule.reference(locationId)).providers[0]?.id;
    if (provider === undefined) throw new Error('no bookable provider at this location');
    const { patient } = await this.client.createPatient({
      locationId,
      providerId: provider,
      ...recordName(identity.firstName, identity.lastName),
      dateOfBirth: identity.dateOfBirth,
      email: identity.email.trim().toLowerCase(),
      // NANP numbers as NexHealth keeps them: ten digits, no +1.
      phoneNumber: phoneKey(identity.phone) ?? '',
      gender: identity.gender,
    });
    return patient.id;
  }
}
