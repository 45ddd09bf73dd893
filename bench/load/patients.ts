// The load's patients: all distinct (name, birth date, phone), each asking for a half-day of its own
// among the working days of the next four weeks, a few patients per half-day so they contend.
import { DateTime } from 'luxon';

export interface LoadPatient { first: string; last: string; dateOfBirth: string; phone: string; email: string; when: string }

const FIRST_NAMES = ['Ben', 'Cara', 'Hugo', 'Ivy', 'Finn', 'Gia', 'Omar', 'Ruth', 'Lena', 'Theo', 'Nora', 'Paul', 'Rosa', 'Sam', 'Tara', 'Victor', 'Wendy', 'Xavier', 'Yara', 'Zane'];
const LAST_NAMES = ['Rivera', 'Stone', 'Okafor', 'Brandt', 'Castell', 'Moreau', 'Lindqvist', 'Haddad', 'Kowalski', 'Ferreira', 'Tanaka', 'Mbeki'];
const ZONE = 'America/New_York';
export const PATIENTS_PER_HALF_DAY = 5;

/** Working days from the day after tomorrow on, as the bot reads them ("Tuesday December 22"). */
function halfDays(count: number, now: Date): string[] {
  const windows: string[] = [];
  let day = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').plus({ days: 2 });
  while (windows.length < count) {
    if (day.weekday <= 5) {
      const date = day.toFormat('cccc LLLL d');
      windows.push(`on ${date} morning`, `on ${date} afternoon`);
    }
    day = day.plus({ days: 1 });
  }
  return windows;
}

export function loadPatients(count: number, now: Date): LoadPatient[] {
  const windows = halfDays(Math.ceil(count / PATIENTS_PER_HALF_DAY), now);
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Ben';
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Rivera';
    const dateOfBirth = DateTime.fromISO('1960-01-01').plus({ days: index * 41 }).toISODate() ?? '1960-01-01';
    return {
      first,
      last,
      dateOfBirth,
      phone: `555302${String(1000 + index)}`,
      email: `${first}.${last}${index}@example.com`.toLowerCase(),
      when: windows[Math.floor(index / PATIENTS_PER_HALF_DAY)] ?? 'next week',
    };
  });
}

export function oneMessage(who: LoadPatient): string {
  const [year, month, day] = who.dateOfBirth.split('-');
  return `I'm ${who.first} ${who.last}, born ${Number(month)}/${Number(day)}/${year}, ${who.phone.slice(0, 3)}-${who.phone.slice(3, 6)}-${who.phone.slice(6)}, I'd like a cleaning ${who.when}`;
}
