// Root hooks shared by every suite. Shared servers (the sandbox) are started lazily once per run
// by test/support/shared-sandbox.ts and closed here.
import { closeSharedServers } from './shared-servers';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedServers();
  },
};
