// What every dialog is given through its constructor (no globals, no process.env).
import type { BookingDraft, BookingService, OpenSlot } from '../services/booking';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { FunnelRecorder } from '../services/metrics';
import type { Appointment } from '../services/nexhealth';
import type { TurnContext } from 'botbuilder';

/** A request NexHealth accepted, with what is needed to tell its result and later office changes. */
export interface AppointmentRequest {
  appointment: Appointment;
  slot: OpenSlot;
  /** "Cleaning with Dr. Sarah Lee, Tue, Dec 1 at 2:30 PM, Brooklyn Office" */
  summary: string;
  /** "Cleaning" */
  type: string;
  timeZone: string;
  draft: BookingDraft;
  /** false: the location never writes it into the record system; the office confirms by itself. */
  awaitsInsertion: boolean;
}

/** Told when an appointment request was accepted by NexHealth, so its result can reach the patient later. */
export interface AppointmentRequestListener {
  appointmentRequested(context: TurnContext, request: AppointmentRequest): Promise<void>;
  /** Whether a request to move this appointment is still waiting for the office. */
  replacementPending(appointmentId: number): Promise<boolean>;
}

export interface DialogServices {
  booking: BookingService;
  clock: Clock;
  logger: Logger;
  /** Records each request NexHealth accepted, so its result reaches the patient later. */
  requests: AppointmentRequestListener;
  /** The booking funnel, for metrics (absent in tests that do not look). */
  funnel?: FunnelRecorder;
}
