// Reads the words between results: "or"/"and"/"," (alternatives) and "except", "but not",
// "not", "can't do" (what follows is excluded, until "but"/"instead" turns back to wanted times,
// or a part of day after a comma or full stop: "next week, not Monday, mornings").
// chrono gives no hook for text between results other than a refiner reading context.text.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { hasTag, readTimeOfDay, TAG } from '../tags';

const EXCLUDE =
  /\b(?:except(?:\s+for)?|excluding|exclude|but\s+not|not\s+on|not(?!\s+(?:until|till|til|before|after|earlier|later))|other\s+than|apart\s+from|besides|can'?t(?:\s+(?:do|make|come))?|cannot(?:\s+(?:do|make|come))?|won'?t\s+work|unavailable|busy|away|out\s+of\s+town)\b|\b(?:any\s+day\s+but|but|no)\s*$/i;
const INCLUDE_AGAIN = /\b(?:but|instead|rather|however|though|only|prefer(?:ably)?)\b/i;

/** "mornings", "afternoon": a time of day with no day; after "not Monday," it says what is wanted. */
function isPartOfDayOnly(result: ParsingResult): boolean {
  return readTimeOfDay(result) !== undefined && !result.start.isCertain('day') && !hasTag(result, TAG.period) && !result.start.isCertain('weekday');
}

export const connectorRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    let excluding = false;
    let cursor = 0;
    for (const result of results) {
      // A weekday result may have swallowed the full stop ("monday. mornings").
      const gap = context.text.slice(cursor, result.index) + (cursor > 0 && context.text[cursor - 1] === '.' ? '.' : '');
      if (EXCLUDE.test(gap)) excluding = true;
      else if (excluding && (INCLUDE_AGAIN.test(gap) || (/[,.;]/.test(gap) && isPartOfDayOnly(result)))) excluding = false;
      const join = /\bor\b|\/|\beither\b/i.test(gap) ? 'or'
        : /\band\b|&|\+|\bplus\b|\balso\b/i.test(gap) ? 'and'
          : /[,;]/.test(gap) ? 'comma' : 'none';
      result.addTag(`${TAG.join}${cursor === 0 ? 'none' : join}`);
      if (excluding) result.addTag(TAG.exclude);
      cursor = result.index + result.text.length;
    }
    return results;
  },
};
