// The bot in Microsoft Teams: choices come as hero card buttons (never suggested actions, which
// group chats do not show) and an @mention of the bot is not part of the answer. Over real HTTP
// with channelId 'msteams', and through the dialogs with both conversation types.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { startTestApp } from '../support/app';
import { SPEC_NOW, createDialogHarness, type Reply } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { TestChannel, type ChannelConversation } from '../support/test-channel';

const HERO_CARD = 'application/vnd.microsoft.card.hero';

/** What Teams sends when the bot is @mentioned: the <at> tag in the text and a mention entity. */
function mentioning(text: string): Partial<Activity> {
  return {
    text: `<at>Front Desk</at> ${text}`,
    entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Front Desk' }, text: '<at>Front Desk</at>' }],
  };
}

/** The buttons of the reply's hero card; fails if the reply uses suggested actions. */
function cardButtons(activity: Partial<Activity>): string[] {
  assert.equal(activity.suggestedActions, undefined, 'Teams gets no suggested actions');
  const cards = (activity.attachments ?? []).filter((attachment) => attachment.contentType === HERO_CARD);
  assert.equal(cards.length, 1, `expected one hero card in: ${activity.text ?? ''}`);
  const content = cards[0].content as { text?: string; buttons?: { type: string; title: string; value: string }[] };
  assert.equal(content.text, activity.text, 'the card says what the text says');
  for (const button of content.buttons ?? []) assert.equal(button.type, 'imBack');
  return (content.buttons ?? []).map((button) => button.title);
}

function last<T>(items: T[]): T {
  assert.ok(items.length > 0, 'the bot answered nothing');
  return items[items.length - 1];
}

describe('Teams over HTTP (channelId msteams)', function () {
  this.timeout(30_000);
  let admin: SandboxAdmin;
  let app: RunningApp;
  let teams: TestChannel;

  before(async () => {
    admin = new SandboxAdmin((await sharedSandbox()).url);
    app = await startTestApp({}, { clock: new ManualClock(SPEC_NOW) });
    teams = new TestChannel(app.url, 'msteams');
    await teams.start();
  });

  beforeEach(() => admin.reset(SPEC_NOW));

  after(async () => {
    await teams.stop();
    await app.close();
  });

  async function bookWithMentions(conversation: ChannelConversation): Promise<void> {
    const say = async (text: string) => last(await conversation.say('', mentioning(text)));
    assert.deepEqual(cardButtons(await say('I want to book an appointment')), ['Brooklyn Office', 'Manhattan Office']);
    // Each answer carries the mention: were it left in, the name would not match the patient on file.
    assert.match((await say('Brooklyn Office')).text ?? '', /first and last name/);
    assert.match((await say('Ana Diaz')).text ?? '', /date of birth/);
    assert.match((await say('3/4/1990')).text ?? '', /phone number or email/);
    const replies = await conversation.say('', mentioning('555-201-3344'));
    assert.ok(replies.every((reply) => !/new patient/.test(reply.text ?? '')), 'matched the patient on file');
    assert.ok(cardButtons(last(replies)).includes('Cleaning'));
    await say('Cleaning');
    const times = cardButtons(await say('next tuesday afternoon'));
    assert.equal(last(times), 'Other times');
    const confirm = await say(times[1]);
    assert.match(confirm.text ?? '', new RegExp(`${times[1]}, Brooklyn Office\\. Book it\\?$`));
    assert.deepEqual(cardButtons(confirm), ['Yes', 'No']);
    assert.match((await say('Yes')).text ?? '', /^Request sent\./);
  }

  it('books in a personal chat with the bot @mentioned', async () => {
    await bookWithMentions(teams.conversation({ conversationType: 'personal' }));
  });

  it('books in a group chat: greeting and choices as cards, mentions stripped', async () => {
    const conversation = teams.conversation({ conversationType: 'groupChat' });
    const added = await conversation.send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Front Desk' }, { id: 'user-2', name: 'Patient' }] });
    assert.equal(added.replies.length, 1);
    assert.match(added.replies[0].text ?? '', /front desk assistant/);
    assert.deepEqual(cardButtons(added.replies[0]), ['Book an appointment', 'My appointments', 'Cancel an appointment']);
    await bookWithMentions(conversation);
  });
});

describe('Teams dialogs (channelId msteams)', function () {
  this.timeout(20_000);

  for (const conversationType of ['personal', 'groupChat']) {
    it(`${conversationType}: every choice is a hero card button, never a suggested action`, async () => {
      const bot = await createDialogHarness({ channelId: 'msteams', conversationType });
      const asked: Reply[] = [];
      const step = async (text: string) => {
        const reply = last(await bot.say(text));
        asked.push(reply);
        return reply;
      };
      assert.deepEqual(cardButtons((await step('book')).activity), ['Brooklyn Office', 'Manhattan Office']);
      await step('Brooklyn Office');
      await step('Ana Diaz');
      await step('3/4/1990');
      assert.ok(cardButtons((await step('555-201-3344')).activity).includes('Cleaning'));
      await step('Cleaning');
      const times = cardButtons((await step('next tuesday afternoon')).activity);
      assert.ok(times.length >= 2);
      const confirm = await step(times[0]);
      assert.deepEqual(cardButtons(confirm.activity), ['Yes', 'No']);
      assert.match((await step('Yes')).text, /^Request sent\./);
      assert.ok(asked.every((reply) => reply.activity.suggestedActions === undefined));
    });
  }
});
