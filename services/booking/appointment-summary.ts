// How an appointment (booked or about to be) is described to the patient, in one place: the
// confirmation, the list of upcoming appointments and the cancel and reschedule messages all use it.
import type { AppointmentType, Location, Provider } from '../nexhealth';
import { formatSlotTime } from './format';
import { providerName } from './provider-name';

export interface AppointmentFacts {
  appointmentTypeId?: number | null;
  providerId?: number | null;
  /** ISO 8601 start */
  start?: string;
}

export interface AppointmentSummary {
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" */
  text: string;
  /** "Cleaning" */
  type: string;
  /** "Tue, Dec 1 at 2:30 PM" (in the location's zone), or '' when no time is known yet */
  when: string;
}

export function summarizeAppointment(
  reference: { location: Location; appointmentTypes: AppointmentType[]; providers: Provider[] },
  facts: AppointmentFacts,
): AppointmentSummary {
  const type = reference.appointmentTypes.find((candidate) => candidate.id === facts.appointmentTypeId)?.name ?? 'Appointment';
  const provider = reference.providers.find((candidate) => candidate.id === facts.providerId);
  const when = facts.start ? formatSlotTime(facts.start, reference.location.tz) : '';
  const text = [provider ? `${type} with ${providerName(provider)}` : type, when, reference.location.name].filter(Boolean).join(', ');
  return { text, type, when };
}
