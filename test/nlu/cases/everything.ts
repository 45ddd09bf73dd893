import type { Case } from '../reference';

export const combined: Case[] = [
  {
    text: "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon",
    expect: { intent: 'book', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', type: 'Cleaning', when: { covers: ['2026-12-01T14:00'], notCovers: ['2026-12-01T10:00'] } },
  },
  {
    text: 'Ana Diaz, 03/04/1990, ana@diaz.com, cleaning with Dr Lee at the Brooklyn office tomorrow morning',
    expect: { intent: 'book', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', email: 'ana@diaz.com', type: 'Cleaning', provider: 'Dr. Sarah Lee', location: 'Brooklyn', when: { covers: ['2026-11-25T09:00'] } },
  },
  {
    text: 'hi this is José García, dob 12-25-85, cell (917) 555-0143. My tooth hurts, can I come in today?',
    expect: { intent: 'book', firstName: 'José', lastName: 'García', dateOfBirth: '1985-12-25', phone: '+19175550143', type: 'Emergency', when: { covers: ['2026-11-24T15:00'] } },
  },
  {
    text: 'My name is Lee Kim and I want to see Dr. Patel in Manhattan',
    expect: { intent: 'book', firstName: 'Lee', lastName: 'Kim', provider: 'Dr. Raj Patel', location: 'Manhattan' },
  },
  {
    text: 'Book a consultation for Tom Baker, born March 4 1980, phone 5552013344, any doctor, Friday after 2',
    expect: { intent: 'book', dateOfBirth: '1980-03-04', phone: '+15552013344', type: 'Consultation', provider: 'any', when: { covers: ['2026-11-27T15:00'], notCovers: ['2026-11-27T10:00'] } },
  },
  {
    text: 'Diaz, Ana 1990-03-04 555 201 3344',
    expecting: 'name',
    expect: { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344' },
  },
  {
    text: 'new patient, Sam Lee, dob 7/4/76, want an exam in brooklyn next week',
    expect: { intent: 'book', firstName: 'Sam', lastName: 'Lee', dateOfBirth: '1976-07-04', type: 'New Patient Exam', location: 'Brooklyn', when: { covers: ['2026-12-02T10:00'] } },
  },
  {
    text: 'I am Ana Diaz born in 1990 on december 4th and I would like to come in on december 4th',
    expect: { intent: 'book', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-12-04', when: { covers: ['2026-12-04T12:00'], notCovers: ['2026-12-03T12:00'] } },
  },
  {
    text: 'reschedule my appointment, I am Ana Diaz 3/4/1990, to next Monday',
    expect: { intent: 'reschedule', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', when: { covers: ['2026-11-30T12:00'] } },
  },
  {
    text: 'cancel my appointment please, Ana Diaz, 3/4/1990, ana@diaz.com',
    expect: { intent: 'cancel', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', email: 'ana@diaz.com' },
  },
  {
    text: 'Ana Diaz 555-201-3344',
    expecting: 'contact',
    expect: { firstName: 'Ana', lastName: 'Diaz', phone: '+15552013344' },
  },
];

export const noise: Case[] = [
  { text: 'lorem ipsum '.repeat(900), expect: { intent: 'none' } },
  { text: '<script>alert("x")</script>', expect: { intent: 'none' } },
  { text: '<p>hello <b>there</b></p>', expect: { intent: 'none' } },
  { text: "'; DROP TABLE patients; --", expect: { intent: 'none' } },
  { text: "Robert'); DELETE FROM appointments WHERE 1=1; --", expect: { intent: 'none' } },
  { text: '¿Puedo hacer una cita para mañana?', expect: { intent: 'none' } },
  { text: '歯が痛いです', expect: { intent: 'none' } },
  { text: 'Ich möchte einen Termin', expect: { intent: 'none' } },
  { text: '🤷‍♀️🙃', expect: { intent: 'none' } },
  { text: '\u0000\u0001\u0002', expect: { intent: 'none' } },
  { text: '%s%s%s%n', expect: { intent: 'none' } },
  { text: 'asdfghjkl', expect: { intent: 'none' } },
];
