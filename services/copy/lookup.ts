// Language → catalogue. A new language is one file (e.g. es.ts, typed `Catalogue`) and one entry here.
import type { Catalogue, Language } from './catalogue';
import { en } from './en';

const catalogues: Record<Language, Catalogue> = { en };

export function catalogue(language: Language): Catalogue {
  return catalogues[language];
}
