// Matching words of a message against the practice's reference names: exact first, then fuse.js
// for typos, with guards fuse does not have (a short word is not a typo of a long one).
import Fuse from 'fuse.js';
import { editDistance } from './edit-distance';

export interface Term {
  /** lower-case words separated by single spaces */
  text: string;
  id: number;
}

export interface TermMatch {
  id: number;
  /** 0 exact … 1 unrelated (fuse score) */
  score: number;
}

/** Words shorter than this are matched exactly only: "le" is not "Lee", "kim" must be typed. */
const MIN_FUZZY_LENGTH = 4;
const MIN_LENGTH_RATIO = 0.75;

export class TermMatcher {
  private readonly exactTerms = new Map<string, Set<number>>();
  private readonly fuse: Fuse<Term>;
  /** phrase lengths that can pass the length-ratio guard, to skip hopeless searches */
  private readonly shortest: number;
  private readonly fuzzyTerms: string[];
  private readonly longest: number;

  constructor(terms: Term[]) {
    for (const term of terms) {
      const ids = this.exactTerms.get(term.text) ?? new Set<number>();
      ids.add(term.id);
      this.exactTerms.set(term.text, ids);
    }
    const fuzzyTerms = terms.filter((term) => term.text.length >= MIN_FUZZY_LENGTH);
    this.fuzzyTerms = [...new Set(fuzzyTerms.map((term) => term.text))];
    this.shortest = Math.min(...fuzzyTerms.map((term) => term.text.length)) * MIN_LENGTH_RATIO;
    this.longest = Math.max(...fuzzyTerms.map((term) => term.text.length)) / MIN_LENGTH_RATIO;
    this.fuse = new Fuse(
      fuzzyTerms,
      { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4, isCaseSensitive: true },
    );
  }

  /** The one id a phrase names exactly; undefined when none or when it is ambiguous ("Lee" twice). */
  exact(phrase: string): number | undefined {
    const ids = this.exactTerms.get(phrase);
    return ids?.size === 1 ? [...ids][0] : undefined;
  }

  has(phrase: string): boolean {
    return this.exactTerms.has(phrase);
  }

  /**
   * A lookup for one message: the same phrase (a long message repeats itself) is searched once.
   * The memo lives as long as the returned function, never in the shared index.
   */
  fuzzyLookup(threshold: number): (phrase: string) => TermMatch | undefined {
    const seen = new Map<string, TermMatch | undefined>();
    return (phrase) => {
      if (!seen.has(phrase)) seen.set(phrase, this.fuzzy(phrase, threshold));
      return seen.get(phrase);
    };
  }

  /** The best fuzzy match at or under `threshold`, if one id clearly wins. */
  fuzzy(phrase: string, threshold: number): TermMatch | undefined {
    if (phrase.length < Math.max(MIN_FUZZY_LENGTH, this.shortest) || phrase.length > this.longest) return undefined;
    const exact = this.exact(phrase);
    if (exact !== undefined) return { id: exact, score: 0 };
    // fuse.js scores, but searching costs ~0.1 ms a phrase: a bounded edit distance first tells
    // which phrases could be a typo of a term at all (most words of a message are not).
    const allowed = phrase.length >= 8 ? 3 : 2;
    if (!this.fuzzyTerms.some((term) => editDistance(phrase, term, allowed) <= allowed)) return undefined;
    const results = this.fuse.search(phrase, { limit: 5 }).filter((result) => {
      const ratio = Math.min(phrase.length, result.item.text.length) / Math.max(phrase.length, result.item.text.length);
      return (result.score ?? 1) <= threshold && ratio >= MIN_LENGTH_RATIO;
    });
    if (results.length === 0) return undefined;
    const best = results[0];
    const bestScore = best.score ?? 1;
    // Two different ids scoring alike: not confident enough to pick one.
    if (results.some((r) => r.item.id !== best.item.id && (r.score ?? 1) - bestScore < 0.05)) return undefined;
    return { id: best.item.id, score: bestScore };
  }
}
