// Names come back as people write them on a form: "josé o'brien-smith" → "José O'Brien-Smith".
// A name the patient already typed in mixed case ("McKenzie", "DeShawn") is kept as typed.

const PARTICLES = new Set(['de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'al', 'dos', 'das']);

function capitalize(part: string): string {
  const lower = part.toLowerCase();
  // O'Brien, D'Angelo: one letter before the apostrophe starts a second capital.
  if (/^\p{L}'\p{L}/u.test(lower)) return lower[0].toUpperCase() + "'" + lower[2].toUpperCase() + lower.slice(3);
  if (/^mc\p{L}{2,}/u.test(lower)) return 'Mc' + lower[2].toUpperCase() + lower.slice(3);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function properCase(word: string, isFirstWord: boolean): string {
  const isMixed = word !== word.toLowerCase() && word !== word.toUpperCase();
  if (isMixed) return word;
  if (!isFirstWord && PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  return word.split('-').map(capitalize).join('-');
}

export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}
