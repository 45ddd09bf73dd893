// A conversation can be followed in the logs without patient data: every line of a turn carries
// the conversation's keyed hash and its dialog step, and no name, birth date, phone or email.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../services/logger';
import { startBotOnChannel } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { ManualClock } from '../../services/clock';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';

interface LogLine { msg: string; conversation?: string; step?: string; next?: string; channel?: string }

describe('logs of a conversation', function () {
  this.timeout(30_000);

  it('carry a keyed hash of the conversation and the dialog step on every line of a turn, and no patient data', async () => {
    const sandbox = await sharedSandbox();
    await new SandboxAdmin(sandbox.url).reset(SPEC_NOW);
    const written: string[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { written.push(String(chunk)); done(); } });
    const bot = await startBotOnChannel({ NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { clock: new ManualClock(SPEC_NOW), logger: createLogger({ level: 'debug', destination: sink }) });
    try {
      const conversation = bot.channel.conversation({ id: 'conversation-to-follow' });
      await conversation.say('book');
      await conversation.say("I'm Ana Diaz, born 3/4/1990, 555-201-3344, ana.diaz@example.com");
      const other = bot.channel.conversation();
      await other.say('book');
      const lines = written.join('').trim().split('\n').map((line) => JSON.parse(line) as LogLine);
      const turns = lines.filter((line) => line.msg === 'turn');
      assert.ok(turns.length >= 3, 'one line per turn');
      const ours = turns.filter((line) => line.conversation === turns[0].conversation);
      assert.equal(ours.length, 2, "the first conversation's two turns share one key");
      assert.match(ours[0].conversation ?? '', /^[0-9a-f]{12}$/);
      assert.notEqual(turns[turns.length - 1].conversation, ours[0].conversation, 'another conversation, another key');
      assert.match(ours[1].step ?? '', /^mainDialog>bookingDialog>identityDialog/, 'the second turn says where it began (the booking, asking who they are)');
      const duringTurns = lines.filter((line) => (line as { part?: string }).part === 'nexhealth');
      assert.ok(duringTurns.length > 0 && duringTurns.every((line) => /^[0-9a-f]{12}$/.test(line.conversation ?? '')), 'NexHealth calls made by a turn say whose');
      assert.ok(!written.join('').includes('conversation-to-follow'), 'the id itself is not logged');
      for (const secret of ['Ana', 'Diaz', '3/4/1990', '1990-03-04', '201-3344', '2013344', 'ana.diaz@example.com']) {
        assert.ok(!written.join('').includes(secret), `${secret} is in the logs`);
      }
    } finally {
      await bot.close();
    }
  });
});
