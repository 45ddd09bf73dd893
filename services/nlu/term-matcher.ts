// Matching words of a message against the practice's reference names: exact first, then fuse.js
// for typos, with guards fuse does not have (a short word is not a typo of a long one).
import Fuse from 'fuse.js';

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

  constructor(terms: Term[]) {
    for (const term of terms) {
      const ids = this.exactTerms.get(term.text) ?? new Set<number>();
      ids.add(term.id);
      this.exactTerms.set(term.text, ids);
    }
    this.fuse = new Fuse(
      terms.filter((term) => term.text.length >= MIN_FUZZY_LENGTH),
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

  /** The best fuzzy match at or under `threshold`, if one id clearly wins. */
  fuzzy(phrase: string, threshold: number): TermMatch | undefined {
    if (phrase.length < MIN_FUZZY_LENGTH || phrase.length > 40) return undefined;
    const exact = this.exact(phrase);
    if (exact !== undefined) return { id: exact, score: 0 };
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
