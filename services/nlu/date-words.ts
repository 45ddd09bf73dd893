// The date words of a message: runs of words that can belong to a date or time, kept only when
// the run holds something that names one (a weekday, a month, "tomorrow", "3pm", "12/3",
// "afternoon", "asap"). Only these go to parseDatePreference, so what is left of names,
// symptoms and small talk never turns into a preferred date.
import { monthNumber, weekdayNumber } from './calendar-words';
import { onlyGap, type MessageText, type Token } from './message-text';

const RELATIVE = new Set([
  'today', 'tonight', 'tonite', 'tomorrow', 'yesterday', 'weekend', 'weekends', 'week', 'weeks', 'month', 'months', 'fortnight',
  'morning', 'mornings', 'afternoon', 'afternoons', 'evening', 'evenings', 'noon', 'midday', 'lunchtime', 'lunch', 'asap',
  'earliest', 'soonest', 'whenever', 'anytime', 'weekday', 'weekdays',
]);
/** Holiday names and the words that complete them ("new year's eve", "mlk day", "the holidays"). */
const HOLIDAY = /^(?:christmas|xmas|x-mas|thanksgiving|holidays|halloween|easter|juneteenth|valentines?|valentine's|mlk|memorial|labou?r|veterans'?|presidents?'?|independence|nye)$/;
const HOLIDAY_PART = new Set(['new', 'year', 'years', "year's", "years'", 'eve', 'black', 'martin', 'luther', 'king', 'jr', 'good', "st", 'patricks', "patrick's", "mother's", "father's", 'season']);
/** Parts of day typed short or misspelled ("fri aft", "tmrw aftenoon", "mornin"). */
const PART_OF_DAY_TYPO = /^(?:aft|aftn|aft(?:er|e|r)?n(?:oo|o)ns?|arvo|mornin'?|morn|mornig|moring|evng|evenin'?|nite)$/;
const TOMORROW = /^(?:tmrw?|tmw|tmr|tmrow|tmorrow|tomm?orr?ow|tomm?orow|tomor+ow|tomorrw|2mor+ow|2moro|2mrw)$/;
const CONNECTORS = new Set([
  'next', 'nxt', 'this', 'coming', 'last', 'early', 'earlier', 'late', 'later', 'mid', 'end', 'of', 'the', 'on', 'at', 'in', 'by',
  'around', 'about', 'after', 'before', 'between', 'from', 'to', 'till', 'until', 'til', 'through', 'thru', 'and', 'or', 'but',
  'not', 'except', 'any', 'every', 'each', 'within', 'few', 'couple', 'a', 'an', 'am', 'pm', 'a.m', 'p.m', "o'clock", 'oclock',
  'first', 'available', 'opening', 'openings', 'thing', 'possible', 'soon', 'as', 'ish', 'time', 'day', 'days', 'half', 'past',
  'quarter', 'either', 'maybe', 'also', 'no', 'preferably', 'ideally', 'sometime', 'anything', 'same', 'following', 'other',
  'since', 'later', 'onwards', 'wk', 'wks', 'from', "whatever's", 'whatevers', 'whatever', 'is',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'slot', 'appointment',
]);
/** Words before a bare number that make it a time ("at 3", "after 4"). */
const TIME_LEAD = new Set(['at', 'around', 'about', 'after', 'before', 'by', 'until', 'till', 'til', 'from', 'between', 'to', 'and', 'or']);
const TIME = /^\d{1,2}(?::\d{2})?(?:am|pm|a|p|a\.m|p\.m|h)?$/;
const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;
const ORDINAL = /^\d{1,2}(?:st|nd|rd|th)$/;
const NUMBER = /^\d{1,4}$/;
const EDGE_CONNECTORS = new Set(['and', 'or', 'but', 'a', 'an', 'the', 'of', 'to', 'on', 'in', 'at', 'by', 'not', 'also', 'maybe', 'no', 'one', 'appointment', 'slot']);

/** "31st street", "5th ave": an address, not a date. */
const STREET = /^(?:st|str|street|ave|av|avenue|rd|road|blvd|boulevard|pl|place|dr|drive|ln|lane|floor|fl|way|pkwy|parkway|ter|terrace)\.?$/;

function isNumberLike(word: string | undefined): boolean {
  return word !== undefined && (NUMBER.test(word) || ORDINAL.test(word));
}

/** Whether the token at `i` names a date or time by itself (in its neighbourhood). */
function isAnchor(tokens: Token[], i: number, lone: boolean): boolean {
  const word = tokens[i].word;
  const previous = tokens[i - 1]?.word;
  const next = tokens[i + 1]?.word;
  if (/^(?:morning|afternoon|evening|night|day)s?$/.test(word) && previous === 'good') return false;
  if (RELATIVE.has(word) || TOMORROW.test(word) || HOLIDAY.test(word) || PART_OF_DAY_TYPO.test(word)) return true;
  if (word === 'may') return isNumberLike(next) || isNumberLike(previous) || ['in', 'early', 'late', 'mid', 'of', 'end', 'next', 'since'].includes(previous ?? '');
  if (word === 'first' && /^(?:whatever'?s|whatevers|is)$/.test(previous ?? '')) return true;
  if (weekdayNumber(word) !== undefined || monthNumber(word) !== undefined) return word.length >= 3;
  if (ORDINAL.test(word) && STREET.test(next ?? '')) return false;
  if (NUMERIC_DATE.test(word) || ORDINAL.test(word)) return true;
  if (TIME.test(word) && !NUMBER.test(word)) return true;
  if (NUMBER.test(word)) {
    if (/^(?:am|pm|a\.m|p\.m|o'clock|oclock|ish)$/.test(next ?? '')) return true;
    if (TIME_LEAD.has(previous ?? '') && Number(word) <= 24) return true;
    if (/^(?:days?|weeks?|months?)$/.test(next ?? '') && ['in', 'within', 'next', 'few'].includes(previous ?? '')) return true;
    return lone && Number(word) >= 1 && Number(word) <= 12;
  }
  if (word === 'time' && previous === 'any') return true;
  if (word === 'first' && /^(?:available|opening|thing|slot|appointment)$/.test(next ?? '')) return true;
  if (word === 'possible' && previous === 'as') return true;
  return false;
}

function isDateWord(word: string): boolean {
  return CONNECTORS.has(word) || HOLIDAY_PART.has(word) || NUMBER.test(word) || TIME.test(word) || ORDINAL.test(word);
}

/**
 * The date words of what is left of the message, or undefined when there are none.
 * `expectingWhen`: a lone number ("3") is then an hour.
 */
export function extractDateWords(message: MessageText, expectingWhen: boolean, from = 0): string | undefined {
  const tokens = message.tokens(from);
  const lone = expectingWhen && tokens.length === 1;
  const runs: Token[][] = [];
  let current: Token[] = [];
  let anchored = false;
  const close = (): void => {
    if (anchored) runs.push(current);
    current = [];
    anchored = false;
  };
  tokens.forEach((token, i) => {
    const anchor = isAnchor(tokens, i, lone);
    if (!anchor && !isDateWord(token.word)) return close();
    if (current.length > 0 && !onlyGap(message.remaining, current[current.length - 1].end, token.start, ',-')) close();
    current.push(token);
    anchored ||= anchor;
  });
  close();
  const pieces = runs
    .map((run) => {
      let first = 0;
      let last = run.length - 1;
      while (first < last && EDGE_CONNECTORS.has(run[first].word) && !['the', 'at', 'on', 'in', 'by'].includes(run[first].word)) first += 1;
      while (last > first && EDGE_CONNECTORS.has(run[last].word)) last -= 1;
      return message.original.slice(run[first].start, run[last].end);
    })
    .filter((piece) => piece.length > 0);
  return pieces.length > 0 ? pieces.join(' ') : undefined;
}
