// Configuration is read from the environment once, here, validated with zod and handed down by
// constructors. Nothing else reads process.env (the sandbox's standalone entry point aside).
import { z } from 'zod';

export const SANDBOX_SUBDOMAIN = 'demo-dental';
export const SANDBOX_API_KEY = 'sandbox-api-key';

const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const port = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).default(fallback ? 'true' : 'false'))
    .transform((value) => value === 'true' || value === '1');

/** A CSP frame-ancestors source: 'self', 'none' or an origin (a wildcard subdomain allowed). */
const FRAME_SOURCE = /^('self'|'none'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;

const envSchema = z.object({
  PORT: port(3978),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),

  NEXHEALTH_API_KEY: optionalString,
  NEXHEALTH_SUBDOMAIN: optionalString,
  NEXHEALTH_LOCATION_ID: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  NEXHEALTH_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  // v3 (v20240412) is NexHealth's stable version for new integrations; v2 for practices still on v2.2.2.
  NEXHEALTH_API_VERSION: z.preprocess(emptyToUndefined, z.enum(['v2', 'v3']).default('v3')),
  NEXHEALTH_TIMEOUT_MS: positiveInt(10_000),
  NEXHEALTH_MAX_RETRIES: positiveInt(3),
  NEXHEALTH_REFERENCE_TTL_SECONDS: positiveInt(300),
  NEXHEALTH_SLOT_CACHE_SECONDS: positiveInt(5),
  NEXHEALTH_REQUESTABLE_ONLY: flag(true),
  NEXHEALTH_BOOKABLE_ONLINE_ONLY: flag(true),
  SANDBOX_PORT: port(3979),
  SANDBOX_INSERTION_DELAY_MS: positiveInt(2000),

  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: optionalString,

  STORAGE: z.preprocess(emptyToUndefined, z.enum(['file', 'memory', 'blob']).default('file')),
  STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/state')),
  AZURE_STORAGE_CONNECTION_STRING: optionalString,
  // Conversations and secrets go to `<name>-conversations` and `<name>-secrets`: those must be valid container names too.
  AZURE_STORAGE_CONTAINER: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,48}$/, '3 to 49 lowercase letters, digits and single hyphens').default('bot-state')),
  CONVERSATION_IDLE_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(24)),

  WEBHOOKS_ENABLED: flag(true),
  RECONCILE_AFTER_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(120)),

  TWILIO_ACCOUNT_SID: z.preprocess(emptyToUndefined, z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'an Account SID: AC followed by 32 hex digits').optional()),
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_PHONE_NUMBER: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +15551234567').optional()),
  TWILIO_API_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),

  HTTP_HEADERS_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(10_000)),
  HTTP_REQUEST_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).default(30_000)),

  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().trim().min(16, 'at least 16 characters').optional()),

  WEBCHAT_FRAME_ANCESTORS: z.preprocess(emptyToUndefined, z.string().trim().default("'self'"))
    // self and none without their quotes too (an env file strips quotes).
    .transform((value) => value.split(/\s+/).map((source) => (/^(self|none)$/i.test(source) ? `'${source.toLowerCase()}'` : source)))
    .refine((sources) => sources.every((source) => FRAME_SOURCE.test(source)) && (!sources.includes("'none'") || sources.length === 1), {
      message: "'self', 'none' or origins such as https://www.example-dental.com, separated by spaces",
    }),
});

export interface NexHealthConfig {
  /** 'sandbox': the embedded local server is started and used; 'live': a real API key is set. */
  mode: 'sandbox' | 'live';
  apiKey: string;
  subdomain: string;
  locationId?: number;
  /** For 'sandbox' the URL is only known once the sandbox listens; the sandbox port is fixed here. */
  baseUrl?: string;
  /** The NexHealth API version spoken: v3 (v20240412, default) or v2 (v2.2.2). */
  apiVersion: 'v2' | 'v3';
  sandboxPort: number;
  sandboxInsertionDelayMs: number;
  timeoutMs: number;
  maxRetries: number;
  referenceTtlMs: number;
  /** How long open times are reused per location, type, provider and day (0: not at all). */
  slotCacheTtlMs: number;
  /** Only providers NexHealth marks bookable online (`requestable`). */
  requestableOnly: boolean;
  /** Only appointment types marked `bookable_online`. */
  bookableOnlineOnly: boolean;
}

export type StorageConfig =
  | { kind: 'memory' }
  | { kind: 'file'; directory: string }
  | { kind: 'blob'; connectionString: string; container: string };

export interface BotCredentials {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

/** SMS straight through Twilio (no Azure Bot Service); absent unless SID, token and number are set. */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  phoneNumber: string;
  /** Where the REST client sends requests instead of https://api.twilio.com (a local fake in tests). */
  apiBaseUrl?: string;
}

export interface AppConfig {
  port: number;
  /** Public base URL (webhook targets); unset → the bot's local URL, fine for the sandbox. */
  publicUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  nexhealth: NexHealthConfig;
  bot: BotCredentials;
  storage: StorageConfig;
  webhooks: { enabled: boolean; reconcileAfterMs: number };
  /** A conversation's whole state is forgotten after this long without a message. */
  conversationIdleMs: number;
  twilio?: TwilioConfig;
  /** Slow clients are cut off: headers, and the whole request, must arrive within these. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number };
  /** /metrics: for a bearer of this token; without one, for this machine only. */
  metricsToken?: string;
  /** The chat page: which sites may embed it in a frame (CSP frame-ancestors). */
  webchat: { frameAncestors: string[] };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];

  const live = values.NEXHEALTH_API_KEY !== undefined;
  if (live && !values.NEXHEALTH_SUBDOMAIN) problems.push('NEXHEALTH_SUBDOMAIN: required when NEXHEALTH_API_KEY is set');
  if (values.MicrosoftAppId && !values.MicrosoftAppPassword && values.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (values.MicrosoftAppType === 'SingleTenant' && values.MicrosoftAppId && !values.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required for a SingleTenant app');
  }
  if (values.STORAGE === 'blob' && !values.AZURE_STORAGE_CONNECTION_STRING) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING: required when STORAGE=blob');
  }
  const twilioParts = { TWILIO_ACCOUNT_SID: values.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: values.TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER: values.TWILIO_PHONE_NUMBER };
  const twilioMissing = Object.entries(twilioParts).filter(([, value]) => value === undefined).map(([name]) => name);
  // Half a Twilio setup is a mistake, not a wish to turn SMS off.
  if (twilioMissing.length > 0 && twilioMissing.length < 3) {
    for (const name of twilioMissing) problems.push(`${name}: required with the other TWILIO_ settings (SMS needs account SID, auth token and phone number)`);
  }
  // Twilio signs the exact public URL it calls; without it every text would be refused as forged.
  if (twilioMissing.length === 0 && !values.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required for SMS through Twilio (the URL Twilio calls, used to check its signature)');
  }
  // NexHealth only delivers webhooks (which may carry PHI) to a public https URL.
  if (live && values.WEBHOOKS_ENABLED && !values.PUBLIC_URL?.startsWith('https://')) {
    problems.push('PUBLIC_URL: NexHealth needs a public https URL for webhooks (or set WEBHOOKS_ENABLED=false)');
  }
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS (the request includes its headers)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const storage: StorageConfig =
    values.STORAGE === 'memory' ? { kind: 'memory' }
      : values.STORAGE === 'blob'
        ? { kind: 'blob', connectionString: values.AZURE_STORAGE_CONNECTION_STRING ?? '', container: values.AZURE_STORAGE_CONTAINER }
        : { kind: 'file', directory: values.STORAGE_DIR };

  return {
    port: values.PORT,
    publicUrl: values.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: values.LOG_LEVEL,
    nexhealth: {
      mode: live ? 'live' : 'sandbox',
      apiKey: values.NEXHEALTH_API_KEY ?? SANDBOX_API_KEY,
      subdomain: values.NEXHEALTH_SUBDOMAIN ?? SANDBOX_SUBDOMAIN,
      locationId: values.NEXHEALTH_LOCATION_ID,
      baseUrl: live ? (values.NEXHEALTH_BASE_URL ?? 'https://nexhealth.info').replace(/\/$/, '') : values.NEXHEALTH_BASE_URL,
      apiVersion: values.NEXHEALTH_API_VERSION,
      sandboxPort: values.SANDBOX_PORT,
      sandboxInsertionDelayMs: values.SANDBOX_INSERTION_DELAY_MS,
      timeoutMs: values.NEXHEALTH_TIMEOUT_MS,
      maxRetries: values.NEXHEALTH_MAX_RETRIES,
      referenceTtlMs: values.NEXHEALTH_REFERENCE_TTL_SECONDS * 1000,
      slotCacheTtlMs: values.NEXHEALTH_SLOT_CACHE_SECONDS * 1000,
      requestableOnly: values.NEXHEALTH_REQUESTABLE_ONLY,
      bookableOnlineOnly: values.NEXHEALTH_BOOKABLE_ONLINE_ONLY,
    },
    bot: {
      appId: values.MicrosoftAppId,
      appPassword: values.MicrosoftAppPassword,
      appType: values.MicrosoftAppType,
      tenantId: values.MicrosoftAppTenantId,
    },
    storage,
    webhooks: { enabled: values.WEBHOOKS_ENABLED, reconcileAfterMs: values.RECONCILE_AFTER_SECONDS * 1000 },
    conversationIdleMs: values.CONVERSATION_IDLE_HOURS * 3_600_000,
    twilio: values.TWILIO_ACCOUNT_SID && values.TWILIO_AUTH_TOKEN && values.TWILIO_PHONE_NUMBER
      ? { accountSid: values.TWILIO_ACCOUNT_SID, authToken: values.TWILIO_AUTH_TOKEN, phoneNumber: values.TWILIO_PHONE_NUMBER, apiBaseUrl: values.TWILIO_API_BASE_URL?.replace(/\/$/, '') }
      : undefined,
    http: { headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS },
    metricsToken: values.METRICS_TOKEN,
    webchat: { frameAncestors: values.WEBCHAT_FRAME_ANCESTORS },
  };
}
