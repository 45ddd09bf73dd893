// What an activity must carry before the adapter sees it: the SDK answers 500 with its internal
// text for some shapes, and runs a turn for activities no channel would send (no conversation, no
// serviceUrl). Everything else an activity carries passes through untouched (Teams adds a lot).
import { z } from 'zod';

const account = z.looseObject({
  id: z.string().min(1).max(512),
  name: z.string().max(512).optional(),
  role: z.string().max(64).optional(),
});

export const incomingActivity = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2_048),
  conversation: z.looseObject({ id: z.string().min(1).max(1_024) }),
  from: account,
  recipient: account.optional(),
  // No cap here: a long message gets the bot's friendly "too long" answer, not a 400 (the body limit bounds it).
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivity>;
