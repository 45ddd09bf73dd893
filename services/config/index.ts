export { loadConfig, ConfigError } from './load-config';
export type { AppConfig, NexHealthConfig, StorageConfig, BotCredentials, TwilioConfig } from './load-config';
export { readEnvironment, withEnvFile } from './env-file';
