// Each route that takes a body says how much and of what kind; nothing else is ever parsed (no
// multipart, no compressed bodies, no guessing). Refusals are short fixed messages: nothing the
// client sent is echoed, nothing internal is shown.
import type { Next, Request, RequestHandler, Response } from 'restify';

export type BodyKind = 'json' | 'form';

export interface BodyPolicy {
  kind: BodyKind;
  maxBytes: number;
  /** An empty body is fine (Direct Line's token and conversation calls). */
  optional?: boolean;
}

const MEDIA_TYPES: Record<BodyKind, string> = { json: 'application/json', form: 'application/x-www-form-urlencoded' };

export const refusals = {
  compressed: 'Compressed bodies are not accepted.',
  mediaType: 'Unsupported content type.',
  tooLarge: 'The body is too large.',
  malformed: 'The body could not be read.',
  aborted: 'The body did not arrive.',
} as const;

export function readBody(policy: BodyPolicy): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const refusal = checkHeaders(req, policy);
    if (refusal) return refuse(req, res, next, refusal.status, refusal.message);
    if (!hasBody(req)) {
      if (!policy.optional) return refuse(req, res, next, 415, refusals.mediaType);
      req.body = {};
      return next();
    }
    collect(req, policy.maxBytes, (outcome) => {
      if (outcome.kind === 'tooLarge') return refuse(req, res, next, 413, refusals.tooLarge);
      if (outcome.kind === 'aborted') return refuse(req, res, next, 400, refusals.aborted);
      const text = outcome.bytes.toString('utf8');
      const parsed = parse(text, policy.kind);
      if (parsed === undefined) return refuse(req, res, next, 400, refusals.malformed);
      req.rawBody = text;
      req.body = parsed;
      next();
    });
  };
}

function checkHeaders(req: Request, policy: BodyPolicy): { status: number; message: string } | undefined {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') return { status: 415, message: refusals.compressed };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > policy.maxBytes) return { status: 413, message: refusals.tooLarge };
  if (!hasBody(req)) return undefined;
  const mediaType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === MEDIA_TYPES[policy.kind] ? undefined : { status: 415, message: refusals.mediaType };
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

type Collected = { kind: 'complete'; bytes: Buffer } | { kind: 'tooLarge' } | { kind: 'aborted' };

/** Reads at most `maxBytes`; stops buffering the moment the body is larger. */
function collect(req: Request, maxBytes: number, done: (outcome: Collected) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const settle = (outcome: Collected) => {
    if (settled) return;
    settled = true;
    req.off('data', onData);
    done(outcome);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) settle({ kind: 'tooLarge' });
    else chunks.push(chunk);
  };
  req.on('data', onData);
  req.once('end', () => settle({ kind: 'complete', bytes: Buffer.concat(chunks, size) }));
  req.once('aborted', () => settle({ kind: 'aborted' }));
  req.once('error', () => settle({ kind: 'aborted' }));
}

/** Deeper than any activity or card; deeper JSON breaks serialising it again later. */
const MAX_JSON_DEPTH = 64;

function parse(text: string, kind: BodyKind): unknown {
  if (kind === 'form') return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed = JSON.parse(text) as unknown;
    return depthOf(parsed) <= MAX_JSON_DEPTH ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** How deeply objects and arrays nest (iteratively: a deep value must not overflow the stack). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

export function refuse(req: Request, res: Response, next: Next, status: number, message: string): void {
  res.send(status, { error: message });
  discardRest(req);
  next(false);
}

/** A client uploading this much more after its refusal is not one that will read it. */
const DRAIN_CAP_BYTES = 1024 * 1024;
/** Time the client gets to read the refusal before its connection is cut. */
const LINGER_MS = 1_000;

/**
 * What is still arriving of a refused body is read and thrown away, never kept, so the client can
 * read the answer instead of meeting a reset; past a megabyte reading stops, and the connection is
 * cut a second later (a "lingering close", as web servers do).
 */
export function discardRest(req: Request): void {
  if (req.complete) return;
  let drained = 0;
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= DRAIN_CAP_BYTES) return;
    req.off('data', onData);
    req.pause();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  };
  req.on('data', onData);
  req.resume();
}
