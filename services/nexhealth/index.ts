export { NexHealthClient, extractPatients } from './nexhealth-client';
export type { NexHealthClientOptions } from './nexhealth-client';
export { NexHealthError, isNexHealthError, scrub } from './errors';
export type { NexHealthErrorKind } from './errors';
export { API_VERSIONS, API_VERSION_ACCEPT, DEFAULT_API_VERSION, versionStrategy } from './api-version';
export type { ApiVersion, VersionStrategy } from './api-version';
export * from './types';
export { DOCUMENTED_LIMITS, KeyBudget } from './rate-limits';
export type { NexHealthLimits } from './rate-limits';
