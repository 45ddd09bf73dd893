// NexHealth signs a webhook delivery with the endpoint's secret: lowercase hex HMAC-SHA256 over
// `timestamp + "." + base64(raw body)`, sent in the `signature` and `timestamp` headers.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A delivery whose timestamp is further than this from our clock is refused (replays). */
export const MAX_TIMESTAMP_SKEW_MS = 5 * 60_000;

export type SignatureCheck = 'valid' | 'missing' | 'mismatch' | 'stale';

export function signWebhook(rawBody: string | Buffer, timestamp: string, secret: string): string {
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
  return createHmac('sha256', secret).update(`${timestamp}.${body.toString('base64')}`).digest('hex');
}

export function verifyWebhookSignature(
  rawBody: string | Buffer | undefined,
  headers: { timestamp?: string; signature?: string },
  secret: string,
  now: Date,
): SignatureCheck {
  if (rawBody === undefined || !headers.timestamp || !headers.signature || !secret) return 'missing';
  const expected = Buffer.from(signWebhook(rawBody, headers.timestamp, secret), 'utf8');
  const given = Buffer.from(headers.signature.trim().toLowerCase(), 'utf8');
  // Constant time: compare equal-length buffers only, and always run the comparison.
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!same) return 'mismatch';
  const sentAt = Date.parse(headers.timestamp);
  if (Number.isNaN(sentAt) || Math.abs(now.getTime() - sentAt) > MAX_TIMESTAMP_SKEW_MS) return 'stale';
  return 'valid';
}
