// How times are written to patients: in the location's zone, "Tue, Dec 1 at 2:30 PM".
import { DateTime } from 'luxon';

export function formatSlotTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).setLocale('en-US').toFormat("ccc, LLL d 'at' h:mm a");
}

export function formatDay(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).setLocale('en-US').toFormat('ccc, LLL d');
}
