// One patient's conversation over HTTP, answering at once as a patient would, with every turn timed.
import { performance } from 'node:perf_hooks';
import type { ChannelConversation } from '../../test/support/test-channel';
import { oneMessage, type LoadPatient } from './patients';
import { postMessage, type Sender } from './post';

// botbuilder's Activity, as the channel hands it back (bench/ does not import botbuilder).
type Activity = Awaited<ReturnType<ChannelConversation['say']>>[number];

const APOLOGY = /Sorry, something went wrong/;
const REQUEST_SENT = /^Request sent/;
const MAX_TURNS = 10;

export interface Turn { kind: 'first' | 'pick' | 'answer'; ms: number; status: number; apology: boolean }

/** A conversation as the load drives it: posted from its own address, replies read from the channel. */
export interface LoadConversation { conversation: ChannelConversation; sender: Sender }

export interface PatientRun {
  turns: Turn[];
  /** performance.now() when "Request sent" came back; undefined if it never did. */
  requestSentAt?: number;
  /** How often the bot said the time was taken, or that it could not tell whether it booked. */
  taken: number;
  unsure: number;
}

async function timedTurn(load: LoadConversation, text: string, kind: Turn['kind'], run: PatientRun): Promise<Activity[]> {
  const before = load.conversation.received().length;
  const started = performance.now();
  const status = await postMessage(load.sender, text);
  const ms = performance.now() - started;
  const replies = load.conversation.received().slice(before);
  run.turns.push({ kind, ms, status, apology: replies.some((reply) => APOLOGY.test(reply.text ?? '')) });
  return replies;
}

export const failedTurn = (turn: Turn): boolean => turn.status !== 200 || turn.apology;

function nextAnswer(replies: Activity[], who: LoadPatient): { text: string; kind: Turn['kind'] } {
  const last = replies[replies.length - 1];
  const choices = (last?.suggestedActions?.actions ?? []).map((action) => String(action.value ?? action.title));
  const time = choices.find((value) => value !== 'Other times' && !/^(yes|no)$/i.test(value));
  if (time) return { text: time, kind: 'pick' };
  if (last && /email/i.test(last.text ?? '')) return { text: who.email, kind: 'answer' };
  return { text: 'yes', kind: 'answer' };
}

/** Books through: the one message, the first offered time, "yes", picking again when a time was taken. */
export const newRun = (): PatientRun => ({ turns: [], taken: 0, unsure: 0 });

/** `run` is filled as the conversation goes, so a run cut off by the deadline still counts what it did. */
export async function bookAsPatient(conversation: LoadConversation, who: LoadPatient, deadline: number, run: PatientRun): Promise<void> {
  let replies = await timedTurn(conversation, oneMessage(who), 'first', run);
  while (run.turns.length < MAX_TURNS && performance.now() < deadline) {
    if (replies.some((reply) => REQUEST_SENT.test(reply.text ?? ''))) {
      run.requestSentAt = performance.now();
      return;
    }
    if (replies.some((reply) => /just taken/.test(reply.text ?? ''))) run.taken += 1;
    if (replies.some((reply) => /couldn't reach the practice's scheduling system just now/.test(reply.text ?? ''))) run.unsure += 1;
    const answer = nextAnswer(replies, who);
    replies = await timedTurn(conversation, answer.text, answer.kind, run);
  }
}

/** The floor's load: the same number of turns, sent one after another. */
export async function echoAsPatient(conversation: LoadConversation, turnKinds: Turn['kind'][], run: PatientRun): Promise<void> {
  for (const kind of turnKinds) await timedTurn(conversation, kind === 'first' ? 'hello, I would like a cleaning' : 'yes', kind, run);
}
