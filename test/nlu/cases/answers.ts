import type { Case } from '../reference';

export const choices: Case[] = [
  { text: '2', expecting: 'choice', expect: { intent: 'other', choice: 2 } },
  { text: '#2', expecting: 'choice', expect: { choice: 2 } },
  { text: 'option 2', expecting: 'choice', expect: { choice: 2 } },
  { text: 'the second one', expecting: 'choice', expect: { choice: 2 } },
  { text: 'second', expecting: 'choice', expect: { choice: 2 } },
  { text: 'the 3rd one please', expecting: 'choice', expect: { choice: 3 } },
  { text: "I'll take 1", expecting: 'choice', expect: { choice: 1 } },
  { text: 'number five', expecting: 'choice', expect: { choice: 5 } },
  { text: 'first', expecting: 'choice', expect: { choice: 1 } },
  { text: '2:30', expecting: 'choice', expect: { when: { covers: ['2026-11-24T14:30'] } } },
  { text: 'Tuesday at 2:30', expecting: 'choice', expect: { when: { covers: ['2026-12-01T14:30'], notCovers: ['2026-12-01T10:00'] } } },
  { text: '2pm', expecting: 'choice', expect: { when: { covers: ['2026-11-24T14:00'] } } },
  { text: 'other times', expecting: 'choice', expect: {} },
  { text: '2', expect: {} },
];

export const whenAnswers: Case[] = [
  { text: 'next Tuesday afternoon', expecting: 'when', expect: { intent: 'other', when: { covers: ['2026-12-01T14:00'], notCovers: ['2026-12-01T10:00'] } } },
  { text: 'tomorrow at 3', expecting: 'when', expect: { when: { covers: ['2026-11-25T15:00'], notCovers: ['2026-11-25T10:00'] } } },
  { text: 'tmrw morning', expecting: 'when', expect: { when: { covers: ['2026-11-25T09:00'] } } },
  { text: 'thurs pm', expecting: 'when', expect: { when: { covers: ['2026-11-26T14:00'] } } },
  { text: 'asap', expecting: 'when', expect: { when: { asap: true } } },
  { text: 'first available', expecting: 'when', expect: { when: { asap: true } } },
  { text: 'whenever', expecting: 'when', expect: { when: { covers: ['2026-11-30T12:00'] } } },
  { text: 'no preference', expecting: 'when', expect: { when: { covers: ['2026-11-30T12:00'] } } },
  { text: '3', expecting: 'when', expect: { when: { covers: ['2026-11-25T15:00'] } } },
  { text: 'Monday or Friday', expecting: 'when', expect: { when: { covers: ['2026-11-30T12:00', '2026-11-27T12:00'] } } },
  { text: 'next week but not Wednesday', expecting: 'when', expect: { when: { covers: ['2026-12-01T12:00'], notCovers: ['2026-12-02T12:00'] } } },
  { text: 'Dec 1', expecting: 'when', expect: { when: { covers: ['2026-12-01T12:00'] } } },
  { text: 'last Tuesday', expecting: 'when', expect: { when: { past: true } } },
  { text: "I'm free Thursday before 11", expecting: 'when', expect: { when: { covers: ['2026-11-26T10:00'], notCovers: ['2026-11-26T12:00'] } } },
  { text: 'good morning, how about friday?', expecting: 'when', expect: { when: { covers: ['2026-11-27T15:00'] } } },
  { text: 'I broke my tooth last week', expect: { intent: 'book', type: 'Emergency' } },
  { text: 'I may need a filling', expect: { intent: 'book', type: 'Filling' } },
  { text: 'I am 35', expect: { intent: 'none' } },
];
