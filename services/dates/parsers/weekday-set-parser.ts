// "weekdays", "weekday mornings", "weekends", "any weekday": a filter on days, not a date.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded } from './words';
import { TAG } from '../tags';

// Compiled once: chrono asks for the pattern on every parse.
const WEEKDAYSET_PATTERN_RE = bounded('(?:(?:any|a|on|every|most)\\s+)?(week\\s?days?|work\\s?days?|business\\s+days?|week\\s?ends)');

export const weekdaySetParser: Parser = {
  pattern: () => WEEKDAYSET_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const word = (match[1] ?? '').toLowerCase();
    const set = /ends$/.test(word) ? '67' : '12345';
    return context.createParsingResult(match.index ?? 0, match[0], { hour: 12 }).addTag(`${TAG.weekdaySet}${set}`);
  },
};
