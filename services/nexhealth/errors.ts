// Typed errors of the NexHealth client. They carry the endpoint (method + path pattern, never a
// query string or body) and a short cause, so nothing a patient typed can reach a log through them.

export type NexHealthErrorKind =
  | 'invalid'          // 400: a parameter or field is missing or malformed
  | 'auth'             // 401/403: bad API key or token, or no access to the subdomain
  | 'not_found'        // 404
  | 'slot_unavailable' // the requested appointment time is already taken
  | 'rate_limited'     // 429 after the retries allowed
  | 'unavailable'      // 5xx, connection refused or reset, timeout
  | 'protocol';        // an answer that is not the documented envelope

export class NexHealthError extends Error {
  readonly kind: NexHealthErrorKind;
  readonly status?: number;
  readonly endpoint: string;
  /** Problems the API listed in the envelope's `error`, scrubbed of anything that looks like data. */
  readonly problems: string[];
  readonly retryAfterMs?: number;

  constructor(kind: NexHealthErrorKind, endpoint: string, options: { status?: number; problems?: string[]; cause?: string; retryAfterMs?: number } = {}) {
    const problems = (options.problems ?? []).map(scrub).slice(0, 5);
    const detail = options.cause ?? problems.map(forMessage).join('; ');
    super(`NexHealth ${endpoint}: ${kind}${options.status ? ` (${options.status})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'NexHealthError';
    this.kind = kind;
    this.status = options.status;
    this.endpoint = endpoint;
    this.problems = problems;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Worth another try later (the request may not have been processed). */
  get transient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'rate_limited';
  }
}

/** The envelope's `error` as a flat list of strings: live answers are flat, the docs' samples nested. */
export function flattenProblems(error: unknown[]): string[] {
  return error.flat(4).filter((item): item is string => typeof item === 'string');
}

export function isNexHealthError(error: unknown, kind?: NexHealthErrorKind): error is NexHealthError {
  return error instanceof NexHealthError && (kind === undefined || error.kind === kind);
}

/** Messages of a known, data-free shape go into the error's message; anything else is withheld. */
const SAFE_PROBLEM = /^(?:(?:missing|invalid) parameter [\w.[\]]+|\w+ not found|time slot is not available|name has already been taken|unauthorized|too many requests|internal server error|malformed json body)\.?$/i;

function forMessage(problem: string): string {
  return SAFE_PROBLEM.test(problem) && problem.length <= 80 ? problem : '[details withheld]';
}

/**
 * Server messages normally name a field ("Missing parameter start"); should one ever echo a value,
 * e-mail addresses, runs of digits and quoted text are masked and the length is capped.
 */
export function scrub(message: string): string {
  return message
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/\d[\d\s().+\-/]{3,}\d/g, '[number]')
    .replace(/(["'])[^"']*\1/g, '[value]')
    .slice(0, 160);
}
