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
const CUE = /\b(?:my\s+name\s+is|my\s+name's|name\s+is|name's|names|(?:first|last|sur|family)\s*name\s+is|i\s+am|i'm|im|this\s+is|it's|its|it\s+is|call\s+me|me\s+llamo|soy)\s+/g;
const GREETING = /^\s*(?:(?:hi|hello|hey|yes|yeah|sure|ok|okay|good\s+(?:morning|afternoon|evening))\b[\s,!.]*)+/;

function isNameWord(token: Token): boolean {
  return NAME_WORD.test(token.word) && !COMMON_WORDS.has(token.word) && token.word.length <= 30;
}

/** The name words from `index` on: contiguous (only spaces between), at most MAX_WORDS. */
function run(message: MessageText, tokens: Token[], index: number): Token[] {
  const words: Token[] = [];
  for (let i = index; i < tokens.length && words.length < MAX_WORDS; i += 1) {
    if (!isNameWord(tokens[i])) break;
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

export function extractName(message: MessageText, expectingName: boolean, hasOtherIdentity: boolean): PersonName {
  const text = message.remaining;
  const tokens = message.tokens();

  for (const cue of text.matchAll(CUE)) {
    const cueStart = cue.index ?? 0;
    const cueEnd = cueStart + cue[0].length;
    const index = tokens.findIndex((token) => token.start >= cueEnd);
    if (index < 0 || tokens[index].start !== cueEnd) continue;
    const words = run(message, tokens, index);
    if (words.length === 0) continue;
    const after = text.slice(words[words.length - 1].end);
    const isCorrection = /^\s*,?\s*(?:not|rather than)\s+\p{L}/u.test(after);
    const said = cue[0].replace(/\s+/g, ' ').trim();
    // "it's X" is a name only as an answer or a correction ("it's Ana, not Anna").
    if (/^(?:it's|its|it is)$/.test(said) && !expectingName && !isCorrection) continue;
    // "I'm X" with a single lower-case word is too often a state ("im good") unless asked.
    if (/^(?:im|i'm|i am)$/.test(said) && words.length === 1 && !expectingName && message.original[words[0].start] === text[words[0].start]) continue;
    consume(message, cueStart, words);
    if (isCorrection) {
      const rejected = /^\s*,?\s*(?:not|rather than)\s+\S+/u.exec(after);
      if (rejected) message.consume(words[words.length - 1].end, words[words.length - 1].end + rejected[0].length);
    }
    if (/^(?:last|sur|family)/.test(said)) return { lastName: split(message, words).firstName };
    return split(message, words);
  }

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
    if (family.length >= 1 && family.length <= 2 && given.length >= 1 && given.length <= 2 && [...family, ...given].every(isNameWord)) {
      consume(message, family[0].start, given);
      const last = split(message, family);
      const first = split(message, given);
      return { firstName: [first.firstName, first.lastName].filter(Boolean).join(' '), lastName: [last.firstName, last.lastName].filter(Boolean).join(' ') };
    }
  }

  const index = tokens.findIndex((token) => token.start >= from);
  if (index < 0) return {};
  const words = run(message, tokens, index);
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
    const clauseEnds = /^\s*(?:[,.;!]|$)/.test(text.slice(clause[clause.length - 1].end));
    const capitalized = clause.every((word) => message.original[word.start] !== text[word.start]);
    if (clauseEnds && capitalized) {
      consume(message, clause[0].start, clause);
      return split(message, clause);
    }
  }
  return {};
}
