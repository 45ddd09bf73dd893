// Direct Line tokens for the local channel: a JWT that opens exactly one conversation for one user.
// Web Chat reads the `user` claim (as with Azure's tokens), so the page needs no user id of its own.
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../../services/clock';

export interface DirectLineGrant {
  conversationId: string;
  userId: string;
}

export type TokenCheck = { ok: true; grant: DirectLineGrant } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

const ISSUER = 'local-directline';

export class DirectLineTokens {
  // A fresh secret per process: tokens do not outlive the conversations they open (kept in memory).
  private readonly secret = randomBytes(32);

  constructor(private readonly clock: Clock, readonly ttlSeconds = 3600) {}

  issue(grant: DirectLineGrant): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ conv: grant.conversationId, user: grant.userId, iat: now, exp: now + this.ttlSeconds }, this.secret, { algorithm: 'HS256', issuer: ISSUER });
  }

  verify(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    try {
      const payload: unknown = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'invalid' };
      const { conv, user } = payload as Record<string, unknown>;
      if (typeof conv !== 'string' || typeof user !== 'string') return { ok: false, reason: 'invalid' };
      return { ok: true, grant: { conversationId: conv, userId: user } };
    } catch (error) {
      return { ok: false, reason: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match?.[1];
}
