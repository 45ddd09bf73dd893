// Every message of the NLU suite, for the bench.
import type { Case } from './reference';
import { intentCases } from './cases/intents';
import { names, birthDates, contacts } from './cases/identity';
import { types, providers, locations } from './cases/reference-data';
import { choices, whenAnswers } from './cases/answers';
import { combined, noise } from './cases/everything';

export function suiteMessages(): Case[] {
  return [...intentCases, ...names, ...birthDates, ...contacts, ...types, ...providers, ...locations, ...choices, ...whenAnswers, ...combined, ...noise];
}
