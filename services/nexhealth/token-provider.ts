// API key → bearer token exchange. The token is cached until shortly before its JWT `exp` and
// fetched once however many requests need it at the same moment (single flight).
import type { Clock } from '../clock';

export interface TokenSource {
  /** Performs POST /authenticates and returns the raw token. */
  exchange(): Promise<string>;
}

const REFRESH_MARGIN_MS = 60_000;
const FALLBACK_LIFETIME_MS = 55 * 60_000;

export class TokenProvider {
  private cached?: { token: string; refreshAt: number };
  private inFlight?: Promise<string>;

  constructor(private readonly source: TokenSource, private readonly clock: Clock) {}

  async token(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.cached && now < this.cached.refreshAt) return this.cached.token;
    if (!this.inFlight) {
      this.inFlight = this.source.exchange()
        .then((token) => {
          this.cached = { token, refreshAt: refreshTime(token, this.clock.now().getTime()) };
          return token;
        })
        .finally(() => { this.inFlight = undefined; });
    }
    return this.inFlight;
  }

  /** Drops a token the API refused, so the next call exchanges the key again. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }
}

/** When to fetch a new token: a minute before `exp` (or halfway for very short lives). */
export function refreshTime(token: string, issuedAt: number): number {
  const expiresAt = jwtExpiry(token);
  if (expiresAt === undefined) return issuedAt + FALLBACK_LIFETIME_MS;
  const lifetime = expiresAt - issuedAt;
  return expiresAt - Math.min(REFRESH_MARGIN_MS, Math.max(0, lifetime / 2));
}

/** The `exp` claim of a JWT in epoch ms, read without verifying (the API verifies it). */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims === 'object' && claims !== null && 'exp' in claims && typeof claims.exp === 'number') {
      return claims.exp * 1000;
    }
  } catch {
    // Not a JWT we can read: fall back to a fixed lifetime.
  }
  return undefined;
}
