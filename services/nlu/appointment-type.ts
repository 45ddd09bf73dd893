// The appointment type from the practice's type names, everyday words and symptoms, and typos
// of either. Below the confidence threshold nothing is returned: the dialog offers the list.
import type { MessageText } from './message-text';
import { phraseCandidates } from './phrase-candidates';
import type { ReferenceIndex } from './reference-index';

const THRESHOLD = 0.3;
const THRESHOLD_WHEN_ASKED = 0.35;

export function matchAppointmentType(message: MessageText, index: ReferenceIndex, expectingType: boolean): number | undefined {
  const phrases = phraseCandidates(message, 4);
  let best: { id: number; start: number; end: number } | undefined;
  const consider = (id: number, start: number, end: number): void => {
    // The first type mentioned wins; at one position, the longer phrase.
    if (!best || start < best.start || (start === best.start && end > best.end)) best = { id, start, end };
  };
  for (const phrase of phrases) {
    const id = index.types.exact(phrase.text);
    if (id !== undefined) consider(id, phrase.start, phrase.end);
  }
  for (const synonym of index.typeSynonyms) {
    for (const match of message.remaining.matchAll(synonym.pattern)) {
      const start = match.index ?? 0;
      consider(synonym.id, start, start + match[0].length);
    }
  }
  if (!best) {
    let bestScore = Number.POSITIVE_INFINITY;
    const fuzzy = index.types.fuzzyLookup(expectingType ? THRESHOLD_WHEN_ASKED : THRESHOLD);
    for (const phrase of phrases) {
      if (phrase.common || phrase.text.split(' ').length > 2) continue;
      const match = fuzzy(phrase.text);
      if (match && match.score < bestScore) {
        bestScore = match.score;
        best = { id: match.id, start: phrase.start, end: phrase.end };
      }
    }
  }
  if (!best) return undefined;
  message.consume(best.start, best.end);
  return best.id;
}
