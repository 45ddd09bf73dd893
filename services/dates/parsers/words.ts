// Shared vocabulary for our chrono parsers: weekday spellings (with common typos) and small numbers.
export const WEEKDAY_PATTERN =
  '(mon(?:day|dy)?|tue(?:s(?:day)?|sday)?|tuseday|wed(?:nesday|nsday|s|nes)?|wendesday|wensday|wendsday|' +
  'thu(?:rs(?:day)?|r(?:sday)?|rsday)?|thrus(?:day)?|thurday|fri(?:day|dy)?|sat(?:urday|erday|uday)?|sun(?:day)?)';

/** ISO weekday (1 = Monday … 7 = Sunday) of a spelling matched by WEEKDAY_PATTERN. */
export function weekdayOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.startsWith('mon')) return 1;
  if (w.startsWith('tu')) return 2;
  if (w.startsWith('we')) return 3;
  if (w.startsWith('th')) return 4;
  if (w.startsWith('fr')) return 5;
  if (w.startsWith('sa')) return 6;
  if (w.startsWith('su')) return 7;
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, couple: 2, 'a couple of': 2, 'a couple': 2, few: 3, 'a few': 3,
};
export const NUMBER_PATTERN = '(\\d{1,3}|a couple of|a couple|a few|couple|few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

export function numberOf(word: string): number | undefined {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

export const MONTH_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

export function monthOf(word: string): number | undefined {
  const keys = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const index = keys.indexOf(word.toLowerCase().slice(0, 3));
  return index < 0 ? undefined : index + 1;
}

/** Wraps a body in word boundaries; chrono hands match.index straight to the result. */
export function bounded(body: string): RegExp {
  return new RegExp(`(?<![\\w'])(?:${body})(?![\\w'])`, 'i');
}
