// Free-typing held-out set (issue 15), written BLIND on 2026-12-04 from how patients type freely in
// Web Chat: names followed by other words, corrections, moving an appointment named by its type,
// several sentences with two type words, "either is fine" for the office, "the 3" next to a 3:00 PM
// option. Written BEFORE any tuning for it and without reading the NLU tables; scored, never tuned on.
// Same practice and clock as the Spanish set: Thu 2026-12-03 10:00 New York.
// location 'any': the patient accepts either office (issue 15), by analogy with provider 'any'.
// `offered`: the times the bot listed, in order (local); an answer that could be an option number
// or a listed time is asked about, so nothing is expected from it.
import { ALL_LOCATIONS_ES, heldOutEsContext, type CaseEs, type ExpectEs } from './held-out-es';

export const freeTypingContext = heldOutEsContext;

export interface ExpectFreeTyping extends Omit<ExpectEs, 'location'> {
  location?: keyof typeof ALL_LOCATIONS_ES | 'any';
}
export interface CaseFreeTyping extends Omit<CaseEs, 'expect'> { expect: ExpectFreeTyping }

const OFFERED = ['2026-12-08T09:00', '2026-12-08T11:00', '2026-12-08T14:00', '2026-12-08T15:00'];
const NEXT_TUE_PM = { covers: ['2026-12-08T14:00'], notCovers: ['2026-12-08T09:00'] };

export const HELD_OUT_FREE_TYPING: CaseFreeTyping[] = [
  // names followed by other words
  { text: "this is Ana Diaz, ana's email is ana@x.com", expect: { firstName: 'Ana', lastName: 'Diaz', email: 'ana@x.com' } },
  { text: 'Ana Diaz and my number is 555 201 3344', expect: { firstName: 'Ana', lastName: 'Diaz', phone: '+15552013344' } },
  { text: "hi it's Mark Owens and I need a cleaning", expect: { intent: 'book', firstName: 'Mark', lastName: 'Owens', type: 'Cleaning' } },
  { text: 'Tom Baker here, looking to book friday', expect: { intent: 'book', firstName: 'Tom', lastName: 'Baker', when: { covers: ['2026-12-04T12:00'], notCovers: ['2026-12-11T12:00'] } } },
  { text: 'Sam Rivera please book me for tuesday', expect: { intent: 'book', firstName: 'Sam', lastName: 'Rivera', when: { covers: ['2026-12-08T12:00'] } } },
  { text: 'Kevin Moore. Phone is 917-555-0142. Email kmoore@mail.com', expect: { firstName: 'Kevin', lastName: 'Moore', phone: '+19175550142', email: 'kmoore@mail.com' } },
  { text: "jessica alba, jessica's phone is 646 555 0177", expect: { firstName: 'Jessica', lastName: 'Alba', phone: '+16465550177' } },
  { text: 'my name is Lisa Chen and I was born 6/30/1984', expect: { firstName: 'Lisa', lastName: 'Chen', dateOfBirth: '1984-06-30' } },
  { text: "I'm Priya Shah, born 4/12/1991, and I'd like a cleaning next week", expect: { intent: 'book', firstName: 'Priya', lastName: 'Shah', dateOfBirth: '1991-04-12', type: 'Cleaning', when: { covers: ['2026-12-09T12:00'], notCovers: ['2026-12-04T12:00'] } } },
  { text: 'Omar Haddad thanks', expecting: 'name', expect: { firstName: 'Omar', lastName: 'Haddad' } },
  { text: 'Rosa Park, same email as before', expecting: 'name', expect: { firstName: 'Rosa', lastName: 'Park' } },
  // corrections change only what they contradict
  { text: 'no, wednesday instead', expecting: 'confirm', expect: { intent: 'other', when: { covers: ['2026-12-09T12:00'], notCovers: ['2026-12-04T12:00'] } } },
  { text: 'actually make it friday afternoon', expecting: 'confirm', expect: { intent: 'other', when: { covers: ['2026-12-04T14:00'], notCovers: ['2026-12-04T09:00'] } } },
  { text: 'sorry, I meant manhattan', expecting: 'confirm', expect: { intent: 'other', location: 'Manhattan' } },
  { text: 'wait no, with dr patel', expecting: 'confirm', expect: { intent: 'other', provider: 'Dr. Raj Patel' } },
  { text: 'no the last name is Nguyen-Tran', expecting: 'confirm', expect: { intent: 'other', lastName: 'Nguyen-Tran' } },
  { text: 'oops my email is actually dana.k@gmail.com', expect: { email: 'dana.k@gmail.com' } },
  { text: 'not the 3rd, my birthday is 4/3/1990', expecting: 'dateOfBirth', expect: { dateOfBirth: '1990-04-03' } },
  // moving an appointment named by its type is a reschedule, not a booking
  { text: 'could I push my exam to next week?', expect: { intent: 'reschedule', when: { covers: ['2026-12-09T12:00'], notCovers: ['2026-12-04T12:00'] } } },
  { text: 'can I move my cleaning to monday', expect: { intent: 'reschedule', type: 'Cleaning', when: { covers: ['2026-12-07T12:00'] } } },
  { text: 'need to reschedule my filling, something came up', expect: { intent: 'reschedule', type: 'Filling' } },
  { text: 'is it possible to switch my whitening appt to the 15th', expect: { intent: 'reschedule', type: 'Whitening', when: { covers: ['2026-12-15T12:00'] } } },
  { text: "I can't make my consultation friday, can we do monday instead", expect: { intent: 'reschedule', type: 'Consultation', when: { covers: ['2026-12-07T12:00'], notCovers: ['2026-12-04T12:00'] } } },
  { text: 'my cleaning needs to be later in the day, like after 4 on tuesday', expect: { intent: 'reschedule', type: 'Cleaning', when: { covers: ['2026-12-08T16:30'], notCovers: ['2026-12-08T10:00'] } } },
  // several sentences, two type words: the one asked for is meant
  { text: 'My last filling went fine. This time I just need a cleaning.', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: 'Not whitening, a cleaning please', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: "I know you do whitening but I'm here for a cleaning", expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: 'My friend got a filling here. I need a checkup and cleaning.', expecting: 'appointmentType', expect: { type: 'Cleaning' } },
  { text: "I don't need a consultation, just fix my broken filling", expecting: 'appointmentType', expect: { type: 'Filling Repair' } },
  { text: 'a filling please', expecting: 'location', expect: { type: 'Filling' } },
  // the office named twice, or either
  { text: 'Brooklyn. The Brooklyn office is closer to me', expecting: 'location', expect: { location: 'Brooklyn' } },
  { text: 'I live in Manhattan but the Brooklyn office is easier for me', expecting: 'location', expect: { location: 'Brooklyn' } },
  { text: 'either is fine', expecting: 'location', expect: { location: 'any' } },
  { text: "doesn't matter, either office", expecting: 'location', expect: { location: 'any' } },
  { text: 'both work for me', expecting: 'location', expect: { location: 'any' } },
  { text: 'whichever office has the earliest', expecting: 'location', expect: { location: 'any', when: { asap: true } } },
  // "the 3" next to a 3:00 PM option is asked about; unambiguous answers are read
  { text: 'the 3', expecting: 'choice', offered: OFFERED, expect: {} },
  { text: '3', expecting: 'choice', offered: OFFERED, expect: {} },
  { text: 'option 3', expecting: 'choice', offered: OFFERED, expect: { choice: 3 } },
  { text: 'the third one', expecting: 'choice', offered: OFFERED, expect: { choice: 3 } },
  { text: 'the 3pm one', expecting: 'choice', offered: OFFERED, expect: { choice: 4 } },
  { text: '3:00', expecting: 'choice', offered: OFFERED, expect: { choice: 4 } },
  { text: 'do you take delta dental?', expecting: 'choice', offered: OFFERED, expect: {} },
  // everything in one message; a provider said up front is kept
  { text: "I'm Ana Diaz, born 3/4/1990, 555-201-3344, cleaning next Tuesday afternoon", expect: { intent: 'book', firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1990-03-04', phone: '+15552013344', type: 'Cleaning', when: NEXT_TUE_PM } },
  { text: 'with Dr. Nguyen, brooklyn, cleaning next tuesday afternoon', expect: { provider: 'Dr. Marcus Nguyen', location: 'Brooklyn', type: 'Cleaning', when: NEXT_TUE_PM } },
  { text: 'the earliest you have with dr lee', expect: { provider: 'Dr. Sarah Lee', when: { asap: true } } },
  { text: 'Wednesday at 10am', expecting: 'when', expect: { when: { covers: ['2026-12-09T10:00'], notCovers: ['2026-12-09T14:00'] } } },
];
