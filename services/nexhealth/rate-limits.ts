// NexHealth's documented limits per API key (docs.nexhealth.com/v2.2.2/reference/rate-limiting):
// 100 requests a second, except GET /appointments and GET /appointment_slots at 10 a second;
// 1,000 a minute for the patients and appointments endpoints; 2,000 a minute for the others.
// The client paces itself by them and the sandbox enforces them, from this one description.
import { SlidingWindow } from './rate-limiter';

export interface NexHealthLimits {
  /** Every request of the key. */
  perSecond: number;
  /** Each of GET /appointments and the slot searches (v2 /appointment_slots, v3 /available_slots). */
  listReadsPerSecond: number;
  /** The patients and appointments endpoints, together. */
  patientsAndAppointmentsPerMinute: number;
  /** Every other endpoint, together. */
  otherPerMinute: number;
  /** How long "a second" and "a minute" are: the documented values, shorter in tests. */
  secondMs: number;
  minuteMs: number;
}

export const DOCUMENTED_LIMITS: Readonly<NexHealthLimits> = Object.freeze({
  perSecond: 100,
  listReadsPerSecond: 10,
  patientsAndAppointmentsPerMinute: 1_000,
  otherPerMinute: 2_000,
  secondMs: 1_000,
  minuteMs: 60_000,
});

const TEN_A_SECOND_ROUTES = new Set(['/appointments', '/appointment_slots', '/available_slots']);
const PATIENTS_OR_APPOINTMENTS = /^\/(patients|appointments)(\/|$)/;

/** The windows of one API key; `windowsFor` names the ones a request counts against. */
export class KeyBudget {
  private readonly overall: SlidingWindow;
  private readonly patientsAndAppointments: SlidingWindow;
  private readonly other: SlidingWindow;
  private readonly listReads = new Map<string, SlidingWindow>();

  constructor(readonly limits: Readonly<NexHealthLimits> = DOCUMENTED_LIMITS) {
    this.overall = new SlidingWindow(limits.perSecond, limits.secondMs);
    this.patientsAndAppointments = new SlidingWindow(limits.patientsAndAppointmentsPerMinute, limits.minuteMs);
    this.other = new SlidingWindow(limits.otherPerMinute, limits.minuteMs);
    for (const route of TEN_A_SECOND_ROUTES) this.listReads.set(route, new SlidingWindow(limits.listReadsPerSecond, limits.secondMs));
  }

  /** `route` is the path without ids' values where it has them (/appointments/:id) or the bare path. */
  windowsFor(method: string, route: string): SlidingWindow[] {
    const windows = [this.overall];
    const listRead = method.toUpperCase() === 'GET' ? this.listReads.get(route) : undefined;
    if (listRead) windows.push(listRead);
    windows.push(PATIENTS_OR_APPOINTMENTS.test(route) ? this.patientsAndAppointments : this.other);
    return windows;
  }

  /** For a server: counts the request against every window it belongs to, false when one is full. */
  admit(method: string, route: string, now: number): boolean {
    const windows = this.windowsFor(method, route);
    if (windows.some((window) => window.waitMs(now) > 0)) return false;
    for (const window of windows) window.admit(now);
    return true;
  }
}
