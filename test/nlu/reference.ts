// The fixed reference context every NLU test and the held-out score run against, and the
// expectation format they share (names instead of ids, `when` as local times it must cover).
import { DateTime } from 'luxon';
import type { Slot, UnderstandContext, Understanding } from '../../services/nlu';

export const TYPES = { Cleaning: 1, 'New Patient Exam': 2, Emergency: 3, Consultation: 4, Filling: 5 } as const;
export const PROVIDERS = { 'Dr. Sarah Lee': 11, 'Dr. Raj Patel': 12, 'Emily Kim, DDS': 13, 'Dr. Marcus Nguyen': 14 } as const;
export const LOCATIONS = { Brooklyn: 21, Manhattan: 22 } as const;

export type TypeName = keyof typeof TYPES;
export type ProviderName = keyof typeof PROVIDERS;
export type LocationName = keyof typeof LOCATIONS;

export const toList = (record: Record<string, number>): { id: number; name: string }[] =>
  Object.entries(record).map(([name, id]) => ({ id, name }));

/** Tue 2026-11-24 10:00 in New York. */
export const NOW = new Date('2026-11-24T15:00:00Z');
export const ZONE = 'America/New_York';

export function referenceContext(expecting?: Slot | 'choice' | 'confirm'): UnderstandContext {
  return {
    now: NOW,
    timeZone: ZONE,
    expecting,
    appointmentTypes: toList(TYPES),
    providers: toList(PROVIDERS),
    locations: toList(LOCATIONS),
  };
}

/** What `when` must satisfy: local wall-clock times (yyyy-MM-ddTHH:mm, New York) its windows cover. */
export interface WhenExpectation {
  covers?: string[];
  notCovers?: string[];
  asap?: boolean;
  past?: boolean;
}

export interface Expectation {
  intent?: Understanding['intent'];
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  type?: TypeName;
  provider?: ProviderName | 'any';
  location?: LocationName;
  when?: WhenExpectation;
  choice?: number;
}

export interface Case {
  text: string;
  expecting?: Slot | 'choice' | 'confirm';
  expect: Expectation;
}

export const FIELDS = [
  'intent', 'firstName', 'lastName', 'dateOfBirth', 'phone', 'email',
  'type', 'provider', 'location', 'when', 'choice',
] as const;
export type Field = (typeof FIELDS)[number];

function covers(result: Understanding, local: string): boolean {
  const at = DateTime.fromISO(local, { zone: ZONE }).toMillis();
  return (result.when?.windows ?? []).some(
    (w) => DateTime.fromISO(w.start).toMillis() <= at && at < DateTime.fromISO(w.end).toMillis(),
  );
}

/**
 * Why one field of a result does not meet the expectation, or undefined when it does.
 * A field the expectation leaves out must be absent (intent: the expectation's default is 'other'
 * only when it says so, so an unlisted intent is not checked).
 */
export function fieldMismatch(result: Understanding, expect: Expectation, field: Field): string | undefined {
  const show = (value: unknown): string => JSON.stringify(value);
  switch (field) {
    case 'intent':
      return expect.intent === undefined || result.intent === expect.intent
        ? undefined
        : `intent ${result.intent}, expected ${expect.intent}`;
    case 'type': {
      const wanted = expect.type === undefined ? undefined : TYPES[expect.type];
      return result.appointmentTypeId === wanted ? undefined : `appointmentTypeId ${show(result.appointmentTypeId)}, expected ${show(wanted)}`;
    }
    case 'provider': {
      const wanted = expect.provider === undefined ? undefined : expect.provider === 'any' ? 'any' : PROVIDERS[expect.provider];
      return result.providerId === wanted ? undefined : `providerId ${show(result.providerId)}, expected ${show(wanted)}`;
    }
    case 'location': {
      const wanted = expect.location === undefined ? undefined : LOCATIONS[expect.location];
      return result.locationId === wanted ? undefined : `locationId ${show(result.locationId)}, expected ${show(wanted)}`;
    }
    case 'when': {
      const wanted = expect.when;
      if (wanted === undefined) return result.when === undefined ? undefined : `when ${show(result.when)}, expected none`;
      if (result.when === undefined) return 'when missing';
      for (const local of wanted.covers ?? []) if (!covers(result, local)) return `when ${show(result.when)} does not cover ${local}`;
      for (const local of wanted.notCovers ?? []) if (covers(result, local)) return `when ${show(result.when)} covers ${local}`;
      if (wanted.asap !== undefined && result.when.asap !== wanted.asap) return `when.asap ${result.when.asap}`;
      if (wanted.past !== undefined && result.when.past !== wanted.past) return `when.past ${result.when.past}`;
      return undefined;
    }
    default: {
      const actual = result[field];
      const wanted = expect[field];
      return actual === wanted ? undefined : `${field} ${show(actual)}, expected ${show(wanted)}`;
    }
  }
}
