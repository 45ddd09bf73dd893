// One limiter for every flood the bot refuses: new conversations per address, messages per
// conversation and per address. A token bucket per key: `burst` at once, then `perSecond`.
// Keys are bounded: the least recently used go first (a flood of keys forgets, never grows).
export interface RateLimit {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class KeyedRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit, private readonly now: () => number = Date.now, private readonly maxKeys = 10_000) {}

  /** Takes one token for `key`; false when its bucket is empty (the caller refuses). */
  allow(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value ?? key);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * The key of a client's address: IPv4 as it is, IPv6 by its /64 (one customer's network; an
 * attacker holding a /64 must not get a fresh bucket per address).
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  if (address.startsWith('::ffff:') || !address.includes(':')) return address.replace(/^::ffff:/, '');
  const [head, tail = ''] = address.split('::');
  const groups = head.split(':').filter(Boolean);
  const fill = 8 - groups.length - tail.split(':').filter(Boolean).length;
  const full = [...groups, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail.split(':').filter(Boolean)];
  return `${full.slice(0, 4).map((group) => group.toLowerCase()).join(':')}::/64`;
}

/** The limits the bot applies (README: "Limits"). */
export const LIMITS = {
  /** Messages into one conversation: a fast typist sends a few at once, nobody sends 300. */
  conversation: { burst: 10, perSecond: 1 },
  /** New Direct Line conversations from one address: 60 a minute (a page load opens one). */
  newConversations: { burst: 60, perSecond: 1 },
  /** Requests from one address without Bot Framework credentials. */
  address: { burst: 120, perSecond: 4 },
  /** "Slow down" said at most once in this long per conversation. */
  slowDownNotice: { burst: 1, perSecond: 1 / 30 },
} satisfies Record<string, RateLimit>;
