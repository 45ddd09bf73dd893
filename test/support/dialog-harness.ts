// Runs the real dialogs through botbuilder-testing's DialogTestClient over the real service layer
// (BookingService → NexHealth client → sandbox over HTTP). Nothing of the service layer is mocked.
import { ConversationState, MemoryStorage, type Activity, type ConversationAccount } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { Dialog } from 'botbuilder-dialogs';
import { ChannelRendering } from '../../bot/rendering/channel-rendering';
import type { AppointmentRequestListener, DialogServices } from '../../dialogs/dialog-services';
import { MainDialog } from '../../dialogs/main-dialog';
import type { RunningSandbox } from '../../sandbox';
import { BookingService } from '../../services/booking';
import { ManualClock } from '../../services/clock';
import { createLogger } from '../../services/logger';
import { NexHealthClient } from '../../services/nexhealth';
import { SandboxAdmin, sharedSandbox } from './sandbox';

/** Tue 2026-11-24 10:00 in New York: the "now" of shared/spec examples. */
export const SPEC_NOW = new Date('2026-11-24T15:00:00Z');

export interface HarnessOptions {
  now?: Date;
  locationId?: number;
  channelId?: string;
  conversationType?: string;
  dialog?: (services: DialogServices) => Dialog;
  requests?: Partial<AppointmentRequestListener>;
  /** Conversations of one bot: the same client and booking service (so one budget, one slot cache). */
  shared?: SharedServices;
  conversationId?: string;
}

export interface SharedServices {
  nexhealth: NexHealthClient;
  booking: BookingService;
  clock: ManualClock;
}

/** Resets the sandbox once and builds the service layer that several conversations share. */
export async function createSharedServices(options: { now?: Date; locationId?: number; slotCacheTtlMs?: number } = {}): Promise<SharedServices> {
  const now = options.now ?? SPEC_NOW;
  const sandbox = await sharedSandbox();
  await new SandboxAdmin(sandbox.url).reset(now);
  const clock = new ManualClock(now);
  const logger = createLogger({ level: 'silent' });
  const nexhealth = new NexHealthClient({ baseUrl: sandbox.url, apiKey: 'sandbox-api-key', subdomain: 'demo-dental', clock, logger, sleep: async () => undefined });
  return { nexhealth, clock, booking: new BookingService(nexhealth, clock, { locationId: options.locationId, slotCacheTtlMs: options.slotCacheTtlMs, logger }) };
}

export interface Reply {
  text: string;
  choices: string[];
  activity: Partial<Activity>;
}

export class DialogHarness {
  constructor(
    readonly client: DialogTestClient,
    readonly sandbox: RunningSandbox,
    readonly admin: SandboxAdmin,
    readonly nexhealth: NexHealthClient,
    readonly clock: ManualClock,
    readonly conversationState: ConversationState,
    private readonly conversation: ConversationAccount,
  ) {}

  /** Sends one message and returns every reply of that turn. */
  async say(text: string | Partial<Activity>): Promise<Reply[]> {
    const replies: Reply[] = [];
    const message: Partial<Activity> = typeof text === 'string' ? { type: 'message', text } : text;
    let activity = (await this.client.sendActivity({ ...message, conversation: this.conversation })) as Partial<Activity> | undefined;
    while (activity) {
      replies.push(toReply(activity));
      activity = this.client.getNextReply();
    }
    return replies;
  }

  /** The replies' texts joined, for matching. */
  async sayText(text: string | Partial<Activity>): Promise<string> {
    return (await this.say(text)).map((reply) => reply.text).join('\n');
  }
}

function toReply(activity: Partial<Activity>): Reply {
  const actions = activity.suggestedActions?.actions ?? [];
  const cardButtons = (activity.attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { buttons?: { title?: string }[] } | undefined;
    return (content?.buttons ?? []).map((button) => button.title ?? '');
  });
  return { text: activity.text ?? '', choices: [...actions.map((action) => action.title), ...cardButtons], activity };
}

export async function createDialogHarness(options: HarnessOptions = {}): Promise<DialogHarness> {
  const sandbox = await sharedSandbox();
  const admin = new SandboxAdmin(sandbox.url);
  const { nexhealth, booking, clock } = options.shared ?? await createSharedServices(options);
  const logger = createLogger({ level: 'silent' });
  const conversationState = new ConversationState(new MemoryStorage());
  const services: DialogServices = {
    booking,
    clock,
    logger,
    // Dialog tests do not follow insertion results (test/notify does): requests are only noted.
    requests: {
      appointmentRequested: options.requests?.appointmentRequested ?? (async () => undefined),
      replacementPending: options.requests?.replacementPending ?? (async () => false),
    },
  };
  const dialog = options.dialog ? options.dialog(services) : new MainDialog(services);
  const channelId = options.channelId ?? 'emulator';
  const client = new DialogTestClient(channelId, dialog, undefined, [new ChannelRendering()], conversationState);
  const conversation = { id: options.conversationId ?? `conversation-${channelId}`, isGroup: options.conversationType === 'groupChat', conversationType: options.conversationType ?? 'personal', name: '' };
  return new DialogHarness(client, sandbox, admin, nexhealth, clock, conversationState, conversation);
}
