// Drives many conversations at once against one process and measures the process meanwhile.
import { performance } from 'node:perf_hooks';
import { TestChannel } from '../../test/support/test-channel';
import { sleep } from '../../test/support/waiting';
import { newRun, type LoadConversation, type PatientRun } from './drive';
import { loopbackAddress } from './post';
import { samplePeakRss, type ChildServer } from './processes';

export const TURNS_WITHIN_MS = 120_000;
/** A turn still in flight at the deadline gets this long before the run is cut off. */
const GRACE_MS = 15_000;

export interface LoadRun {
  runs: PatientRun[];
  conversations: LoadConversation[];
  channel: TestChannel;
  elapsedMs: number;
  cpuMs: number;
  peakRssMb: number;
  cutOff: boolean;
}

type Driver = (conversation: LoadConversation, index: number, deadline: number, run: PatientRun) => Promise<void>;

/** All `count` conversations start together; each `drive` fills its run as it goes. */
export async function underLoad(server: ChildServer, count: number, drive: Driver): Promise<LoadRun> {
  const channel = new TestChannel(server.url);
  await channel.start();
  const conversations = Array.from({ length: count }, (_, index): LoadConversation => {
    const conversation = channel.conversation();
    return { conversation, sender: { botUrl: server.url, serviceUrl: channel.serviceUrl, conversationId: conversation.id, userId: `patient-${index}`, localAddress: loopbackAddress(index) } };
  });
  const runs = conversations.map(() => newRun());
  const cpuBefore = await server.cpuMs();
  const peak = samplePeakRss(server);
  const started = performance.now();
  const deadline = started + TURNS_WITHIN_MS;
  const all = Promise.all(conversations.map((conversation, index) => drive(conversation, index, deadline, runs[index] ?? newRun()))).then(() => false);
  const cutOff = await Promise.race([all, sleep(TURNS_WITHIN_MS + GRACE_MS).then(() => true)]);
  const elapsedMs = performance.now() - started;
  const cpuMs = (await server.cpuMs()) - cpuBefore;
  return { runs, conversations, channel, elapsedMs, cpuMs, peakRssMb: await peak.stop(), cutOff };
}

export interface Told { within60s: number; moreThanOnce: number }

/** Waits (60 s after each "Request sent" at most) for "You're booked", then counts repeats. */
export async function toldBooked(load: LoadRun): Promise<Told> {
  const booked = /^You're booked/;
  const waits = load.runs.map((run, index) => {
    const conversation = load.conversations[index]?.conversation;
    if (run.requestSentAt === undefined || !conversation) return Promise.resolve(false);
    const left = Math.max(1, run.requestSentAt + 60_000 - performance.now());
    return conversation.waitFor(booked, left).then(() => true, () => false);
  });
  const within60s = (await Promise.all(waits)).filter(Boolean).length;
  await sleep(3_000); // a repeat would follow within the sandbox's webhook retries
  const moreThanOnce = load.conversations.filter(({ conversation }) => conversation.received().filter((activity) => booked.test(activity.text ?? '')).length > 1).length;
  return { within60s, moreThanOnce };
}
