// understand(text, ctx): one patient message → structured facts (shared/spec/understanding.md).
// Extractors run from the most to the least distinctive (email, birth date, phone, name, choice,
// provider, location, type) and each consumes its words; what is left of the date words goes
// to parseDatePreference last.
import { parseDatePreference, type DatePreference } from '../dates';
import { matchAppointmentType } from './appointment-type';
import { extractChoice, extractListPick, extractMoreRequest } from './choice';
import { extractEmail, extractPhone } from './contact';
import { extractDateOfBirth } from './date-of-birth';
import { extractDateWords } from './date-words';
import { detectIntent, NEW_TIME } from './intent';
import { matchLocation } from './location';
import { MessageText } from './message-text';
import { extractName } from './name';
import { matchProvider } from './provider';
import { referenceIndex } from './reference-index';
import type { UnderstandContext, Understanding } from './understanding';

/** How far ahead a named date is understood (the spec's default of 30 would lose "January 15"). */
const PREFERENCE_HORIZON_DAYS = 90;
/** "Move my Tuesday appointment to Thursday": the new time is what follows "to". */
const RESCHEDULE_TARGET = /\b(?:move|change|reschedule|push|switch|moving|rescheduling)\b.*?\b(?:to|for|into)\s+(?=\S)/;
/** Answers to "when?" that mean "any time" to the date parser. */
const ANY_TIME = /^\W*(?:no\s+preference|doesn'?t\s+matter|does\s+not\s+matter|any|anything|i'?m\s+(?:flexible|easy)|flexible|dont\s+care|don't\s+care)\W*$/;

function preferenceFrom(words: string | undefined, ctx: UnderstandContext, expectingWhen: boolean): DatePreference | undefined {
  if (words === undefined) return undefined;
  let preference: DatePreference;
  try {
    // Patients name dates a few months out ("January 15"); the slot search bounds its own span.
    preference = parseDatePreference(words, { now: ctx.now, timeZone: ctx.timeZone, horizonDays: PREFERENCE_HORIZON_DAYS });
  } catch {
    return undefined; // the date parser's failure must not lose the rest of the message
  }
  if (preference.windows.length === 0 && !preference.past) return undefined;
  // An aside about the past ("I broke it last week") is only a preference when one was asked for.
  if (preference.windows.length === 0 && !expectingWhen) return undefined;
  return preference;
}

function compact(understanding: Understanding): Understanding {
  const out: Understanding = { intent: understanding.intent };
  for (const [key, value] of Object.entries(understanding) as [keyof Understanding, Understanding[keyof Understanding]][]) {
    if (value !== undefined && value !== '') Object.assign(out, { [key]: value });
  }
  return out;
}

function understandOrThrow(text: string, ctx: UnderstandContext): Understanding {
  const message = new MessageText(typeof text === 'string' ? text : '');
  const expecting = ctx.expecting;
  const found: Omit<Understanding, 'intent'> = {};

  found.email = extractEmail(message);
  // Birth dates before phones: "03041990" and "3-4-1990" are dates, never numbers to call.
  found.dateOfBirth = extractDateOfBirth(message, ctx.now, ctx.timeZone, expecting === 'dateOfBirth');
  found.phone = extractPhone(message);
  const name = extractName(message, expecting === 'name', found.dateOfBirth !== undefined || found.phone !== undefined || found.email !== undefined);
  found.firstName = name.firstName;
  found.lastName = name.lastName;
  if (expecting === 'choice') {
    found.more = extractMoreRequest(message);
    if (!found.more) found.choice = extractChoice(message);
  }
  if (expecting === 'location') found.locationId = extractListPick(message, ctx.locations);
  if (expecting === 'appointmentType') found.appointmentTypeId = extractListPick(message, ctx.appointmentTypes);
  if (expecting === 'provider') {
    const picked = extractListPick(message, ctx.providers);
    if (picked !== undefined) found.providerId = picked;
  }

  const index = referenceIndex(ctx);
  if (ctx.providers.length > 0) found.providerId ??= matchProvider(message, index, expecting === 'provider');
  if (ctx.locations.length > 0) found.locationId ??= matchLocation(message, index, expecting === 'location');
  if (ctx.appointmentTypes.length > 0) found.appointmentTypeId ??= matchAppointmentType(message, index, expecting === 'appointmentType');

  const lower = message.lower;
  const hasWords = /[\p{L}\p{N}]/u.test(lower);
  const evidenceBeforeWhen = Object.values(found).some((value) => value !== undefined);

  const expectingWhen = expecting === 'when';
  const target = RESCHEDULE_TARGET.exec(message.remaining) ?? NEW_TIME.exec(message.remaining);
  let dateWords = extractDateWords(message, expectingWhen, target ? target.index + target[0].length : 0);
  if (dateWords === undefined && target) dateWords = extractDateWords(message, expectingWhen);
  if (dateWords === undefined && expectingWhen && ANY_TIME.test(message.remaining)) dateWords = 'any time';
  // A lone hour answering "when?" ("3"): the spec reads it as a time of day.
  if (dateWords !== undefined && /^\d{1,2}$/.test(dateWords)) dateWords = `at ${dateWords}`;
  found.when = preferenceFrom(dateWords, ctx, expectingWhen);

  const intent = detectIntent(lower, expecting, {
    hasFields: evidenceBeforeWhen || found.when !== undefined,
    hasType: found.appointmentTypeId !== undefined,
    hasWords,
  });
  return compact({ intent, ...found });
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  try {
    return understandOrThrow(text, ctx);
  } catch {
    // The contract: a patient's message never crashes a turn. Unknown text is 'none'.
    return { intent: 'none' };
  }
}
