// "at 3", "around 2:30", "after 4", "before 11", "between 1 and 3", "from 9 to 11", "3ish",
// "mon 9-11", "8.30".
// Chrono's ENTimeExpressionParser drops the qualifier word (and will not read a bare "3"), so we
// extract hour, minute and the qualifier; the bare-hour refiner then turns them into a window.
import type { Parser, ParsingContext } from 'chrono-node';
import { Meridiem } from 'chrono-node';
import { bounded, MONTH_PATTERN, WEEKDAY_PATTERN } from './words';
import { TAG } from '../tags';

const TIME = '(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|o\'?clock)?|(noon|midday|midnight)';
const AT = 'at|@|for';
const AROUND = 'around|about|approx(?:imately)?|roughly|near|close\\s+to|sometime\\s+around';
const AFTER = 'after|past|later\\s+than|no\\s+earlier\\s+than|not\\s+before|anytime\\s+after|any\\s+time\\s+after|from';
const BEFORE = 'before|by|until|till|til|up\\s+to|earlier\\s+than|no\\s+later\\s+than|not\\s+after|anytime\\s+before|any\\s+time\\s+before';
const BETWEEN = 'between|from';

const IS_AROUND = new RegExp(`^(?:${AROUND})$`);
const IS_AFTER = new RegExp(`^(?:${AFTER})$`);
const IS_BEFORE = new RegExp(`^(?:${BEFORE})$`);

type Components = { hour: number; minute: number; meridiem?: number };

function readTime(hour?: string, minute?: string, suffix?: string, word?: string): Components | null {
  if (word) {
    const w = word.toLowerCase();
    return w === 'midnight' ? { hour: 0, minute: 0, meridiem: Meridiem.AM } : { hour: 12, minute: 0, meridiem: Meridiem.PM };
  }
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (!Number.isInteger(h) || h > 23 || m > 59) return null;
  const s = (suffix ?? '').toLowerCase();
  if (s.startsWith('a') || s.startsWith('p')) {
    if (h === 0 || h > 12) return null;
    const pm = s.startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
    return { hour: h, minute: m, meridiem: pm ? Meridiem.PM : Meridiem.AM };
  }
  return { hour: h, minute: m };
}

// Compiled once: chrono asks for the pattern on every parse.
const TIMEQUALIFIER_PATTERN_RE = bounded(
      `(?:(${BETWEEN})\\s+(?:${TIME})\\s*(?:and|to|until|till|-|–)\\s*(?:${TIME}))` +
        `|(?:(${AROUND}|${AFTER}|${BEFORE}|${AT})\\s+(?:${TIME}))` +
        `|(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*-?ish)` +
        // "wed 9", "tomorrow 4:30": a bare clock number right after a day word.
        `|(?<=(?:${WEEKDAY_PATTERN}|today|tomorrow|tmrw|tmr|tomorow)\\.?,?\\s+)(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![\\d/:.-]|\\s*(?:st|nd|rd|th)\\b|\\s*${MONTH_PATTERN})` +
        // "mon 9-11", "tues 2-4": a range of clock hours right after a day word.
        `|(?<=(?:${WEEKDAY_PATTERN}|today|tomorrow|tmrw|tmr|tomorow)\\.?,?\\s+)(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:-|–|to)\\s*(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![\\d/:.-])` +
        // "8.30", "10.15 tomorrow": a clock time written with a dot (not "3.4.1990", not "1.5").
        `|(?<![\\d.])(\\d{1,2})\\.([0-5]\\d)\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![\\d.]|\\.\\d)`,
    );

export const timeQualifierParser: Parser = {
  pattern: () => TIMEQUALIFIER_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const index = match.index ?? 0;
    let kind: string;
    let start: Components | null;
    let end: Components | null = null;
    if (match[1] !== undefined) {
      kind = 'between';
      start = readTime(match[2], match[3], match[4], match[5]);
      end = readTime(match[6], match[7], match[8], match[9]);
      if (!end) return null;
      // "between 1 and 3pm": the meridiem on the end carries to the start.
      if (start && start.meridiem === undefined && end.meridiem === Meridiem.PM && start.hour < 12 && start.hour + 12 <= end.hour) {
        start = { hour: start.hour + 12, minute: start.minute, meridiem: Meridiem.PM };
      }
    } else if (match[10] !== undefined) {
      const word = match[10].toLowerCase().replace(/\s+/g, ' ');
      kind = IS_AROUND.test(word) ? 'around' : IS_AFTER.test(word) ? 'after' : IS_BEFORE.test(word) ? 'before' : 'at';
      start = readTime(match[11], match[12], match[13], match[14]);
      // "for 30 minutes", "by 5 people": only a number the patient meant as a clock time.
      if (word === 'for' && (match[13] === undefined && match[12] === undefined)) return null;
    } else if (match[15] !== undefined) {
      kind = 'around';
      start = readTime(match[15], match[16], match[17]);
    } else if (match[19] !== undefined) {
      kind = 'at';
      start = readTime(match[19], match[20], match[21]); // match[18] is the day word in the lookbehind
    } else if (match[24] !== undefined) {
      kind = 'between'; // match[22] is the month in a lookahead, match[23] the day word in the lookbehind
      start = readTime(match[24], match[25], match[26]);
      end = readTime(match[27], match[28], match[29]);
      if (!end) return null;
    } else {
      kind = 'at';
      start = readTime(match[30], match[31], match[32]);
      if (start && start.hour > 12 && start.meridiem === undefined) return null;
    }
    if (!start) return null;
    const result = context.createParsingResult(index, match[0], start, end ?? undefined);
    return result.addTag(`${TAG.qualifier}${kind}`);
  },
};
