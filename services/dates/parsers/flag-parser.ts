// "ASAP", "earliest", "first available" (asap) and "whenever", "any time" (no constraint).
// Not dates at all, but expressing them as chrono results keeps one pass over the text.
import type { Parser, ParsingContext } from 'chrono-node';
import { bounded } from './words';
import { TAG } from '../tags';

const ASAP =
  'asap|a\\.s\\.a\\.p\\.?|as\\s+soon\\s+as\\s+(?:possible|you\\s+can|you\\s+have|available)|as\\s+early\\s+as\\s+possible|' +
  '(?:the\\s+)?earliest(?:\\s+(?:available|possible|opening|appointment|slot|time|date|you\\s+have))?|' +
  '(?:the\\s+)?first\\s+(?:available|availability|opening|open\\s+slot|open|slot|appointment|free\\s+slot)|' +
  '(?:the\\s+)?next\\s+(?:available|opening|open\\s+slot|free\\s+slot)|soonest|(?:the\\s+)?sooner\\s+the\\s+better|' +
  'what(?:ever)?\'?s\\s+(?:first|soonest|earliest)|whatever\\s+is\\s+(?:first|soonest|earliest)|whichever\\s+is\\s+(?:first|soonest|earliest)|' +
  'right\\s+away|right\\s+now|urgent(?:ly)?|emergency|immediately|straight\\s+away';
const ANYTIME =
  'whenever|any\\s*time|anytime|any\\s+day|any\\s+date|i\'?m\\s+flexible|flexible|doesn\'?t\\s+matter|no\\s+preference|all\\s+day|whatever\\s+works';

// Compiled once: chrono asks for the pattern on every parse.
const FLAG_PATTERN_RE = bounded(`(${ASAP})|(${ANYTIME})`);

export const flagParser: Parser = {
  pattern: () => FLAG_PATTERN_RE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const result = context.createParsingResult(match.index ?? 0, match[0], { hour: 12 });
    return result.addTag(match[1] !== undefined ? TAG.asap : TAG.anytime);
  },
};
