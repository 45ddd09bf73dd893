// SIGTERM in the middle of a turn (a deploy, a scale-in): the turn finishes, its answer reaches the
// patient and its state is saved; after a restart on the same storage the conversation goes on.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBotProcess } from '../security/bot-process';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { TestChannel } from '../support/test-channel';
import { sleep } from '../support/waiting';

describe('graceful stop', function () {
  this.timeout(60_000);

  it('SIGTERM mid-turn: the turn finishes and is saved, the process exits 0, and a restart goes on', async () => {
    const sandbox = await sharedSandbox();
    const admin = new SandboxAdmin(sandbox.url);
    await admin.reset();
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'graceful-stop-'));
    const env = () => ({ NEXHEALTH_BASE_URL: sandbox.url, WEBHOOKS_ENABLED: 'false', STORAGE: 'file' });
    const first = await startBotProcess(env, { stateDir });
    const channel = new TestChannel(first.url);
    await channel.start();
    try {
      // The turn waits on NexHealth for 1.5 s: SIGTERM arrives while it does.
      await admin.fault({ kind: 'slow', path: '/locations', times: 1, delayMs: 1_500 });
      const conversation = channel.conversation();
      const answered = conversation.send({ type: 'message', text: 'book' });
      await sleep(400);
      const exited = first.terminate();
      const { status, replies } = await answered;
      assert.equal(status, 200);
      assert.match(replies.map((reply) => reply.text).join('\n'), /Which office/);
      assert.equal(await exited, 0, 'a clean exit');

      const second = await startBotProcess(env, { stateDir });
      try {
        channel.retarget(second.url);
        const next = await conversation.say('Brooklyn Office');
        assert.match(next.map((reply) => reply.text).join('\n'), /first and last name/, 'the office answer continued the saved booking');
      } finally {
        await second.stop();
      }
    } finally {
      await channel.stop();
      await first.stop();
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});
