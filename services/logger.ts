// One pino logger for the process. Patient fields are redacted wherever they appear, so a careless
// log call cannot leak a name, date of birth, phone number or email.
import pino, { type Logger } from 'pino';
import { currentLogContext } from './log-context';

// `name` alone is left out (loggers and errors have names too): whole patient and user objects are
// redacted instead, which covers their `name`.
const patientFields = [
  'first_name', 'last_name', 'middle_name', 'firstName', 'lastName',
  'email', 'phone', 'phone_number', 'cell_phone_number', 'phoneNumber',
  'date_of_birth', 'dateOfBirth', 'dob', 'bio', 'patient', 'patients', 'user', 'text', 'draft',
];

export const redactPaths = [
  ...patientFields,
  ...patientFields.map((field) => `*.${field}`),
  ...patientFields.map((field) => `*.*.${field}`),
];

/** `destination`: where lines go (stdout by default; tests read them from a stream). */
export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino({
    name: options.name ?? 'booking-bot',
    level: options.level ?? 'info',
    redact: { paths: redactPaths, censor: '[redacted]' },
    // Inside a turn, every line says which conversation (keyed hash) and which dialog step.
    mixin: () => ({ ...currentLogContext() }),
  }, options.destination ?? pino.destination(1));
}

export type { Logger };
