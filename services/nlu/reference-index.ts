// The matchers built from a practice's reference lists. They are memoised by the lists'
// content (a small bounded cache), so a message costs lookups, not index building.
import { appointmentTypeTerms } from './appointment-type-terms';
import { TermMatcher, type Term } from './term-matcher';
import type { UnderstandContext } from './understanding';

export interface ReferenceIndex {
  types: TermMatcher;
  /** synonym phrase → type id, resolved against this practice's types */
  typeSynonyms: { pattern: RegExp; id: number }[];
  providers: TermMatcher;
  locations: TermMatcher;
}

const CACHE_SIZE = 32;
const cache = new Map<string, ReferenceIndex>();

/** Lower-case words of a reference name, punctuation dropped. */
export function words(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length > 0);
}

const PROVIDER_TITLES = new Set(['dr', 'doctor', 'dds', 'dmd', 'md', 'rdh', 'phd', 'mr', 'mrs', 'ms', 'miss', 'prof', 'hygienist', 'rda', 'msd', 'pc']);
/** Words of location names that say nothing about which one ("the Brooklyn office"). */
const LOCATION_GENERIC = new Set(['the', 'office', 'dental', 'dentistry', 'clinic', 'location', 'practice', 'center', 'centre', 'group', 'care', 'and', 'of', 'smile', 'smiles', 'family', 'at', 'on']);

export function providerWords(name: string): string[] {
  return words(name).filter((word) => !PROVIDER_TITLES.has(word));
}

function providerTerms(providers: UnderstandContext['providers']): Term[] {
  const terms: Term[] = [];
  for (const provider of providers) {
    const parts = providerWords(provider.name);
    if (parts.length === 0) continue;
    terms.push({ text: parts.join(' '), id: provider.id });
    terms.push({ text: parts[parts.length - 1], id: provider.id });
    if (parts.length > 1) {
      terms.push({ text: parts[0], id: provider.id });
      terms.push({ text: `${parts[0]} ${parts[parts.length - 1]}`, id: provider.id });
    }
  }
  return terms;
}

function locationTerms(locations: UnderstandContext['locations']): Term[] {
  const lists = locations.map((location) => words(location.name));
  // A word every location shares ("Smile Dental") tells none of them apart.
  const shared = new Set(lists.length > 1 ? lists[0].filter((word) => lists.every((list) => list.includes(word))) : []);
  const terms: Term[] = [];
  locations.forEach((location, index) => {
    const all = lists[index];
    if (all.length === 0) return;
    terms.push({ text: all.join(' '), id: location.id });
    const distinctive = all.filter((word) => !LOCATION_GENERIC.has(word) && !shared.has(word) && !/^\d+$/.test(word));
    if (distinctive.length > 0) terms.push({ text: distinctive.join(' '), id: location.id });
    for (const word of distinctive) if (word.length >= 3) terms.push({ text: word, id: location.id });
  });
  return terms;
}

function keyOf(ctx: UnderstandContext): string {
  const list = (items: { id: number; name: string }[]): string => items.map((item) => `${item.id}:${item.name}`).join('|');
  return `${list(ctx.appointmentTypes)}#${list(ctx.providers)}#${list(ctx.locations)}`;
}

export function referenceIndex(ctx: UnderstandContext): ReferenceIndex {
  const key = keyOf(ctx);
  const cached = cache.get(key);
  if (cached) return cached;
  const types = appointmentTypeTerms(ctx.appointmentTypes);
  const index: ReferenceIndex = {
    types: new TermMatcher(types.terms),
    typeSynonyms: types.synonyms,
    providers: new TermMatcher(providerTerms(ctx.providers)),
    locations: new TermMatcher(locationTerms(ctx.locations)),
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, index);
  return index;
}
