// The provider: "with Dr. Lee", "Dr Patel", "Sarah Lee", a bare "Lee" when asked, and "anyone" /
// "whoever is free" / "no preference" for 'any'. A bare surname is not taken unasked: "Kim" may
// as well be the patient.
import type { MessageText } from './message-text';
import { phraseCandidates, type Phrase } from './phrase-candidates';
import type { ReferenceIndex } from './reference-index';

const THRESHOLD = 0.3;

const ANY_ALWAYS = /\b(?:\bany\s*(?:one|body)|any\s+(?:of\s+(?:them|the\s+(?:doctors|dentists)))|any\s+(?:doctor|dentist|provider|hygienist|dr)s?|who(?:m)?ever(?:'s|\s+is)?(?:\s+(?:free|available|open|first))?|no\s+(?:preference|preferences)\s+(?:for|on|about)\s+(?:the\s+)?(?:doctor|dentist|provider)|(?:doctor|dentist|provider)\s+(?:doesn't|does\s+not|don't|dont)\s+matter|(?:don't|dont|do\s+not)\s+care\s+(?:who|which\s+(?:doctor|dentist)))\b/;
const ANY_WHEN_ASKED = /^\W*(?:\bany|no(?:\s+(?:preference|pref|one\s+in\s+particular))?|nope|none|either|doesn't\s+matter|does\s+not\s+matter|doesnt\s+matter|don't\s+care|dont\s+care|not\s+really|no\s+one\s+in\s+particular|whichever|first\s+available|(?:i'm|im)\s+(?:easy|flexible)|all\s+good)\b/;
/** "Dr. Lee", "doctor Lee", "with Lee", "see Lee", "prefer Lee": what may name a provider. */
const CUE = /\b(?:dr|doctor|doc|dentist|with|see|prefer|want|like)\.?\s+/g;

export function matchProvider(message: MessageText, index: ReferenceIndex, expectingProvider: boolean): number | 'any' | undefined {
  const text = message.remaining;
  const anyWord = ANY_ALWAYS.exec(text) ?? (expectingProvider ? ANY_WHEN_ASKED.exec(text) : null);
  if (anyWord) {
    message.consume(anyWord.index, anyWord.index + anyWord[0].length);
    return 'any';
  }

  const found = (phrase: Phrase, id: number, from = phrase.start): number => {
    message.consume(from, phrase.end);
    return id;
  };
  const phrases = phraseCandidates(message, 3);
  // A full name ("Sarah Lee") is distinctive enough anywhere.
  for (const phrase of phrases) {
    if (!phrase.text.includes(' ')) continue;
    const id = index.providers.exact(phrase.text);
    if (id !== undefined) return found(phrase, id, cueBefore(text, phrase.start));
  }
  // After a cue, or as the answer to "which dentist?": a surname or first name, typos allowed.
  for (const cue of text.matchAll(CUE)) {
    const cueEnd = (cue.index ?? 0) + cue[0].length;
    const id = lookUp(phrases.filter((phrase) => phrase.start === cueEnd), index);
    if (id) return found(id.phrase, id.id, cue.index ?? 0);
  }
  if (expectingProvider) {
    const id = lookUp(phrases, index);
    if (id) return found(id.phrase, id.id, cueBefore(text, id.phrase.start));
  }
  return undefined;
}

function cueBefore(text: string, start: number): number {
  const before = /(?:\b(?:with|see)\s+)?(?:\b(?:dr|doctor|doc)\.?\s+)?$/.exec(text.slice(Math.max(0, start - 20), start));
  return before ? start - before[0].length : start;
}

function lookUp(phrases: Phrase[], index: ReferenceIndex): { id: number; phrase: Phrase } | undefined {
  const longestFirst = [...phrases].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const phrase of longestFirst) {
    const id = index.providers.exact(phrase.text);
    if (id !== undefined) return { id, phrase };
  }
  let best: { id: number; phrase: Phrase; score: number } | undefined;
  const fuzzy = index.providers.fuzzyLookup(THRESHOLD);
  for (const phrase of longestFirst) {
    if (phrase.common) continue;
    const match = fuzzy(phrase.text);
    if (match && (!best || match.score < best.score)) best = { id: match.id, phrase, score: match.score };
  }
  return best;
}
