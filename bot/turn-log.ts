// Each turn runs inside its log context (services/log-context.ts): the conversation's keyed hash
// and the dialog step it begins at, so an operator can follow one chat without patient data.
import { randomBytes } from 'node:crypto';
import type { DialogState } from 'botbuilder-dialogs';
import type { KeyValueStorage } from '../services/storage';

interface StackEntry {
  id: string;
  state?: { dialogs?: DialogState; stepIndex?: unknown };
}

/** "booking>identity#2": the active dialog, through component dialogs, and its waterfall step. */
export function dialogStep(state: DialogState | undefined): string | undefined {
  const path: string[] = [];
  let stack = state?.dialogStack as StackEntry[] | undefined;
  let last: StackEntry | undefined;
  while (stack && stack.length > 0) {
    last = stack[stack.length - 1];
    path.push(last.id);
    stack = last.state?.dialogs?.dialogStack as StackEntry[] | undefined;
  }
  if (!last) return undefined;
  const index = last.state?.stepIndex;
  return `${path.join('>')}${typeof index === 'number' ? `#${index}` : ''}`;
}

const LOG_KEY = 'log-hash-key';

/**
 * The key of the conversation hash, kept with the secrets so that every instance and every restart
 * hash a conversation alike. Two instances starting together both read back whichever write won.
 */
export async function loadLogKey(secrets: KeyValueStorage): Promise<string> {
  const stored = (await secrets.read([LOG_KEY]))[LOG_KEY]?.key;
  if (typeof stored === 'string') return stored;
  await secrets.write({ [LOG_KEY]: { key: randomBytes(32).toString('base64url'), eTag: '*' } });
  const written = (await secrets.read([LOG_KEY]))[LOG_KEY]?.key;
  return typeof written === 'string' ? written : randomBytes(32).toString('base64url');
}
