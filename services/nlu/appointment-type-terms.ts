// How patients name appointment types: the practice's own type names, and the everyday words and
// symptoms that mean one of them, resolved against whatever this practice calls its types.
import type { Term } from './term-matcher';
import type { UnderstandContext } from './understanding';

interface Concept {
  /** which of the practice's type names this concept means, best first */
  targets: RegExp[];
  /** what patients say (regex source, matched on whole words of the lower-cased message) */
  phrases: string[];
}

// A practice's specific type wins over Emergency: these concepts only resolve when the practice
// has such a type, and their longer phrases win at the same position ("bleeding gums").
const CONCEPTS: Concept[] = [
  {
    targets: [/gum/, /perio/, /gingiv/],
    phrases: [
      'bleeding gums?', 'gums? (?:are |is )?(?:bleeding|bleed|swollen|sore|receding|puffy)', 'gum (?:disease|treatment|infection|problems?|pain|issues?)',
      'gingivitis', 'periodontal', 'periodontitis', 'perio', 'receding gums?', 'swollen gums?',
    ],
  },
  {
    targets: [/repair/, /replac/],
    phrases: [
      'broke (?:a|my|the) filling', 'broken filling', 'cracked filling', 'loose filling', 'lost (?:a|my) filling',
      'filling (?:fell out|came out|broke|cracked|is broken|is cracked|is loose|came loose)', 'filling repair', 'fix (?:a|my) filling',
    ],
  },
  {
    targets: [/whiten/, /bleach/],
    phrases: ['whiten(?:ing)?', 'teeth whiter', 'whiter (?:teeth|smile)', 'bleach(?:ing)?', 'yellow teeth', 'teeth (?:are )?(?:yellow|stained)'],
  },
  {
    targets: [/new\s*patient/, /\bnew\b/, /first\s+visit/],
    phrases: ['new patient', 'new patients', 'first (?:visit|time|appointment)', 'never been (?:there|here|before)', "haven'?t been (?:there |here )?before", 'new here', 'new to (?:the|your) (?:practice|office)'],
  },
  {
    targets: [/emergenc/, /urgent/, /pain/, /toothache/, /limited/],
    phrases: [
      'emergency', 'emergencies', 'urgent(?:ly)?', 'tooth ?ache', 'tooth (?:hurts|is hurting|pain|is killing me)', 'teeth (?:hurt|are hurting)',
      'hurts?', 'hurting', 'in pain', 'pain', 'painful', 'aching', 'ache', 'broken', 'broke', 'cracked', 'chipped', 'swelling', 'swollen',
      'abscess(?:ed)?', 'bleeding', 'knocked out', 'infection', 'infected', 'throbbing',
    ],
  },
  {
    targets: [/clean/, /hygien/, /prophy/, /recall/],
    phrases: [
      // "a checkup and cleaning" is the routine recall visit, not a new-patient exam.
      'check ?-?ups? (?:and|&|\\+|with|plus) (?:a )?clean(?:ing)?', 'clean(?:ing)? (?:and|&|\\+|with|plus) (?:a )?check ?-?ups?',
      'cleaning', 'cleanings', 'clean(?:ed)?', 'teeth clean(?:ed|ing)?', 'hygiene', 'hygienist', 'polish(?:ing)?', 'scaling', 'prophy', 'prophylaxis', 'deep clean(?:ing)?'],
  },
  {
    targets: [/check/, /periodic/, /recall/, /exam/],
    phrases: ['check ?-?ups?', 'exam', 'exams', 'examination', 'routine (?:visit|exam)', 'regular (?:visit|exam)', '(?:six|6)[ -]month'],
  },
  {
    targets: [/consult/],
    phrases: ['consult', 'consults', 'consultation', 'second opinion', 'talk to (?:a|the) dentist', 'discuss', 'invisalign', 'implant consult'],
  },
  {
    targets: [/filling/, /restor/],
    phrases: ['filling', 'fillings', 'cavity', 'cavities', 'decay', 'hole in my tooth', 'lost (?:a|my) filling'],
  },
];

/** Words of type names that do not tell types apart. */
const GENERIC = new Set(['new', 'patient', 'appointment', 'visit', 'and', 'of', 'the', 'a', 'with', 'dental', 'teeth', 'tooth', '&', '-', 'adult', 'child']);

function resolve(concept: Concept, types: UnderstandContext['appointmentTypes']): number | undefined {
  for (const target of concept.targets) {
    const matching = types.filter((type) => target.test(type.name.toLowerCase()));
    if (matching.length === 0) continue;
    // "exam" should reach a plain exam before a "New Patient Exam" when both exist.
    const plain = matching.filter((type) => !/new\s*patient/i.test(type.name));
    return (plain.length > 0 && !concept.targets[0].test('new patient') ? plain : matching)[0].id;
  }
  return undefined;
}

export function appointmentTypeTerms(types: UnderstandContext['appointmentTypes']): {
  terms: Term[];
  synonyms: { pattern: RegExp; id: number }[];
} {
  const terms: Term[] = [];
  for (const type of types) {
    const all = type.name.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((word) => word.length > 0);
    if (all.length === 0) continue;
    terms.push({ text: all.join(' '), id: type.id });
    for (const word of all) if (!GENERIC.has(word) && word.length >= 4) terms.push({ text: word, id: type.id });
  }
  const synonyms: { pattern: RegExp; id: number }[] = [];
  for (const concept of CONCEPTS) {
    const id = resolve(concept, types);
    if (id === undefined) continue;
    synonyms.push({ pattern: new RegExp(`\\b(?:${concept.phrases.join('|')})\\b`, 'g'), id });
    // Single-word synonyms also feed the fuzzy matcher ("cleening", "emergancy").
    for (const phrase of concept.phrases) if (/^[a-z]{5,}$/.test(phrase)) terms.push({ text: phrase, id });
  }
  return { terms, synonyms };
}
