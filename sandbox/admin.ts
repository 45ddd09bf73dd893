// Test controls under /__sandbox: not part of the NexHealth API, no auth, plain JSON.
import { ApiError, isObject, parseDateTime, type ApiResponse, type Json, type Router } from './http';
import type { NexHealthLimits } from '../services/nexhealth/rate-limits';
import { registerPracticeControls } from './admin-practice';
import type { Fault, FaultKind, SandboxRuntime } from './server';

const FAULT_KINDS: FaultKind[] = ['down', 'slow', 'rate_limit', 'server_error', 'lose_response'];

const bad = (message: string): ApiError => new ApiError(400, [message]);
const json = (body: Record<string, unknown> | unknown[], status = 200): ApiResponse => ({ status, body });

function body(value: unknown): Json {
  if (value === undefined) return {};
  if (!isObject(value)) throw bad('body must be a JSON object');
  return value;
}

function count(obj: Json, key: string, { allowZero = true } = {}): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw bad(`${key} must be a ${allowZero ? 'non-negative' : 'positive'} integer`);
  return value;
}

const LIMIT_NAMES: (keyof NexHealthLimits)[] = ['perSecond', 'listReadsPerSecond', 'patientsAndAppointmentsPerMinute', 'otherPerMinute', 'secondMs', 'minuteMs'];

/** `limits`: some of the per-key limits, each a positive integer (tests shorten the windows). */
function limitChanges(value: unknown): Partial<NexHealthLimits> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw bad('limits must be an object');
  const changes: Partial<NexHealthLimits> = {};
  for (const [name, limit] of Object.entries(value)) {
    const known = LIMIT_NAMES.find((candidate) => candidate === name);
    if (!known) throw bad(`limits.${name} is not one of ${LIMIT_NAMES.join(', ')}`);
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw bad(`limits.${name} must be a positive integer`);
    changes[known] = limit;
  }
  return changes;
}

export function registerAdmin(router: Router, runtime: SandboxRuntime): void {
  const view = (): Record<string, unknown> => ({
    now: runtime.now().toISOString(),
    settings: runtime.settings,
    faults: runtime.faults.map((f) => ({ ...f, remaining: Number.isFinite(f.remaining) ? f.remaining : null })),
    insertions: runtime.insertions,
    webhooks: { dropNext: runtime.webhooks.dropNext, duplicateNext: runtime.webhooks.duplicateNext },
    seed: runtime.seed(),
  });

  router.add('GET', '/__sandbox', () => json(view()));

  // Optional `now` resets and freezes the clock there, so the seed is placed relative to it.
  router.add('POST', '/__sandbox/reset', (request) => {
    const input = body(request.body);
    let at: Date | undefined;
    if (input.now !== undefined && input.now !== null) {
      at = typeof input.now === 'string' ? parseDateTime(input.now) : undefined;
      if (!at) throw bad('now must be an ISO 8601 date-time');
    }
    runtime.reset(at);
    return json(view());
  });

  router.add('GET', '/__sandbox/clock', () => json({ now: runtime.now().toISOString() }));

  router.add('PUT', '/__sandbox/clock', (request) => {
    const input = body(request.body);
    if (!('now' in input)) throw bad('now is required (ISO string or null)');
    if (input.now === null) {
      runtime.freezeClock(null);
    } else {
      const at = typeof input.now === 'string' ? parseDateTime(input.now) : undefined;
      if (!at) throw bad('now must be an ISO 8601 date-time or null');
      runtime.freezeClock(at);
    }
    return json({ now: runtime.now().toISOString() });
  });

  router.add('POST', '/__sandbox/clock/advance', (request) => {
    const input = body(request.body);
    const ms = input.ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw bad('ms must be a number');
    runtime.advanceClock(ms);
    return json({ now: runtime.now().toISOString() });
  });

  router.add('GET', '/__sandbox/settings', () => json({ ...runtime.settings }));

  router.add('PUT', '/__sandbox/settings', (request) => {
    const input = body(request.body);
    const delay = count(input, 'insertionDelayMs');
    const ttl = count(input, 'tokenTtlSeconds', { allowZero: false });
    let retries: number[] | undefined;
    if (input.webhookRetryDelaysMs !== undefined) {
      const list = input.webhookRetryDelaysMs;
      if (!Array.isArray(list) || list.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
        throw bad('webhookRetryDelaysMs must be an array of non-negative numbers');
      }
      retries = list.map(Number);
    }
    if (input.rateLimits !== undefined && typeof input.rateLimits !== 'boolean') throw bad('rateLimits must be a boolean');
    const limits = limitChanges(input.limits);
    if (delay !== undefined) runtime.settings.insertionDelayMs = delay;
    if (ttl !== undefined) runtime.settings.tokenTtlSeconds = ttl;
    if (retries) runtime.settings.webhookRetryDelaysMs = retries;
    if (typeof input.rateLimits === 'boolean') runtime.settings.rateLimits = input.rateLimits;
    if (limits) {
      Object.assign(runtime.settings.limits, limits);
      runtime.resetLimits();
    }
    return json({ ...runtime.settings, limits: { ...runtime.settings.limits } });
  });

  router.add('GET', '/__sandbox/faults', () => json(view().faults as unknown[]));

  router.add('POST', '/__sandbox/faults', (request) => {
    const input = body(request.body);
    const kind = FAULT_KINDS.find((k) => k === input.kind);
    if (!kind) throw bad(`kind must be one of ${FAULT_KINDS.join(', ')}`);
    const times = count(input, 'times', { allowZero: false });
    const delayMs = count(input, 'delayMs') ?? 5000;
    const retryAfterSeconds = count(input, 'retryAfterSeconds');
    if (input.path !== undefined && typeof input.path !== 'string') throw bad('path must be a string');
    if (input.method !== undefined && typeof input.method !== 'string') throw bad('method must be a string');
    const fault: Fault = {
      kind,
      remaining: times ?? Number.POSITIVE_INFINITY,
      delayMs,
      retryAfterSeconds,
      path: typeof input.path === 'string' ? input.path : undefined,
      method: typeof input.method === 'string' ? input.method.toUpperCase() : undefined,
    };
    runtime.faults.push(fault);
    return json(view(), 201);
  });

  router.add('DELETE', '/__sandbox/faults', () => {
    runtime.faults.length = 0;
    return json(view());
  });

  router.add('POST', '/__sandbox/insertions', (request) => {
    const input = body(request.body);
    const failNext = count(input, 'failNext');
    if (input.failReason !== undefined && typeof input.failReason !== 'string') throw bad('failReason must be a string');
    if (failNext !== undefined) runtime.insertions.failNext = failNext;
    if (typeof input.failReason === 'string') runtime.insertions.failReason = input.failReason;
    return json({ ...runtime.insertions });
  });

  router.add('POST', '/__sandbox/webhooks', (request) => {
    const input = body(request.body);
    const dropNext = count(input, 'dropNext');
    const duplicateNext = count(input, 'duplicateNext');
    if (dropNext !== undefined) runtime.webhooks.dropNext = dropNext;
    if (duplicateNext !== undefined) runtime.webhooks.duplicateNext = duplicateNext;
    return json({ dropNext: runtime.webhooks.dropNext, duplicateNext: runtime.webhooks.duplicateNext });
  });

  router.add('GET', '/__sandbox/counters', () => json(Object.fromEntries([...runtime.counters].sort(([a], [b]) => a.localeCompare(b)))));

  router.add('DELETE', '/__sandbox/counters', () => {
    runtime.counters.clear();
    runtime.rateLimited.clear();
    return json({});
  });

  // Requests refused with 429 by the documented limits (injected faults are not counted here).
  router.add('GET', '/__sandbox/rate-limited', () => json(Object.fromEntries([...runtime.rateLimited].sort(([a], [b]) => a.localeCompare(b)))));

  router.add('GET', '/__sandbox/webhook-deliveries', () => json([...runtime.webhooks.records]));
  registerPracticeControls(router, runtime);
}
