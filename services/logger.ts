// One pino logger for the process. Patient fields are redacted wherever they appear, so a careless
// log call cannot leak a name, date of birth, phone number or email.
import pino, { type Logger } from 'pino';

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

export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'booking-bot',
    level: options.level ?? 'info',
    redact: { paths: redactPaths, censor: '[redacted]' },
  });
}

export type { Logger };
