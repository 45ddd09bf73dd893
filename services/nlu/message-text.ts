// A patient message as the extractors share it: cleaned text with its original casing, a
// lower-cased copy of the same length, and a mask of what earlier extractors already consumed,
// so that a birth date or a phone number is never read a second time as a preferred date.

/** Longer messages are cut: no patient answer needs more, and it bounds the work per message. */
const MAX_LENGTH = 2000;

export interface Token {
  /** lower-cased */
  word: string;
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };

function clean(raw: string): string {
  return raw
    .slice(0, MAX_LENGTH)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^<>]{0,300}>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? ' ')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .normalize('NFC');
}

/** Lower-cases without changing any offset (a few characters grow when lower-cased, e.g. İ). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const char of text) {
    const lowered = char.toLowerCase();
    out += lowered.length === char.length ? lowered : char;
  }
  return out;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[:/.'-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

export class MessageText {
  readonly original: string;
  readonly lower: string;
  private consumed: string;

  constructor(raw: string) {
    this.original = clean(raw);
    this.lower = lowerSameLength(this.original);
    this.consumed = this.lower;
  }

  /** The lower-cased text with consumed spans blanked out. */
  get remaining(): string {
    return this.consumed;
  }

  consume(start: number, end: number): void {
    if (end <= start) return;
    this.consumed = this.consumed.slice(0, start) + ' '.repeat(end - start) + this.consumed.slice(end);
  }

  /** Tokens of what is left (or of `from`..`to` of it). */
  tokens(from = 0, to = this.consumed.length): Token[] {
    return tokenize(this.consumed.slice(from, to), from);
  }
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = (match.index ?? 0) + offset;
    tokens.push({ word: match[0], start, end: start + match[0].length });
  }
  return tokens;
}

/** True when only spaces (and the given punctuation) separate two offsets. */
export function onlyGap(text: string, from: number, to: number, punctuation = ','): boolean {
  for (let i = from; i < to; i += 1) {
    const char = text[i];
    if (char !== ' ' && char !== '\t' && char !== '\n' && !punctuation.includes(char)) return false;
  }
  return true;
}
