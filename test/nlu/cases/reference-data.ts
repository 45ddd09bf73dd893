import type { Case } from '../reference';

export const types: Case[] = [
  { text: 'cleaning', expecting: 'appointmentType', expect: { intent: 'other', type: 'Cleaning' } },
  { text: 'I need my teeth cleaned', expect: { intent: 'book', type: 'Cleaning' } },
  { text: 'hygiene appointment', expect: { intent: 'book', type: 'Cleaning' } },
  { text: 'a checkup', expecting: 'appointmentType', expect: { type: 'New Patient Exam' } },
  { text: 'exam', expecting: 'appointmentType', expect: { type: 'New Patient Exam' } },
  { text: 'new patient exam', expecting: 'appointmentType', expect: { type: 'New Patient Exam' } },
  { text: "I'm new, never been there before", expect: { type: 'New Patient Exam' } },
  { text: 'toothache', expecting: 'appointmentType', expect: { type: 'Emergency' } },
  { text: 'broken tooth', expecting: 'appointmentType', expect: { type: 'Emergency' } },
  { text: 'my face is swollen', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'it is an emergency', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'I cracked a molar', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'consult', expecting: 'appointmentType', expect: { type: 'Consultation' } },
  { text: 'I want a second opinion', expect: { intent: 'book', type: 'Consultation' } },
  { text: 'filling', expecting: 'appointmentType', expect: { type: 'Filling' } },
  { text: 'I think I have a cavity', expect: { intent: 'book', type: 'Filling' } },
  // typos
  { text: 'cleening', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: 'emergancy', expecting: 'appointmentType', expect: { type: 'Emergency' } },
  { text: 'consulation please', expecting: 'appointmentType', expect: { type: 'Consultation' } },
  { text: 'fillling', expecting: 'appointmentType', expect: { type: 'Filling' } },
  { text: 'teeth whitening', expecting: 'appointmentType', expect: {} },
  { text: 'something else', expecting: 'appointmentType', expect: {} },
  { text: 'xyzzy', expecting: 'appointmentType', expect: {} },
];

export const providers: Case[] = [
  { text: 'with Dr. Lee', expect: { provider: 'Dr. Sarah Lee' } },
  { text: 'Dr Lee', expect: { provider: 'Dr. Sarah Lee' } },
  { text: 'doctor patel please', expect: { provider: 'Dr. Raj Patel' } },
  { text: 'can I see Sarah Lee', expect: { provider: 'Dr. Sarah Lee' } },
  { text: 'Lee', expecting: 'provider', expect: { provider: 'Dr. Sarah Lee' } },
  { text: 'kim', expecting: 'provider', expect: { provider: 'Emily Kim, DDS' } },
  { text: 'Emily', expecting: 'provider', expect: { provider: 'Emily Kim, DDS' } },
  { text: 'Dr. Nguyen', expect: { provider: 'Dr. Marcus Nguyen' } },
  { text: 'dr nguen', expect: { provider: 'Dr. Marcus Nguyen' } },
  { text: 'patle', expecting: 'provider', expect: { provider: 'Dr. Raj Patel' } },
  { text: 'any', expecting: 'provider', expect: { provider: 'any' } },
  { text: 'anyone', expecting: 'provider', expect: { provider: 'any' } },
  { text: 'anyone is fine', expect: { provider: 'any' } },
  { text: 'whoever is free', expecting: 'provider', expect: { provider: 'any' } },
  { text: "doesn't matter", expecting: 'provider', expect: { provider: 'any' } },
  { text: 'Dr. Smith', expect: {} },
  { text: 'Jones', expecting: 'provider', expect: {} },
];

export const locations: Case[] = [
  { text: 'the Brooklyn office', expect: { location: 'Brooklyn' } },
  { text: 'brooklyn', expecting: 'location', expect: { location: 'Brooklyn' } },
  { text: 'Manhattan please', expect: { location: 'Manhattan' } },
  { text: 'at the manhattan location', expect: { location: 'Manhattan' } },
  { text: 'brookyln', expecting: 'location', expect: { location: 'Brooklyn' } },
  { text: 'manhatan', expect: { location: 'Manhattan' } },
  { text: 'queens', expecting: 'location', expect: {} },
  { text: 'my tooth is broken', expect: { intent: 'book', type: 'Emergency' } },
];
