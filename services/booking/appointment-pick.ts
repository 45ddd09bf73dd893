// Which of the patient's appointments a message means: "2", "the second one", "the Tuesday one",
// "Tuesday at 2:30", or a tapped label. Pure; the times are matched as offered slots are.
import { pickOffered, type PreferenceWindows } from './slot-ranking';

export interface AppointmentPick {
  /** 1-based position in the list shown */
  choice?: number;
  when?: PreferenceWindows;
}

export function pickAppointment<T extends { start: string }>(appointments: T[], pick: AppointmentPick): T | undefined {
  if (pick.choice !== undefined) return appointments[pick.choice - 1];
  if (pick.when && pick.when.windows.length > 0) return pickOffered(appointments, pick.when);
  return undefined;
}
