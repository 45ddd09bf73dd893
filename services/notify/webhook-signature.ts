// NexHealth signs a webhook delivery with the endpoint's secret: lowercase hex HMAC-SHA256 over
// `timestamp + "." + base64(raw body)`, sent in the `signature` and `timestamp` headers.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * NexHealth retries a failed delivery for 48 hours (30 s … 48 h) and does not document whether a
 * retry is signed afresh: a signed delivery is accepted for that whole horizon (plus an hour), and
 * replays are told apart by the replay records, not by the clock. A timestamp from the future is
 * refused beyond a clock skew.
 */
export const RETRY_HORIZON_MS = 49 * 60 * 60_000;
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

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
  const sentAt = parseTimestamp(headers.timestamp);
  const age = now.getTime() - sentAt;
  if (Number.isNaN(sentAt) || age > RETRY_HORIZON_MS || age < -MAX_FUTURE_SKEW_MS) return 'stale';
  return 'valid';
}

/** ISO 8601 as documented; epoch seconds or milliseconds too, in case a sender uses them. */
function parseTimestamp(timestamp: string): number {
  const trimmed = timestamp.trim();
  if (/^\d{9,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (/^\d{12,13}$/.test(trimmed)) return Number(trimmed);
  return Date.parse(trimmed);
}
