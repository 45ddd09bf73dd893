import { runCases } from './run-cases';
import type { Case } from './reference';

const TUE_DEC_1 = '2026-12-01T14:00';
const THU = '2026-11-26T12:00';

const cases: Case[] = [
  // booking
  { text: 'book', expect: { intent: 'book' } },
  { text: 'I want to book an appointment', expect: { intent: 'book' } },
  { text: 'Can I schedule a visit?', expect: { intent: 'book' } },
  { text: 'appointment please', expect: { intent: 'book' } },
  { text: 'I need a cleaning', expect: { intent: 'book', type: 'Cleaning' } },
  { text: 'my tooth hurts', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'Good morning! I would like to come in', expect: { intent: 'book' } },
  { text: 'yes I would like to book a cleaning', expect: { intent: 'book', type: 'Cleaning' } },
  { text: 'do you have any openings next week', expect: { intent: 'book', when: { covers: ['2026-12-02T10:00'] } } },
  // listing
  { text: 'my appointments', expect: { intent: 'list' } },
  { text: 'when is my appointment', expect: { intent: 'list' } },
  { text: 'Do I have an appointment coming up?', expect: { intent: 'list' } },
  { text: 'what time is my appt', expect: { intent: 'list' } },
  { text: 'show my upcoming appointments', expect: { intent: 'list' } },
  // cancelling and rescheduling
  { text: 'cancel my appointment', expect: { intent: 'cancel' } },
  { text: 'I need to cancel', expect: { intent: 'cancel' } },
  { text: 'cancel', expect: { intent: 'cancel' } },
  { text: "I can't make it Tuesday", expect: { intent: 'cancel', when: { covers: [TUE_DEC_1] } } },
  { text: 'reschedule', expect: { intent: 'reschedule' } },
  { text: 'I need to reschedule my cleaning', expect: { intent: 'reschedule', type: 'Cleaning' } },
  { text: 'move my appointment to Thursday', expect: { intent: 'reschedule', when: { covers: [THU], notCovers: ['2026-12-01T12:00'] } } },
  { text: 'can I move my Tuesday appointment to Thursday?', expect: { intent: 'reschedule', when: { covers: [THU], notCovers: ['2026-12-01T12:00'] } } },
  { text: "I can't make it tomorrow, can we do Friday instead", expect: { intent: 'reschedule', when: { covers: ['2026-11-27T12:00'] } } },
  // leaving, restarting, help
  { text: 'nevermind', expecting: 'when', expect: { intent: 'quit' } },
  { text: 'never mind', expecting: 'name', expect: { intent: 'quit' } },
  { text: 'nvm', expecting: 'provider', expect: { intent: 'quit' } },
  { text: 'stop', expecting: 'dateOfBirth', expect: { intent: 'quit' } },
  { text: 'quit', expect: { intent: 'quit' } },
  { text: 'forget it', expecting: 'confirm', expect: { intent: 'quit' } },
  { text: 'cancel', expecting: 'when', expect: { intent: 'quit' } },
  { text: 'cancel that', expecting: 'appointmentType', expect: { intent: 'quit' } },
  { text: 'start over', expecting: 'when', expect: { intent: 'restart' } },
  { text: 'can we start again', expecting: 'contact', expect: { intent: 'restart' } },
  { text: 'restart', expect: { intent: 'restart' } },
  { text: '?', expecting: 'when', expect: { intent: 'help' } },
  { text: 'help', expect: { intent: 'help' } },
  { text: 'what can you do?', expect: { intent: 'help' } },
  { text: 'I need help', expect: { intent: 'help' } },
  // yes and no when confirming
  { text: 'yes', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'yep', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'Sure!', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'ok', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'okay thanks', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'y', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'yes please', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'sounds good', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'book it', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: "that's right", expecting: 'confirm', expect: { intent: 'yes' } },
  { text: '👍', expecting: 'confirm', expect: { intent: 'yes' } },
  { text: 'no', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'nope', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'nah', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'n', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'no thanks', expecting: 'confirm', expect: { intent: 'no' } },
  // corrections: intent 'other' with the corrected value
  { text: 'actually make it Thursday', expecting: 'confirm', expect: { intent: 'other', when: { covers: [THU] } } },
  { text: 'actually make it Thursday', expecting: 'provider', expect: { intent: 'other', when: { covers: [THU] } } },
  { text: 'no, Thursday instead', expecting: 'confirm', expect: { intent: 'other', when: { covers: [THU] } } },
  { text: 'no, with Dr. Patel', expecting: 'confirm', expect: { intent: 'other', provider: 'Dr. Raj Patel' } },
  { text: "no, it's Ana not Anna", expecting: 'confirm', expect: { intent: 'other', firstName: 'Ana' } },
  { text: 'sorry I meant the Manhattan office', expecting: 'confirm', expect: { intent: 'other', location: 'Manhattan' } },
  { text: 'actually my number is 555-201-9999', expecting: 'confirm', expect: { intent: 'other', phone: '+15552019999' } },
  { text: 'wait, make it a filling', expecting: 'confirm', expect: { intent: 'other', type: 'Filling' } },
  { text: 'change it to Friday morning', expecting: 'confirm', expect: { intent: 'other', when: { covers: ['2026-11-27T09:00'], notCovers: ['2026-11-27T14:00'] } } },
  { text: 'no preference', expecting: 'provider', expect: { intent: 'other', provider: 'any' } },
  // nothing to understand
  { text: '', expect: { intent: 'none' } },
  { text: '   \n\t ', expect: { intent: 'none' } },
  { text: 'hi', expect: { intent: 'none' } },
  { text: 'thanks!', expect: { intent: 'none' } },
  { text: '🦷🦷🦷', expect: { intent: 'none' } },
  { text: '...', expect: { intent: 'none' } },
];

describe('nlu: intents', () => runCases(cases));
