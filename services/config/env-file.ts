// `.env`, as .env.example says: read once at start-up with Node's own parser (no dependency). The
// environment wins over the file, so a deployment's settings are never overridden by a stray file.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export type Environment = Record<string, string | undefined>;

/** The file's variables under the environment's: what is set in `env` stays as it is. */
export function withEnvFile(env: Environment, fileText: string): Environment {
  return { ...parseEnv(fileText), ...env };
}

/** `env` plus the file at `ENV_FILE` (default `.env` in the working directory), if there is one. */
export function readEnvironment(env: Environment, cwd: string): Environment {
  const file = env.ENV_FILE ?? `${cwd}/.env`;
  return existsSync(file) ? withEnvFile(env, readFileSync(file, 'utf8')) : env;
}
