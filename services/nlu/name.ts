// The patient's own name: after "I'm", "this is", "my name is"; "Diaz, Ana"; or the bare answer
// when the bot asked for it. Titles of doctors and the words of a sentence ("I'm looking for",
// "I'm free Tuesday") are never names.
import { COMMON_WORDS } from './common-words';
import { onlyGap, type MessageText, type Token } from './message-text';
import { isParticle, properCase } from './proper-case';

export interface PersonName {
  firstName?: string;
  lastName?: string;
}

const NAME_WORD = /^\p{L}[\p{L}\p{M}]*(?:['-]\p{L}[\p{L}\p{M}]*)*$/u;
const MAX_WORDS = 4;
const CUE = /\b(?:(?:it'?s\s+|it\s+is\s+)?(?:spelled|spelt)(?:\s+as)?|(?:the\s+)?spelling\s+is|my\s+name\s+is|my\s+name's|name\s+is|name's|names|(?:first|last|sur|family)\s*name\s+is|i\s+am|i'm|im|this\s+is|it's|its|it\s+is|call\s+me|me\s+llamo|soy)\s+/g;
/** Given names that are also everyday words: a name only when written as one, asked for, or cued. */
const NAME_ALSO_WORD = new Set(['may', 'will', 'june', 'april', 'august', 'march', 'hope', 'joy', 'sunny', 'rich', 'bill', 'sue']);
/** "Anna with two n's", "Smyth with a y": a spelling hint that follows a corrected name. */
const SPELLING_HINT = /^\s*,?\s*(?:with|w\/)\s+(?:a|an|one|two|three|double|1|2|3)\s+\p{L}(?:'?s)?(?=\W|$)/u;
const GREETING = /^\s*(?:(?:hi|hello|hey|yes|yeah|sure|ok|okay|good\s+(?:morning|afternoon|evening))\b[\s,!.]*)+/;

const isCapitalized = (message: MessageText, token: Token): boolean => message.original[token.start] !== message.remaining[token.start];

/** `lenient`: a name was asked for or cued, so "will" may be Will. */
function isNameWord(message: MessageText, token: Token, lenient: boolean): boolean {
  if (!NAME_WORD.test(token.word) || token.word.length > 30) return false;
  return !COMMON_WORDS.has(token.word) || (NAME_ALSO_WORD.has(token.word) && (lenient || isCapitalized(message, token)));
}

/** The name words from `index` on: contiguous (only spaces between), at most MAX_WORDS. */
function run(message: MessageText, tokens: Token[], index: number, lenient = false): Token[] {
  const words: Token[] = [];
  for (let i = index; i < tokens.length && words.length < MAX_WORDS; i += 1) {
    if (!isNameWord(message, tokens[i], lenient)) break;
    if (words.length > 0 && !onlyGap(message.remaining, words[words.length - 1].end, tokens[i].start, '')) break;
    words.push(tokens[i]);
  }
  return words;
}

function split(message: MessageText, words: Token[]): PersonName {
  const written = words.map((word, index) => properCase(message.original.slice(word.start, word.end), index === 0));
  if (written.length === 1) return { firstName: written[0] };
  // The last word is the family name, with its particles ("Ana de la Cruz").
  let lastStart = written.length - 1;
  while (lastStart > 1 && isParticle(written[lastStart - 1])) lastStart -= 1;
  return { firstName: written.slice(0, lastStart).join(' '), lastName: written.slice(lastStart).join(' ') };
}

function consume(message: MessageText, from: number, words: Token[]): void {
  message.consume(from, words[words.length - 1].end);
}

/** A name after a cue ("my name is", "this is", "it's", "spelled"), or undefined. */
function nameAfterCue(message: MessageText, tokens: Token[], expectingName: boolean): PersonName | undefined {
  const text = message.remaining;
  for (const cue of text.matchAll(CUE)) {
    const cueStart = cue.index ?? 0;
    const cueEnd = cueStart + cue[0].length;
    const index = tokens.findIndex((token) => token.start >= cueEnd);
    if (index < 0 || tokens[index].start !== cueEnd) continue;
    const words = run(message, tokens, index, true);
    if (words.length === 0) continue;
    const after = text.slice(words[words.length - 1].end);
    const hint = SPELLING_HINT.exec(after);
    const isCorrection = /^\s*,?\s*(?:not|rather than)\s+\p{L}/u.test(after) || hint !== null || /^\W*no\b/.test(text);
    const said = cue[0].replace(/\s+/g, ' ').trim();
    // "it's X" is a name as an answer, a correction ("it's Ana, not Anna"), or written as a full
    // name with capitals ("it's Seán O'Brien").
    const writtenAsName = words.length >= 2 && words.every((word) => isCapitalized(message, word));
    if (/^(?:it's|its|it is)$/.test(said) && !expectingName && !isCorrection && !writtenAsName) continue;
    // "I'm X" with a single lower-case word is too often a state ("im good") unless asked.
    if (/^(?:im|i'm|i am)$/.test(said) && words.length === 1 && !expectingName && message.original[words[0].start] === text[words[0].start]) continue;
    consume(message, cueStart, words);
    if (hint) message.consume(words[words.length - 1].end, words[words.length - 1].end + hint[0].length);
    if (isCorrection) {
      const rejected = /^\s*,?\s*(?:not|rather than)\s+\S+/u.exec(after);
      if (rejected) message.consume(words[words.length - 1].end, words[words.length - 1].end + rejected[0].length);
    }
    if (/^(?:last|sur|family)/.test(said)) return { lastName: split(message, words).firstName };
    return split(message, words);
  }
  return undefined;
}

export function extractName(message: MessageText, expectingName: boolean, hasOtherIdentity: boolean): PersonName {
  const text = message.remaining;
  const tokens = message.tokens();
  const cued = nameAfterCue(message, tokens, expectingName);
  if (cued) return cued;

  const greeting = GREETING.exec(text);
  const from = greeting ? greeting[0].length : 0;
  const body = text.slice(from).trim();

  // "Diaz, Ana" — the family name first, as on a form.
  const commaForm = /^(\p{L}[\p{L}\p{M}'\s-]*?)\s*,\s*(\p{L}[\p{L}\p{M}'\s-]*?)[\s.!]*$/u.exec(body);
  if (commaForm) {
    const rest = tokens.filter((token) => token.start >= from);
    const commaAt = text.indexOf(',', from);
    const family = rest.filter((token) => token.end <= commaAt);
    const given = rest.filter((token) => token.start > commaAt);
    // "de la Cruz, Maria": the family name may start with particles.
    const particles = family.findIndex((token) => !isParticle(token.word));
    const familyOk = family.length >= 1 && family.length - Math.max(0, particles) <= 2 && family.length <= 4;
    if (familyOk && given.length >= 1 && given.length <= 2 && [...family, ...given].every((token) => isParticle(token.word) || isNameWord(message, token, expectingName))) {
      consume(message, family[0].start, given);
      const familyName = family.map((token) => properCase(message.original.slice(token.start, token.end), false)).join(' ');
      const first = split(message, given);
      return { firstName: [first.firstName, first.lastName].filter(Boolean).join(' '), lastName: familyName };
    }
  }

  const index = tokens.findIndex((token) => token.start >= from);
  if (index < 0) return {};
  const words = run(message, tokens, index, expectingName);
  if (expectingName) {
    if (words.length === 0) return {};
    const endsClause = /^\s*(?:[,.;!]|$)/.test(text.slice(words[words.length - 1].end));
    // A bare answer: the leading name words, when nothing else but punctuation follows them, or
    // a sentence does ("Ana Diaz I need a cleaning").
    if (endsClause || words.length >= 2) {
      consume(message, words[0].start, words);
      return split(message, words);
    }
    return {};
  }
  // Unasked, a name is only taken as a clause of its own (at the start, or between commas) of a
  // message that also carries other identity ("Ana Diaz, 3/4/1990, 555-201-3344"), written with
  // capitals as people write names.
  if (!hasOtherIdentity) return {};
  for (let i = index; i < tokens.length; i += 1) {
    const atClauseStart = i === index || /[,;.:]\s*$/.test(text.slice(Math.max(0, tokens[i].start - 4), tokens[i].start));
    if (!atClauseStart) continue;
    const clause = run(message, tokens, i);
    if (clause.length < 2 || clause.length > 3) continue;
    // "Faith Johnson here, dob …": "here" may close the clause.
    const clauseEnds = /^(?:\s+here\b)?\s*(?:[,.;!]|$)/.test(text.slice(clause[clause.length - 1].end));
    const capitalized = clause.every((word) => message.original[word.start] !== text[word.start]);
    if (clauseEnds && capitalized) {
      consume(message, clause[0].start, clause);
      return split(message, clause);
    }
  }
  return {};
}
