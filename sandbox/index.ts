// The sandbox's public surface: start it in-process (tests, `npm start` without an API key).
export { DEMO_API_KEY, DEMO_SUBDOMAIN, startSandbox } from './server';
export type { RunningSandbox, SandboxOptions, SeedSummary } from './server';
