// What the bot says: the catalogue per language, the turn's language, and the channel-neutral
// message shape. Imported by bot/ and dialogs/; imports neither.
import { DEFAULT_LANGUAGE, type Catalogue } from './catalogue';
import { catalogue } from './lookup';

export { DEFAULT_LANGUAGE };
export type { Catalogue, Expecting, Language } from './catalogue';
export { catalogue };
export { isLanguage, setTurnLanguage, turnCatalogue } from './turn-language';
export type { TurnStateLike } from './turn-language';
export { OUTGOING_MESSAGE } from './outgoing';
export type { ChoiceOption, OutgoingMessage } from './outgoing';

/** The default language's catalogue: for what is said outside a conversation's turn (HTTP refusals, notices). */
export const messages: Catalogue = catalogue(DEFAULT_LANGUAGE);
