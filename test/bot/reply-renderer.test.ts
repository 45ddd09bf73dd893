import assert from 'node:assert/strict';
import { ReplyRenderer, plainText } from '../../bot/rendering/reply-renderer';

describe('reply renderer', () => {
  const renderer = new ReplyRenderer();
  const choices = [{ label: 'Brooklyn Office' }, { label: 'Manhattan Office' }];

  it('gives Web Chat and the Emulator suggested actions', () => {
    for (const channelId of ['webchat', 'emulator', 'directline']) {
      const activity = renderer.render({ channelId, conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } }, { text: 'Which office?', choices });
      assert.deepEqual(activity.suggestedActions?.actions.map((action) => action.title), ['Brooklyn Office', 'Manhattan Office']);
    }
  });

  it('gives Teams a hero card in every kind of chat, never suggested actions', () => {
    for (const conversationType of ['personal', 'groupChat', 'channel']) {
      const activity = renderer.render({ channelId: 'msteams', conversation: { id: 'c', isGroup: conversationType !== 'personal', conversationType, name: '' } }, { text: 'Which office?', choices });
      assert.equal(activity.suggestedActions, undefined);
      assert.equal(activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.hero');
    }
  });

  it('numbers choices in plain text for SMS', () => {
    const activity = renderer.render({ channelId: 'sms', conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' } }, { text: 'Which **office**?', choices });
    assert.equal(activity.text, 'Which office?\n1) Brooklyn Office\n2) Manhattan Office\nReply 1-2');
    assert.equal(activity.suggestedActions, undefined);
  });

  it('keeps every choice and "Reply 1-N" under 320 characters, using short labels when needed', () => {
    const long = Array.from({ length: 6 }, (_, index) => ({
      label: `Consultation with Dr. Marcus Nguyen, Wed, Dec ${index + 2} at 10:30 AM, Manhattan Office`,
      short: `Wed, Dec ${index + 2} at 10:30 AM, Consultation`,
    }));
    const text = plainText('Which appointment would you like to cancel? Here are all of your upcoming ones at every office.', long);
    assert.ok(text.length < 320, String(text.length));
    for (let index = 0; index < 6; index += 1) assert.match(text, new RegExp(`${index + 1}\\) Wed, Dec ${index + 2} at 10:30 AM`));
    assert.match(text, /\nReply 1-6$/);
    const noShort = plainText('Pick one.', long.map(({ label }) => ({ label })));
    assert.ok(noShort.length < 320);
    assert.match(noShort, /\n6\) .+\nReply 1-6$/);
  });
});
