// Runs of one to three neighbouring words of what is left of a message, as phrases to look up.
import { COMMON_WORDS } from './common-words';
import { onlyGap, type MessageText } from './message-text';

export interface Phrase {
  text: string;
  start: number;
  end: number;
  /** every word is an everyday word (not worth a fuzzy lookup) */
  common: boolean;
}

/** Fuzzy lookups stop after this many words: a long message is not a list of names. */
const MAX_WORDS = 60;

export function phraseCandidates(message: MessageText, maxWords = 3, from = 0, to?: number): Phrase[] {
  const tokens = message.tokens(from, to).slice(0, MAX_WORDS);
  const phrases: Phrase[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    let text = '';
    let common = true;
    for (let j = i; j < Math.min(tokens.length, i + maxWords); j += 1) {
      if (j > i && !onlyGap(message.remaining, tokens[j - 1].end, tokens[j].start, '-')) break;
      text = j === i ? tokens[j].word : `${text} ${tokens[j].word}`;
      common &&= COMMON_WORDS.has(tokens[j].word);
      phrases.push({ text, start: tokens[i].start, end: tokens[j].end, common });
    }
  }
  return phrases;
}
