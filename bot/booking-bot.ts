// The activity handler: greets a conversation once, checks a message is something we can read,
// runs the main dialog, and saves state at the end of every turn.
import { ActivityHandler, TurnContext, type BotState, type StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { neutralActivity } from '../dialogs/dialog-steps';
import type { MainDialog } from '../dialogs/main-dialog';
import { DEFAULT_LANGUAGE, isLanguage, setTurnLanguage, turnCatalogue, type Language } from '../services/copy';
import { conversationKey, withLogContext } from '../services/log-context';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';
import { ConversationLocks } from './conversation-locks';
import { PROACTIVE_EVENT, replyToProactive } from './proactive-turns';
import { dialogStep } from './turn-log';

/** Longer messages are not a booking answer; they are refused before any parsing. */
export const MAX_MESSAGE_LENGTH = 2_000;
/** Where the dialog stack is kept in conversation state. */
export const DIALOG_STATE_PROPERTY = 'dialogState';
/** The conversation's language, in conversation state (it outlives flows: kept for the whole conversation). */
export const LANGUAGE_PROPERTY = 'language';

export class BookingBot extends ActivityHandler {
  /** The dialog stack's state: proactive turns (insertion results) resume dialogs through it. */
  readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly language: StatePropertyAccessor<Language>;

  constructor(
    private readonly conversationState: BotState,
    private readonly dialog: MainDialog,
    private readonly locks: ConversationLocks,
    /** Keys the conversation hash in logs, and where the turn's line goes. */
    private readonly turnLog: { key: string; logger: Logger; metrics?: Metrics },
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);
    this.welcomed = conversationState.createProperty<boolean>('welcomed');
    this.language = conversationState.createProperty<Language>(LANGUAGE_PROPERTY);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0 && !(await this.welcomed.get(context, false))) {
        await this.welcomed.set(context, true);
        this.turnLog.metrics?.funnel('conversation_started');
        const messages = turnCatalogue(context.turnState);
        await context.sendActivity(neutralActivity({ kind: 'menu', text: messages.greeting, choices: messages.menuChoices.map((label) => ({ label })) }));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      // In Teams group chats the bot is @mentioned; the mention is not part of the answer.
      if (context.activity.channelId === 'msteams') TurnContext.removeRecipientMention(context.activity);
      // SMS and some channels never say a member joined: the first message starts the conversation.
      if (!(await this.welcomed.get(context, false))) {
        await this.welcomed.set(context, true);
        this.turnLog.metrics?.funnel('conversation_started');
      }
      const text = context.activity.text?.trim() ?? '';
      const messages = turnCatalogue(context.turnState);
      if (text.length === 0) {
        await context.sendActivity(messages.onlyText);
      } else if (text.length > MAX_MESSAGE_LENGTH) {
        await context.sendActivity(messages.tooLong);
      } else {
        context.activity.text = text;
        await this.dialog.run(context, this.dialogState);
      }
      await next();
    });

    // A proactive message (bot/proactive-turns.ts): the same lock, dialogs and save as a message.
    this.onEvent(async (context, next) => {
      if (context.activity.name === PROACTIVE_EVENT) await replyToProactive(context, { dialog: this.dialog, dialogState: this.dialogState });
      await next();
    });

    this.onUnrecognizedActivityType(async (context, next) => {
      await context.sendActivity(turnCatalogue(context.turnState).onlyText);
      await next();
    });

    this.onDialog(async (context, next) => {
      await this.conversationState.saveChanges(context, false);
      await next();
    });
  }

  /** Once per turn: everything said in the turn (dialogs, the apology) uses the conversation's catalogue. */
  private async readLanguage(context: TurnContext): Promise<void> {
    const stored = await this.language.get(context);
    setTurnLanguage(context.turnState, isLanguage(stored) ? stored : DEFAULT_LANGUAGE);
  }

  /** Turns of one conversation run one after another (see ConversationLocks). */
  override async run(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    const conversationHash = conversationKey(this.turnLog.key, channelId ?? '', conversation?.id ?? '');
    await this.locks.run(ConversationLocks.keyOf(context.activity), async () => {
      const started = Date.now();
      await this.readLanguage(context);
      const step = dialogStep(await this.dialogState.get(context));
      await withLogContext({ conversation: conversationHash, step }, async () => {
        await super.run(context);
        this.turnLog.metrics?.turn(channelId, Date.now() - started);
        this.turnLog.logger.info({ channel: channelId, type: context.activity.type, ms: Date.now() - started, next: dialogStep(await this.dialogState.get(context)) }, 'turn');
      });
    });
  }
}
