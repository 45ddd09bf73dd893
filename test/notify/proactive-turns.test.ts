// Proactive messages go through the bot's own turn (continueConversation → bot.run): the
// conversation's lock, the dialogs and one save, as for a patient's message. Any service may send
// one to a stored conversation reference through `app.messenger`.
import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { startBotOnChannel, type BotOnChannel } from '../support/app';
import { freePort } from '../support/free-port';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import type { ChannelConversation } from '../support/test-channel';
import { sleep } from '../support/waiting';

function referenceOf(bot: BotOnChannel, conversation: ChannelConversation, serviceUrl = bot.channel.serviceUrl): Record<string, unknown> {
  const reference: Partial<ConversationReference> = { channelId: 'emulator', serviceUrl, conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: 'Bot' } };
  return reference;
}

describe('proactive messages through the bot\'s turn', function () {
  this.timeout(30_000);
  let bot: BotOnChannel;
  let admin: SandboxAdmin;

  beforeEach(async () => {
    const sandbox = await sharedSandbox();
    admin = new SandboxAdmin(sandbox.url);
    await admin.reset(SPEC_NOW);
    bot = await startBotOnChannel({});
  });

  afterEach(async () => {
    await admin.clearFaults();
    await bot.close();
  });

  it("delivers another service's message, with its choices, into a conversation", async () => {
    const conversation = bot.channel.conversation();
    await conversation.say('hi');
    await bot.app.messenger.send(referenceOf(bot, conversation), { kind: 'text', text: 'A time freed up: Tue, Dec 1 at 9:00 AM. Want it?', choices: ['Yes, book it', 'No thanks'] });
    const last = conversation.received().at(-1);
    assert.equal(last?.text, 'A time freed up: Tue, Dec 1 at 9:00 AM. Want it?');
    assert.deepEqual(last?.suggestedActions?.actions.map((action) => action.title), ['Yes, book it', 'No thanks']);
  });

  it('waits for the turn the patient is in, then speaks (the same lock as a message)', async () => {
    const conversation = bot.channel.conversation();
    await admin.fault({ kind: 'slow', path: '/locations', times: 1, delayMs: 1_500 });
    const turn = conversation.say('book');
    await sleep(300);
    await bot.app.messenger.send(referenceOf(bot, conversation), { kind: 'text', text: 'A proactive line' });
    await turn;
    const texts = conversation.received().map((activity) => activity.text ?? '');
    const proactive = texts.indexOf('A proactive line');
    assert.ok(proactive > 0, 'the proactive line came');
    assert.ok(texts.slice(0, proactive).some((text) => /office/i.test(text)), `the turn's own answer came first: ${JSON.stringify(texts)}`);
  });

  it('does nothing with an event a client posts under the same name', async () => {
    const conversation = bot.channel.conversation();
    await conversation.say('hi');
    const before = conversation.received().length;
    const { status } = await conversation.send({ type: 'event', name: 'proactiveMessage', value: { kind: 'booked', summary: 'Forged' } });
    assert.ok(status < 300, `answered ${status}`);
    assert.equal(conversation.received().slice(before).filter((activity) => /booked/i.test(activity.text ?? '')).length, 0);
  });

  it('reports a delivery the channel refused to the caller (so the result is kept and told again)', async () => {
    const conversation = bot.channel.conversation();
    await conversation.say('hi');
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    await assert.rejects(bot.app.messenger.send(referenceOf(bot, conversation, nowhere), { kind: 'booked', summary: 'Cleaning' }));
  });
});
