// How long state lives, through the whole bot over HTTP: a flow's answers are gone from storage
// when the flow ends or after 30 minutes idle, a whole conversation after CONVERSATION_IDLE_HOURS
// (file storage and Azure Blob Storage through Azurite), and the webhook secret lives apart.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { LISTED_RECORD_PREFIXES, readWebhookRegistration, WEBHOOK_REGISTRATION_KEY } from '../../services/notify';
import { FileStorage, type KeyValueStorage } from '../../services/storage';
import { offeredTitles } from '../support/activities';
import { startTestApp } from '../support/app';
import { blobStorage } from '../support/azurite';
import { freePort } from '../support/free-port';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { TestChannel, type ChannelConversation } from '../support/test-channel';
import { sleep, until } from '../support/waiting';

const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";
/** Anything that would identify Ana: her name, birth date, phone, or the record matched. */
// The birth date as it is stored (1990-03-04) or typed; a bare "1990" can sit in a random eTag.
const IDENTITY = /Diaz|1990-03-04|3\/4\/1990|2013344|patientId/;
const MINUTE = 60_000;
const GREETING = /front desk assistant/;

function lastText(replies: Activity[]): string {
  return replies[replies.length - 1]?.text ?? '';
}

/** The text of every file directly in a folder (the file store's items; names are hashes). */
function filesIn(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(directory, entry.name), 'utf8'));
}

/** The records store's files: the top level and the folders of records listed by prefix. */
function recordFolders(directory: string): string[] {
  return [directory, ...LISTED_RECORD_PREFIXES.map((prefix) => path.join(directory, prefix.slice(0, -1)))];
}

function recordFiles(directory: string): string[] {
  return recordFolders(directory).flatMap(filesIn);
}

async function offerTimes(conversation: ChannelConversation): Promise<string[]> {
  const offer = offeredTitles((await conversation.say(ONE_MESSAGE)).at(-1));
  assert.ok(offer.length > 0, 'times were offered');
  return offer;
}

describe('state lifetime on file storage', function () {
  this.timeout(30_000);
  let directory: string;
  let conversations: string;
  let clock: ManualClock;
  let app: RunningApp;
  let channel: TestChannel;

  before(async () => {
    const sandbox = await sharedSandbox();
    await new SandboxAdmin(sandbox.url).reset(SPEC_NOW);
    directory = mkdtempSync(path.join(tmpdir(), 'state-lifetime-'));
    conversations = path.join(directory, 'conversations');
    clock = new ManualClock(SPEC_NOW);
    app = await startTestApp({ STORAGE: 'file', STORAGE_DIR: directory, CONVERSATION_IDLE_HOURS: '2', NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { clock });
    channel = new TestChannel(app.url);
    await channel.start();
  });

  after(async () => {
    await channel.stop();
    await app.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The conversation's item as the file store holds it. */
  const stored = async (conversation: ChannelConversation) => {
    const key = `emulator/conversations/${conversation.id}/`;
    return JSON.stringify((await new FileStorage(conversations).read([key]))[key] ?? {});
  };

  it('forgets an abandoned flow\'s identity after 30 minutes idle, from the files too', async () => {
    const conversation = channel.conversation();
    await offerTimes(conversation);
    assert.match(await stored(conversation), IDENTITY, 'kept while the flow is under way');
    clock.advance(29 * MINUTE);
    await app.sweepConversations();
    assert.match(await stored(conversation), IDENTITY, 'not before 30 minutes');
    clock.advance(MINUTE);
    await app.sweepConversations();
    assert.doesNotMatch(await stored(conversation), IDENTITY);
    assert.equal(filesIn(conversations).filter((text) => IDENTITY.test(text)).length, 0, 'in no file at all');
    assert.equal(lastText(await conversation.say('book')), 'What is your first and last name?', 'asked again, nothing remembered');
  });

  it('forgets the identity as soon as the booking is requested', async () => {
    const conversation = channel.conversation();
    const offer = await offerTimes(conversation);
    await conversation.say(offer[0]);
    assert.match(lastText(await conversation.say('yes')), /^Request sent\./);
    assert.doesNotMatch(await stored(conversation), IDENTITY);
  });

  it('keeps no name, birth date, contact or display name in the pending-appointment record', async () => {
    const conversation = channel.conversation();
    const named = { from: { id: 'teams-user-1', name: 'Ana Diaz', aadObjectId: 'aad-ana-1990' } };
    const offer = offeredTitles((await conversation.say(ONE_MESSAGE, named)).at(-1));
    await conversation.say(offer[0], named);
    assert.match(lastText(await conversation.say('yes', named)), /^Request sent\./);
    const records = recordFiles(directory);
    assert.ok(records.some((text) => text.includes('"state":"pending"')), 'the request is recorded');
    assert.equal(records.filter((text) => /Diaz|1990-03-04|3\/4\/1990|2013344|aad-ana/.test(text)).length, 0);
  });

  it('forgets the identity as soon as the patient stops', async () => {
    const conversation = channel.conversation();
    await offerTimes(conversation);
    assert.match(lastText(await conversation.say('stop')), /I've stopped/);
    assert.doesNotMatch(await stored(conversation), IDENTITY);
  });

  it('forgets the identity once the appointments are listed', async () => {
    const conversation = channel.conversation();
    await conversation.say('show my appointments');
    await conversation.say('Ana Diaz');
    await conversation.say('3/4/1990');
    const listed = lastText(await conversation.say('555-201-3344'));
    assert.match(listed, /Your upcoming appointments|no upcoming/i);
    assert.doesNotMatch(await stored(conversation), IDENTITY);
  });

  it('deletes a whole conversation after the configured idle time', async () => {
    const conversation = channel.conversation();
    const added: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Patient' }], recipient: { id: 'bot', name: 'Bot' } };
    assert.match(lastText((await conversation.send(added)).replies), GREETING);
    clock.advance(2 * 60 * MINUTE - 1);
    await app.sweepConversations();
    assert.match(await stored(conversation), /welcomed/, 'kept until the limit');
    clock.advance(2 * 60 * MINUTE);
    await app.sweepConversations();
    assert.deepEqual(readdirSync(conversations), [], 'every conversation idle for 2 hours is deleted');
    assert.match(lastText((await conversation.send(added)).replies), GREETING, 'a new conversation: greeted again');
  });
});

describe('the file store\'s periodic sweep', function () {
  this.timeout(30_000);

  it('deletes expired conversations on its own, and stops when the bot closes', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'state-sweep-'));
    const clock = new ManualClock(SPEC_NOW);
    const app = await startTestApp({ STORAGE: 'file', STORAGE_DIR: directory, CONVERSATION_IDLE_HOURS: '1' }, { clock, sweepEveryMs: 20 });
    const channel = new TestChannel(app.url);
    await channel.start();
    const conversations = path.join(directory, 'conversations');
    try {
      await channel.conversation().say('book');
      assert.equal(readdirSync(conversations).length, 1);
      clock.advance(60 * MINUTE);
      await until(() => readdirSync(conversations).length === 0);
      await channel.conversation().say('book');
    } finally {
      await channel.stop();
      await app.close();
    }
    clock.advance(60 * MINUTE);
    await sleep(100);
    assert.equal(readdirSync(conversations).length, 1, 'no sweep after close');
    rmSync(directory, { recursive: true, force: true });
  });
});

describe('state lifetime in memory (STORAGE=memory)', function () {
  this.timeout(30_000);

  it('sweeps expired conversations out of memory, not only out of sight', async () => {
    const clock = new ManualClock(SPEC_NOW);
    const app = await startTestApp({ STORAGE: 'memory', CONVERSATION_IDLE_HOURS: '1' }, { clock });
    const channel = new TestChannel(app.url);
    await channel.start();
    try {
      await channel.conversation().say('book');
      await channel.conversation().say('book');
      clock.advance(60 * MINUTE);
      assert.equal(await app.sweepConversations(), 2);
      assert.equal(await app.sweepConversations(), 0);
    } finally {
      await channel.stop();
      await app.close();
    }
  });
});

describe('state lifetime on Azure Blob Storage (Azurite)', function () {
  this.timeout(30_000);
  let clock: ManualClock;
  let app: RunningApp;
  let channel: TestChannel;
  let conversationStore: KeyValueStorage;
  const added: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Patient' }], recipient: { id: 'bot', name: 'Bot' } };

  before(async () => {
    const sandbox = await sharedSandbox();
    await new SandboxAdmin(sandbox.url).reset(SPEC_NOW);
    clock = new ManualClock(SPEC_NOW);
    conversationStore = await blobStorage();
    const stores = { records: await blobStorage(), conversations: conversationStore, secrets: await blobStorage() };
    app = await startTestApp({ CONVERSATION_IDLE_HOURS: '1', NEXHEALTH_LOCATION_ID: String(sandbox.seed.locations.brooklyn) }, { stores, clock });
    channel = new TestChannel(app.url);
    await channel.start();
  });

  after(async () => {
    await channel.stop();
    await app.close();
  });

  /** The conversation's blob as stored (the test channel's channel id is "emulator"). */
  const stored = async (conversation: ChannelConversation) => {
    const key = `emulator/conversations/${conversation.id}/`;
    return JSON.stringify((await conversationStore.read([key]))[key] ?? {});
  };

  it('forgets a whole conversation after the configured idle time', async () => {
    const conversation = channel.conversation();
    assert.match(lastText((await conversation.send(added)).replies), GREETING);
    clock.advance(60 * MINUTE - 1);
    assert.deepEqual((await conversation.send(added)).replies, [], 'remembered until the limit: greeted once');
    clock.advance(60 * MINUTE);
    assert.match(lastText((await conversation.send(added)).replies), GREETING, 'forgotten: greeted again');
  });

  it('forgets an abandoned flow\'s identity after 30 minutes idle', async () => {
    const conversation = channel.conversation();
    await offerTimes(conversation);
    assert.match(await stored(conversation), IDENTITY);
    clock.advance(30 * MINUTE);
    assert.equal(lastText(await conversation.say('book')), 'What is your first and last name?');
    assert.doesNotMatch(await stored(conversation), IDENTITY);
  });
});

describe('the webhook secret lives apart from conversations and records', function () {
  this.timeout(30_000);
  let directory: string;

  beforeEach(() => { directory = mkdtempSync(path.join(tmpdir(), 'state-secrets-')); });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  let port: string;
  beforeEach(async () => { port = String(await freePort()); });
  // One port for both starts: the same webhook target, so a kept registration is reused.
  const start = () => startTestApp({ STORAGE: 'file', STORAGE_DIR: directory, WEBHOOKS_ENABLED: 'true', PORT: port }, { clock: new ManualClock(SPEC_NOW) });
  const secrets = () => new FileStorage(path.join(directory, 'secrets'));
  /** Every stored file outside the secrets folder: the records (top level) and the conversations. */
  const otherFiles = () => [...recordFiles(directory), ...filesIn(path.join(directory, 'conversations'))];

  it('keeps the secret only in its own folder, readable by the bot\'s user alone', async () => {
    const app = await start();
    const channel = new TestChannel(app.url);
    await channel.start();
    try {
      const conversation = channel.conversation();
      // No office configured: the first choice is the office, then a time.
      const times = offeredTitles((await conversation.say((await offerTimes(conversation))[0])).at(-1));
      await conversation.say(times[0]);
      assert.match(lastText(await conversation.say('yes')), /^Request sent\./);
      const registration = await readWebhookRegistration(secrets());
      assert.ok(registration?.secret);
      assert.ok(recordFiles(directory).length > 0 && filesIn(path.join(directory, 'conversations')).length > 0, 'records and conversations were written');
      assert.equal(otherFiles().filter((text) => text.includes(registration.secret)).length, 0);
      for (const folder of [...recordFolders(directory), path.join(directory, 'conversations'), path.join(directory, 'secrets')]) {
        assert.equal(statSync(folder).mode & 0o777, 0o700, folder);
        for (const file of readdirSync(folder).map((name) => path.join(folder, name)).filter((full) => statSync(full).isFile())) {
          assert.equal(statSync(file).mode & 0o777, 0o600, file);
        }
      }
    } finally {
      await channel.stop();
      await app.close();
    }
  });

  it('moves a registration kept among the records by an earlier version, keeping its endpoint', async () => {
    await (await start()).close();
    const registration = await readWebhookRegistration(secrets());
    assert.ok(registration);
    await new FileStorage(directory).write({ [WEBHOOK_REGISTRATION_KEY]: { ...registration } });
    await secrets().delete([WEBHOOK_REGISTRATION_KEY]);
    await (await start()).close();
    assert.deepEqual(await readWebhookRegistration(secrets()), registration, 'the same endpoint and secret');
    assert.equal(await readWebhookRegistration(new FileStorage(directory)), undefined);
    assert.equal(otherFiles().filter((text) => text.includes(registration.secret)).length, 0);
  });
});
