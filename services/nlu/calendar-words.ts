// Month and weekday words as patients type them, short forms and small typos included.
import { editDistance } from './edit-distance';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT: Record<string, number> = {
  jan: 1, feb: 2, febr: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY_SHORT: Record<string, number> = {
  mon: 1, tue: 2, tues: 2, tu: 2, wed: 3, weds: 3, thu: 4, thur: 4, thurs: 4, thr: 4, fri: 5, sat: 6, sun: 7,
};

function closest(word: string, names: string[]): number | undefined {
  if (word.length < 6) return undefined; // shorter words are too often names ("Marco")
  const allowed = word.length >= 7 ? 2 : 1;
  let found: number | undefined;
  names.forEach((name, index) => {
    if (found === undefined && name.length >= 5 && word[0] === name[0] && editDistance(word, name, allowed) <= allowed) found = index + 1;
  });
  return found;
}

/** 1–12 for a month word ("march", "mar", "sept", "febuary"), else undefined. */
export function monthNumber(word: string): number | undefined {
  const bare = word.replace(/\.$/, '');
  const exact = MONTHS.indexOf(bare);
  if (exact >= 0) return exact + 1;
  return MONTH_SHORT[bare] ?? closest(bare, MONTHS);
}

/** 1 (Monday)–7 for a weekday word, its plural, short form or a small typo, else undefined. */
export function weekdayNumber(word: string): number | undefined {
  const bare = word.replace(/\.$/, '').replace(/(day)s$/, '$1');
  const exact = WEEKDAYS.indexOf(bare);
  if (exact >= 0) return exact + 1;
  return WEEKDAY_SHORT[bare] ?? closest(bare, WEEKDAYS);
}
