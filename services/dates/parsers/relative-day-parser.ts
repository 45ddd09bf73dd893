// "today", "tomorrow" (and typos: tmrw, tomorow, 2morrow…), "day after tomorrow", "yesterday".
// Replaces chrono's ENCasualDateParser, which knows no typos and turns "now"/"tonight" into instants.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded } from './words';
import { dayComponents, today } from '../reference';
import { TAG } from '../tags';

const TOMORROW = '(?:to|2|t)m{1,2}o?r{1,3}o?w?|tmw';
const YESTERDAY = 'yesterday|yday|yest';

// Compiled once: chrono asks for the pattern on every parse.
const RELATIVEDAY_PATTERN_RE = bounded(`(?:the\\s+)?day\\s+after\\s+(?:${TOMORROW})|(?:the\\s+)?day\\s+before\\s+(?:${YESTERDAY})|today|${TOMORROW}|${YESTERDAY}`);

export const relativeDayParser: Parser = {
  pattern: () => RELATIVEDAY_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const words = match[0].toLowerCase();
    let offset = 0;
    if (words.includes('after')) offset = 2;
    else if (words.includes('before')) offset = -2;
    else if (/^(yesterday|yday|yest)$/.test(words)) offset = -1;
    else if (words !== 'today') offset = 1;
    const day = today(context).plus({ days: offset });
    const result = context.createParsingResult(match.index ?? 0, match[0], dayComponents(day));
    return result.addTag(TAG.period);
  },
};
