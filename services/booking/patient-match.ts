// Deciding which patient record a person is, from what they told us. Pure: the search results come in.
import type { Patient } from '../nexhealth';

export interface PatientIdentity {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** E.164 */
  phone?: string;
  email?: string;
}

export type PatientMatch =
  | { kind: 'found'; patientId: number }
  | { kind: 'none' }
  /** Several records share name and date of birth: a phone or email must tell them apart. */
  | { kind: 'ambiguous'; candidates: number }
  /** Name and date of birth match, but the phone or email given matches none of those records. */
  | { kind: 'unconfirmed' };

/** Case, accents and punctuation do not make two names different ("José" = "jose"). */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The last ten digits: +1 (555) 201-3344, 5552013344 and 15552013344 are one number. */
export function phoneKey(phone: string | null | undefined): string | undefined {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : undefined;
}

function hasContact(patient: Patient, identity: PatientIdentity): boolean {
  const wantedPhone = phoneKey(identity.phone);
  const phones = [patient.bio?.phone_number, patient.bio?.cell_phone_number].map(phoneKey).filter(Boolean);
  const phoneMatches = wantedPhone !== undefined && phones.includes(wantedPhone);
  const emailMatches = identity.email !== undefined && (patient.email ?? '').toLowerCase() === identity.email.toLowerCase();
  return phoneMatches || emailMatches;
}

/**
 * Name and date of birth must match exactly (after normalising). One such record is the patient
 * (unless `requireContact`, used before showing or changing appointments); several are told apart
 * by phone or email.
 */
export function matchPatient(candidates: Patient[], identity: PatientIdentity, options: { requireContact?: boolean } = {}): PatientMatch {
  const first = normaliseName(identity.firstName);
  const last = normaliseName(identity.lastName);
  const sameNameAndBirth = candidates.filter((patient) => !patient.inactive
    && normaliseName(patient.first_name) === first
    && normaliseName(patient.last_name) === last
    && patient.bio?.date_of_birth === identity.dateOfBirth);
  if (sameNameAndBirth.length === 0) return { kind: 'none' };
  const contactGiven = identity.phone !== undefined || identity.email !== undefined;
  if (sameNameAndBirth.length === 1 && !options.requireContact) return { kind: 'found', patientId: sameNameAndBirth[0].id };
  if (!contactGiven) return { kind: 'ambiguous', candidates: sameNameAndBirth.length };
  const withContact = sameNameAndBirth.filter((patient) => hasContact(patient, identity));
  if (withContact.length === 1) return { kind: 'found', patientId: withContact[0].id };
  if (withContact.length === 0) return { kind: 'unconfirmed' };
  return { kind: 'ambiguous', candidates: withContact.length };
}
