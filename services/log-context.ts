// What every log line of a turn carries, without passing a logger down every call: the turn's
// conversation key (a keyed hash, never the id itself) and the dialog step it is at, held in an
// AsyncLocalStorage for the turn and mixed into each line by the logger (services/logger.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';

export interface LogContext {
  /** 12 hex characters: the same conversation always gives the same key, which names nobody. */
  conversation: string;
  /** Where the conversation's dialogs stood when the turn began ("booking>identity#2"). */
  step?: string;
}

const turns = new AsyncLocalStorage<LogContext>();

export function currentLogContext(): LogContext | undefined {
  return turns.getStore();
}

export function withLogContext<T>(context: LogContext, work: () => Promise<T>): Promise<T> {
  return turns.run(context, work);
}

/** A keyed hash of a conversation: operators can follow one chat in the logs; nobody can reverse it. */
export function conversationKey(secret: string, channelId: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`${channelId}\n${conversationId}`).digest('hex').slice(0, 12);
}
