// Parts of the day ("morning", "late afternoon", "lunchtime", "first thing", "tonight", "wed am")
// as time-of-day windows. Replaces chrono's ENCasualTimeParser, which gives one instant, not a window.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded, WEEKDAY_PATTERN } from './words';
import { dayComponents, today } from '../reference';
import { TAG, timeOfDayTag } from '../tags';

const H = 60;
// Spec meanings table; the early/mid/late refinements are what a front desk would offer.
const PARTS: [RegExp, number, number][] = [
  [/^first thing/, 7 * H, 10 * H],
  [/^early morning/, 7 * H, 10 * H],
  [/^(mid-?\s?morning)/, 9 * H, 11 * H],
  [/^late morning/, 10 * H, 12 * H],
  [/^early afternoon/, 12 * H, 14 * H],
  [/^mid-?\s?afternoon/, 13 * H, 16 * H],
  [/^late afternoon|^end of (the )?day|^after school/, 15 * H, 17 * H],
  [/^early evening/, 17 * H, 19 * H],
  [/^late evening/, 19 * H, 21 * H],
  [/^(lunch|midday|mid-day)/, 11 * H + 30, 13 * H + 30],
  [/^noon/, 11 * H, 13 * H],
  [/^before work/, 7 * H, 9 * H],
  [/^(morning|am|a\.m)/, 8 * H, 12 * H],
  [/^(afternoon|pm|p\.m)/, 12 * H, 17 * H],
  [/^(evening|night|tonight|after work)/, 17 * H, 20 * H],
];

// Typed short and misspelled: "aft", "aftenoon", "aftrnoon", "mornin", "morn", "eve", "evng", "nite".
const MORNING = 'mornings?|mornin[g\']?s?|morn|mornig|moring|mroning';
const AFTERNOON = 'afternoons?|aft(?:er|e|r)?n(?:oo|o|ooo)ns?|aftn|aft|arvo';
const EVENING = 'evenings?|evenin[g\']?|evng|eve|nights?|nite';
const PART_WORDS =
  `first\\s+thing(?:\\s+in\\s+the\\s+morning)?|(?:early|late|mid-?)\\s?(?:${MORNING}|${AFTERNOON}|${EVENING})|${MORNING}|${AFTERNOON}|${EVENING}|` +
  'lunch\\s*time|lunch\\s+hour|lunch|midday|mid-day|noon(?:-?ish)?|end\\s+of\\s+(?:the\\s+)?day|after\\s+school|after\\s+work|before\\s+work|tonight|' +
  'a\\.m\\.?|p\\.m\\.?|am|pm';

// "am"/"pm" alone are parts of day only right after a day word ("wed am"); elsewhere "am" is a verb.
const DAY_BEFORE = new RegExp(`(?:${WEEKDAY_PATTERN}|today|tomorrow|tmrw|tmr|tomorow|tommorow|\\d{1,2}/\\d{1,2})\\.?\\s*$`, 'i');

// Compiled once: chrono asks for the pattern on every parse.
const PARTSOFDAY_PATTERN_RE = bounded(`(?:(this|in\\s+the|during\\s+the|over|at)\\s+)?(${PART_WORDS})`);

/** "early aftrnoon" → "early afternoon": the spelling the PARTS table knows (plural kept). */
function canonical(words: string): string {
  const plural = /s$/.test(words) && !/(?:^|\s)(?:eve|aft|morn|nite)$/.test(words) ? 's' : '';
  return words
    .replace(/\b(?:mornin[g']?s?|morn|mornig|moring|mroning)$/, `morning${plural}`)
    .replace(/\b(?:aft(?:er|e|r)?n(?:oo|o|ooo)ns?|aftn|aft|arvo)$/, `afternoon${plural}`)
    .replace(/\b(?:evenin[g']?s?|evng|eve|nite)$/, `evening${plural}`)
    .replace(/^noon-?ish$/, 'noon');
}

export const partsOfDayParser: Parser = {
  pattern: () => PARTSOFDAY_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const index = match.index ?? 0;
    const lead = (match[1] ?? '').toLowerCase();
    const words = canonical((match[2] ?? '').toLowerCase().replace(/\s+/g, ' '));
    if (/^(a\.?m\.?|p\.?m\.?)$/.test(words) && (lead !== '' ? lead !== 'in the' : !DAY_BEFORE.test(context.text.slice(0, index)))) {
      return null;
    }
    const part = PARTS.find(([re]) => re.test(words));
    if (!part) return null;
    const result = context.createParsingResult(index, match[0], { hour: Math.floor(part[1] / H), minute: part[1] % H });
    result.addTag(timeOfDayTag(part[1], part[2]));
    if (/s$/.test(words) && !/^(lunch|noon|midday|mid-day|a\.?m|p\.?m)/.test(words)) result.addTag(TAG.plural);
    // "this morning" and "tonight" name today as well.
    if (lead === 'this' || words === 'tonight') {
      const day = dayComponents(today(context));
      result.start.assign('year', day.year).assign('month', day.month).assign('day', day.day);
      result.addTag(TAG.period);
    }
    return result;
  },
};
