// Held-out messages: written from the specs before tuning, never tuned on. Not a mocha test:
// `npm run nlu:heldout` prints accuracy per field and over whole messages.
import { understand } from '../../services/nlu';
import { FIELDS, fieldMismatch, referenceContext, type Case, type Field } from './reference';
import { scoreHeldOut2 } from './held-out-2';

export const HELD_OUT: Case[] = [
  // intents
  { text: 'Hi, I would like to make an appointment', expect: { intent: 'book' } },
  { text: 'can I get a teeth cleaning', expect: { intent: 'book', type: 'Cleaning' } },
  { text: 'my tooth hurts really bad', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'When is my next appointment?', expect: { intent: 'list' } },
  { text: 'do i have anything booked', expect: { intent: 'list' } },
  { text: 'I need to cancel my appointment', expect: { intent: 'cancel' } },
  { text: 'can we move my appointment to friday', expect: { intent: 'reschedule', when: { covers: ['2026-11-27T12:00'] } } },
  { text: 'I want to reschedule', expect: { intent: 'reschedule' } },
  { text: 'help', expect: { intent: 'help' } },
  { text: '??', expect: { intent: 'help' } },
  { text: 'never mind', expecting: 'when', expect: { intent: 'quit' } },
  { text: 'stop', expecting: 'name', expect: { intent: 'quit' } },
  { text: 'lets start over', expecting: 'appointmentType', expect: { intent: 'restart' } },
  { text: 'yeah', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'sounds good', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'nah', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'no, Thursday instead', expecting: 'confirm', expect: { intent: 'other', when: { covers: ['2026-11-26T12:00'] } } },
  { text: 'actually make it friday morning', expecting: 'confirm', expect: { intent: 'other', when: { covers: ['2026-11-27T09:00'], notCovers: ['2026-11-27T15:00'] } } },
  // identity
  { text: "I'm Maria Gonzalez", expecting: 'name', expect: { firstName: 'Maria', lastName: 'Gonzalez' } },
  { text: 'this is john smith', expect: { firstName: 'John', lastName: 'Smith' } },
  { text: 'my name is Chloé Dubois', expect: { firstName: 'Chloé', lastName: 'Dubois' } },
  { text: 'Nguyen, Linh', expecting: 'name', expect: { firstName: 'Linh', lastName: 'Nguyen' } },
  { text: "sean o'connor", expecting: 'name', expect: { firstName: 'Sean', lastName: "O'Connor" } },
  { text: 'mary-kate ellis-brown', expecting: 'name', expect: { firstName: 'Mary-Kate', lastName: 'Ellis-Brown' } },
  { text: "I'm looking for an appointment next week", expect: { intent: 'book', when: { covers: ['2026-12-02T10:00'] } } },
  { text: "I'm free on wednesday afternoon", expecting: 'when', expect: { when: { covers: ['2026-11-25T14:00'] } } },
  { text: 'no, it is Ana not Anna', expecting: 'confirm', expect: { intent: 'other', firstName: 'Ana' } },
  // dates of birth
  { text: '7/12/1985', expecting: 'dateOfBirth', expect: { dateOfBirth: '1985-07-12' } },
  { text: 'born 11-30-02', expect: { dateOfBirth: '2002-11-30' } },
  { text: 'dob 1/2/45', expect: { dateOfBirth: '1945-01-02' } },
  { text: 'December 25, 1970', expecting: 'dateOfBirth', expect: { dateOfBirth: '1970-12-25' } },
  { text: 'my birthday is 1999-09-09', expect: { dateOfBirth: '1999-09-09' } },
  { text: 'I was born on the 5th of June 1960', expect: { dateOfBirth: '1960-06-05' } },
  { text: 'born 3/4/2030', expect: {} },
  { text: 'dob 1/1/1890', expect: {} },
  { text: '12/3', expecting: 'when', expect: { when: { covers: ['2026-12-03T12:00'] } } },
  // contact
  { text: '(917) 555-0143', expecting: 'contact', expect: { phone: '+19175550143' } },
  { text: 'you can text me at 555.201.3344', expect: { phone: '+15552013344' } },
  { text: 'Ana.Diaz@Example.COM', expecting: 'contact', expect: { email: 'ana.diaz@example.com' } },
  { text: 'call 1 555 201 3344 or email me at ana@mail.org', expect: { phone: '+15552013344', email: 'ana@mail.org' } },
  // type, provider, location
  { text: 'i need a filling', expect: { intent: 'book', type: 'Filling' } },
  { text: 'consultation', expecting: 'appointmentType', expect: { type: 'Consultation' } },
  { text: 'I chipped my tooth', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'I am a new patient', expect: { type: 'New Patient Exam' } },
  { text: 'cleanning', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: 'a massage', expecting: 'appointmentType', expect: {} },
  { text: 'with Dr. Patel please', expect: { provider: 'Dr. Raj Patel' } },
  { text: 'nguyen', expecting: 'provider', expect: { provider: 'Dr. Marcus Nguyen' } },
  { text: 'Dr Kim', expect: { provider: 'Emily Kim, DDS' } },
  { text: "whoever's available", expecting: 'provider', expect: { provider: 'any' } },
  { text: 'no preference', expecting: 'provider', expect: { provider: 'any' } },
  { text: 'Manhattan office please', expect: { location: 'Manhattan' } },
  { text: 'brooklin', expecting: 'location', expect: { location: 'Brooklyn' } },
  // choice
  { text: '3', expecting: 'choice', expect: { choice: 3 } },
  { text: 'the first one', expecting: 'choice', expect: { choice: 1 } },
  { text: 'option #4', expecting: 'choice', expect: { choice: 4 } },
  // everything at once, confusions
  {
    text: "Hi I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon",
    expect: { intent: 'book', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', type: 'Cleaning', when: { covers: ['2026-12-01T14:00'] } },
  },
  {
    text: 'this is Tom Baker dob 05/06/1975, I need a checkup with Dr Lee in Brooklyn on Friday',
    expect: { intent: 'book', firstName: 'Tom', lastName: 'Baker', dateOfBirth: '1975-05-06', type: 'New Patient Exam', provider: 'Dr. Sarah Lee', location: 'Brooklyn', when: { covers: ['2026-11-27T12:00'] } },
  },
  { text: 'born march 3 1980, want to come in march 3rd', expect: { dateOfBirth: '1980-03-03' , when: { covers: ['2027-03-03T12:00'] } } },
  // garbage
  { text: '', expect: { intent: 'none' } },
  { text: '😀😀😀', expect: { intent: 'none' } },
  { text: "<b>hello</b><script>alert('x')</script>", expect: { intent: 'none' } },
  { text: 'Robert"); DROP TABLE patients;--', expect: { intent: 'none' } },
  { text: 'Quisiera saber el horario', expect: { intent: 'none' } },
];

function main(): void {
  const hits = new Map<Field, number>(FIELDS.map((field) => [field, 0]));
  let whole = 0;
  const failures: string[] = [];
  for (const testCase of HELD_OUT) {
    const result = understand(testCase.text, referenceContext(testCase.expecting));
    const problems: string[] = [];
    for (const field of FIELDS) {
      const problem = fieldMismatch(result, testCase.expect, field);
      if (problem === undefined) hits.set(field, (hits.get(field) ?? 0) + 1);
      else problems.push(problem);
    }
    if (problems.length === 0) whole += 1;
    else failures.push(`  ${JSON.stringify(testCase.text)} (${testCase.expecting ?? '-'}): ${problems.join('; ')}`);
  }
  const total = HELD_OUT.length;
  const percent = (n: number): string => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`NLU held-out: ${total} messages`);
  for (const field of FIELDS) console.log(`  ${field.padEnd(12)} ${percent(hits.get(field) ?? 0)}`);
  console.log(`  all fields   ${percent(whole)} (${whole}/${total} messages entirely right)`);
  if (failures.length > 0) console.log(`misses:\n${failures.join('\n')}`);
  scoreHeldOut2(FIELDS);
}

if (require.main === module) main();
