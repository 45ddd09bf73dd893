// Issue 17: what a front desk understands in the phrases patients type (tuned on; the held-out-2
// set is not). Reference context: Tue 2026-11-24 10:00 New York.
import type { Case } from '../reference';

export const frontDeskIntentCases: Case[] = [
  // handoff (new in the contract)
  { text: 'can I chat with a real person please', expect: { intent: 'handoff' } },
  { text: 'operator', expect: { intent: 'handoff' } },
  { text: 'is there a live agent', expecting: 'name', expect: { intent: 'handoff' } },
  { text: 'I need to talk to your staff', expect: { intent: 'handoff' } },
  // said indirectly
  { text: 'when am I scheduled?', expect: { intent: 'list' } },
  { text: 'am I still booked for friday?', expect: { intent: 'list', when: { covers: ['2026-11-27T12:00'] } } },
  { text: 'did I schedule something', expect: { intent: 'list' } },
  { text: 'um no', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'well, no', expecting: 'confirm', expect: { intent: 'no' } },
  { text: 'can I come by on thursday', expect: { intent: 'book', when: { covers: ['2026-11-26T12:00'] } } },
  { text: 'got anything tomorrow?', expect: { intent: 'book', when: { covers: ['2026-11-25T12:00'] } } },
  { text: 'please push my visit to monday', expect: { intent: 'reschedule', when: { covers: ['2026-11-30T12:00'] } } },
  // street numbers are not dates
  { text: 'the office on 42nd street', expecting: 'location', expect: {} },
  { text: 'we moved to 120 3rd ave', expect: {} },
  // a checkup with a cleaning is the cleaning
  { text: 'a cleaning and checkup please', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: 'checkup & cleaning', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  // holiday and typed date words reach the date parser
  { text: 'any time after christmas', expecting: 'when', expect: { when: { covers: ['2026-12-28T12:00'], notCovers: ['2026-12-24T12:00'] } } },
  { text: 'thurs aft', expecting: 'when', expect: { when: { covers: ['2026-11-26T14:00'], notCovers: ['2026-11-26T10:00'] } } },
  { text: 'since june', expecting: 'when', expect: { when: { past: true } } },
  { text: 'whatever is first', expecting: 'when', expect: { when: { asap: true } } },
];

export const frontDeskNameCases: Case[] = [
  // names that are also words: written as names, asked for, or cued
  { text: 'June Baker', expecting: 'name', expect: { firstName: 'June', lastName: 'Baker' } },
  { text: 'my name is Will Turner', expect: { firstName: 'Will', lastName: 'Turner' } },
  { text: 'will tuesday work', expecting: 'when', expect: { when: { covers: ['2026-12-01T12:00'] } } },
  { text: 'may I come tomorrow', expect: { intent: 'book', when: { covers: ['2026-11-25T12:00'] } } },
  { text: 'April Stone, 555-201-3344', expect: { firstName: 'April', lastName: 'Stone', phone: '+15552013344' } },
  // "it's" + a full name written with capitals, unprompted
  { text: "it's Ana María López", expect: { firstName: 'Ana María', lastName: 'López' } },
  // spelling hints and spelled-out corrections
  { text: "no, it's Jonn with two n's", expecting: 'confirm', expect: { intent: 'other', firstName: 'Jonn' } },
  { text: 'spelled Steven', expecting: 'confirm', expect: { intent: 'other', firstName: 'Steven' } },
  // particles in "Last, First"; "here" closing a name clause
  { text: 'van der Berg, Anna', expecting: 'name', expect: { firstName: 'Anna', lastName: 'van der Berg' } },
  { text: 'Grace Kim here, 555-201-3344', expect: { firstName: 'Grace', lastName: 'Kim', phone: '+15552013344' } },
];
