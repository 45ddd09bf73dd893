// The conversation's language for one turn: the bot reads it from conversation state once, at the
// start of the turn, and everything that speaks during the turn finds the catalogue here.
import { DEFAULT_LANGUAGE, type Catalogue, type Language } from './catalogue';
import { catalogue } from './lookup';

/** A turn's state collection (botbuilder's TurnContext.turnState), structurally. */
export interface TurnStateLike {
  get(key: symbol): unknown;
  set(key: symbol, value: unknown): unknown;
}

const LANGUAGE_KEY = Symbol('conversationLanguage');
const LANGUAGES: readonly Language[] = ['en'];

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

export function setTurnLanguage(turnState: TurnStateLike, language: Language): void {
  turnState.set(LANGUAGE_KEY, language);
}

/** The catalogue of the turn's language; before the bot has read it (a failed start, a test), the default. */
export function turnCatalogue(turnState: TurnStateLike): Catalogue {
  const language = turnState.get(LANGUAGE_KEY);
  return catalogue(isLanguage(language) ? language : DEFAULT_LANGUAGE);
}
