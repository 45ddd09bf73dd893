// The location: "the Brooklyn office", "brooklyn", "Brookyln".
import type { MessageText } from './message-text';
import { phraseCandidates, type Phrase } from './phrase-candidates';
import type { ReferenceIndex } from './reference-index';

const THRESHOLD = 0.26;
const THRESHOLD_WHEN_ASKED = 0.35;

export function matchLocation(message: MessageText, index: ReferenceIndex, expectingLocation: boolean): number | undefined {
  const phrases = phraseCandidates(message, 3);
  let best: { id: number; phrase: Phrase; score: number } | undefined;
  for (const phrase of phrases) {
    const id = index.locations.exact(phrase.text);
    if (id !== undefined && (!best || best.score > 0 || phrase.end - phrase.start > best.phrase.end - best.phrase.start)) best = { id, phrase, score: 0 };
  }
  if (!best) {
    const fuzzy = index.locations.fuzzyLookup(expectingLocation ? THRESHOLD_WHEN_ASKED : THRESHOLD);
    for (const phrase of phrases) {
      if (phrase.common || phrase.text.includes(' ')) continue;
      const match = fuzzy(phrase.text);
      if (match && (!best || match.score < best.score)) best = { id: match.id, phrase, score: match.score };
    }
  }
  if (!best) return undefined;
  // "the Brooklyn office" goes as a whole, so "office" and "the" are not left for others.
  const around = /(?:\b(?:at|in|to)\s+)?(?:\bthe\s+)?$/.exec(message.remaining.slice(Math.max(0, best.phrase.start - 12), best.phrase.start));
  const after = /^\s+(?:office|location|clinic|branch|one)\b/.exec(message.remaining.slice(best.phrase.end));
  message.consume(best.phrase.start - (around ? around[0].length : 0), best.phrase.end + (after ? after[0].length : 0));
  return best.id;
}
