// Which of the offered times, by its number: "2", "#2", "option 2", "the second one". A time
// ("2:30", "Tuesday at 2:30") is not a number: it comes back as `when` and the dialog matches it
// against the times it offered (the context carries no offered list).
import type { MessageText } from './message-text';

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const MAX_CHOICE = 10;
/** Words that may surround the number without changing what it means. */
const FILLER = new Set([
  'the', 'one', 'option', 'opt', 'number', 'num', 'no', 'choice', 'please', 'pls', 'plz', "i'll", 'ill', 'i', 'take', 'want',
  'like', "i'd", 'id', 'choose', 'pick', 'go', 'with', "let's", 'lets', 'do', 'that', 'thanks', 'thank', 'you', 'works', 'ok',
  'okay', 'sure', 'yes', 'yeah', 'is', 'good', 'fine', 'for', 'me', 'give', 'book', 'it', 'slot', 'time', 'how', 'about', 'a',
]);

export function extractChoice(message: MessageText): number | undefined {
  const tokens = message.tokens();
  let choice: { value: number; start: number; end: number } | undefined;
  for (const token of tokens) {
    const value = /^\d{1,2}$/.test(token.word)
      ? Number(token.word)
      : /^\d{1,2}(?:st|nd|rd|th)$/.test(token.word)
        ? Number.parseInt(token.word, 10)
        : ORDINALS[token.word];
    if (value !== undefined && value >= 1 && value <= MAX_CHOICE && !choice) {
      // "2:30", "2pm", "2 pm": a time, not a number in the list.
      const next = message.remaining.slice(token.end, token.end + 6);
      if (/^\s*(?::|am\b|pm\b|a\.m|p\.m|o'?clock)/.test(next)) return undefined;
      choice = { value, start: token.start, end: token.end };
      continue;
    }
    if (!FILLER.has(token.word)) return undefined;
  }
  if (!choice) return undefined;
  const hash = message.remaining.lastIndexOf('#', choice.start);
  message.consume(hash >= 0 && hash >= choice.start - 2 ? hash : choice.start, choice.end);
  for (const token of tokens) if (FILLER.has(token.word)) message.consume(token.start, token.end);
  return choice.value;
}

/** "Other times", "more", "none of these", "something else": the patient wants to see more times. */
const MORE_TIMES = /^\W*(?:(?:show\s+(?:me\s+)?)?(?:other|more|different|another|any\s+other|later|next)(?:\s+(?:times?|options?|slots?|ones?|days?|choices?))?(?:\s+please)?|none\s+of\s+(?:these|those|them|the\s+above)(?:\s+work)?|something\s+else|neither)\W*$/;

export function extractMoreRequest(message: MessageText): boolean | undefined {
  const match = MORE_TIMES.exec(message.remaining.toLowerCase());
  if (!match) return undefined;
  message.consume(0, message.remaining.length);
  return true;
}

/**
 * A numbered answer to a list the bot showed (SMS shows every list numbered): "2" picks the
 * second entry of the same list in the context, in its order.
 */
export function extractListPick(message: MessageText, list: readonly { id: number }[]): number | undefined {
  const position = extractChoice(message);
  return position !== undefined && position <= list.length ? list[position - 1].id : undefined;
}
