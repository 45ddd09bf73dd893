// What a booking has gathered so far, how a message's facts change it, and what to do next.
// Pure: the dialog keeps the draft in conversation state and sequences the side effects.
import type { PatientGender } from './patient-gender';
import type { OpenSlot, PreferenceWindows } from './slot-ranking';

export interface BookingDraft {
  locationId?: number;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  /** Set once the patient record is known (found or created). */
  patientId?: number;
  /** No record matched: a new patient is created once phone and email are known. */
  newPatient?: boolean;
  /** A new patient's sex for their record (asked of new patients only). */
  gender?: PatientGender;
  /** Failed attempts to confirm an identity (three end the flow). */
  identityAttempts?: number;
  appointmentTypeId?: number;
  providerId?: number | 'any';
  when?: PreferenceWindows & { past?: boolean };
  offeredSlots?: OpenSlot[];
  /** Keys of every time offered for the current preference, so "Other times" pages on. */
  seenSlotKeys?: string[];
  chosenSlot?: OpenSlot;
  /** A reschedule: the appointment this booking replaces, cancelled once the new one is confirmed. */
  replaces?: ReplacedAppointment;
}

/** The old appointment of a reschedule, with what the patient is told about it (no lookup needed). */
export interface ReplacedAppointment {
  appointmentId: number;
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" */
  summary: string;
  /** "Tue, Dec 1 at 2:30 PM" */
  when: string;
}

/** The facts a message can carry (a subset of services/nlu's Understanding). */
export interface DraftFacts {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  appointmentTypeId?: number;
  providerId?: number | 'any';
  locationId?: number;
  when?: PreferenceWindows & { past?: boolean };
}

export type DraftField = keyof DraftFacts;

export type NextStep =
  | 'location' | 'name' | 'dateOfBirth' | 'contact' | 'identify' | 'newPatientContact' | 'newPatientGender' | 'register'
  | 'appointmentType' | 'when' | 'offerTimes' | 'confirm';

/**
 * Takes every fact found at once (mixed initiative); a fact that differs from the draft is a
 * correction and clears what depended on it (a new time preference drops the offered times, a new
 * name or birth date drops the matched record).
 */
export function applyFacts(draft: BookingDraft, facts: DraftFacts): { draft: BookingDraft; changed: DraftField[] } {
  const next: BookingDraft = { ...draft };
  const changed: DraftField[] = [];
  const set = <K extends DraftField>(field: K, value: DraftFacts[K] | undefined) => {
    if (value === undefined) return;
    if (JSON.stringify(next[field]) === JSON.stringify(value)) return;
    (next as DraftFacts)[field] = value;
    changed.push(field);
  };
  set('locationId', facts.locationId);
  set('firstName', facts.firstName);
  set('lastName', facts.lastName);
  set('dateOfBirth', facts.dateOfBirth);
  set('phone', facts.phone);
  set('email', facts.email);
  set('appointmentTypeId', facts.appointmentTypeId);
  set('providerId', facts.providerId);
  // A preference that found no date (or only a past one) keeps what we had; the dialog says why.
  if (facts.when && facts.when.windows.length > 0) set('when', facts.when);

  // A different name or birth date may be another person: look the record up again.
  if (changed.some((field) => field === 'firstName' || field === 'lastName' || field === 'dateOfBirth')) {
    next.patientId = undefined;
    next.newPatient = undefined;
    next.gender = undefined;
  }
  if (changed.some((field) => field === 'locationId')) {
    next.appointmentTypeId = facts.appointmentTypeId;
    if (typeof next.providerId === 'number' && facts.providerId === undefined) next.providerId = undefined;
  }
  if (changed.some((field) => field === 'locationId' || field === 'appointmentTypeId' || field === 'providerId' || field === 'when')) {
    next.offeredSlots = undefined;
    next.seenSlotKeys = undefined;
    next.chosenSlot = undefined;
  }
  return { draft: next, changed };
}

/** The first thing still missing, in the order of shared/spec/conversation.md. */
export function nextStep(draft: BookingDraft, practice: { locationCount: number }): NextStep {
  if (draft.locationId === undefined && practice.locationCount > 1) return 'location';
  // A known record (matched, created, or carried over from a refused request) needs no identity.
  if (draft.patientId === undefined) {
    if (!draft.firstName || !draft.lastName) return 'name';
    if (!draft.dateOfBirth) return 'dateOfBirth';
    if (draft.newPatient) {
      if (!draft.phone || !draft.email) return 'newPatientContact';
      return draft.gender ? 'register' : 'newPatientGender';
    }
    if (!draft.phone && !draft.email) return 'contact';
    return 'identify';
  }
  if (draft.appointmentTypeId === undefined) return 'appointmentType';
  if (!draft.when || draft.when.windows.length === 0) return 'when';
  if (!draft.chosenSlot) return 'offerTimes';
  return 'confirm';
}

/** What to ask before appointments are shown or changed: name, birth date and a phone or email, then a check. */
export function identityStep(draft: BookingDraft): 'name' | 'dateOfBirth' | 'contact' | 'identify' {
  if (!draft.firstName || !draft.lastName) return 'name';
  if (!draft.dateOfBirth) return 'dateOfBirth';
  if (!draft.phone && !draft.email) return 'contact';
  return 'identify';
}

/** What a refused request keeps to offer other times at once: no name, birth date or contact. */
export function retryDraft(draft: BookingDraft, refusedSlotKey: string): BookingDraft {
  return {
    locationId: draft.locationId,
    patientId: draft.patientId,
    appointmentTypeId: draft.appointmentTypeId,
    providerId: draft.providerId,
    when: draft.when,
    seenSlotKeys: [refusedSlotKey],
    // A refused reschedule still replaces the same appointment once another time is confirmed.
    ...(draft.replaces ? { replaces: draft.replaces } : {}),
  };
}

/** Forgets the contact given (after it failed to confirm a record, before asking again). */
export function withoutContact(draft: BookingDraft): BookingDraft {
  return { ...draft, phone: undefined, email: undefined };
}

/** The patient's identity as the draft holds it (missing parts empty), for a lookup or a new record. */
export function draftIdentity(draft: BookingDraft): { firstName: string; lastName: string; dateOfBirth: string; phone?: string; email?: string } {
  return { firstName: draft.firstName ?? '', lastName: draft.lastName ?? '', dateOfBirth: draft.dateOfBirth ?? '', phone: draft.phone, email: draft.email };
}
