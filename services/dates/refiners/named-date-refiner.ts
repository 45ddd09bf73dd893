// Marks results that name a calendar date ("January 20", "mid-Jan", "1/12", "12-22", "the 5th",
// a holiday): their window is what the patient asked for, so the horizon does not cut it.
// Relative phrases ("next month", "in 3 weeks") stay within the horizon.
import type { ParsingResult, Refiner } from 'chrono-node';
import { MONTH_PATTERN } from '../parsers/words';
import { hasTag, TAG } from '../tags';

const NAMED_DATE_RE = new RegExp(`(?<![\\w'])${MONTH_PATTERN}(?![\\w'])|\\d{1,4}[/-]\\d{1,2}|\\d(?:st|nd|rd|th)\\b`, 'i');

export const namedDateRefiner: Refiner = {
  refine: (_context, results: ParsingResult[]) => {
    for (const result of results) {
      if (hasTag(result, TAG.holiday) || NAMED_DATE_RE.test(result.text)) result.addTag(TAG.named);
    }
    return results;
  },
};
