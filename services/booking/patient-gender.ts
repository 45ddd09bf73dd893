// The sex a new patient's record carries (NexHealth `bio.gender`): the record systems behind it need
// the real value, so new patients are asked once, with tappable choices. Existing patients never are.
export const PATIENT_GENDERS = ['Male', 'Female', 'Other'] as const;
export type PatientGender = (typeof PATIENT_GENDERS)[number];

const WORDS: Record<string, PatientGender> = {
  male: 'Male', m: 'Male', man: 'Male', boy: 'Male',
  female: 'Female', f: 'Female', woman: 'Female', girl: 'Female',
  other: 'Other', o: 'Other', 'non-binary': 'Other', nonbinary: 'Other', 'non binary': 'Other', x: 'Other',
  'prefer not to say': 'Other', 'rather not say': 'Other',
};

/** "Female", "f", "I'm a woman", or the number of a choice (SMS shows choices numbered). */
export function readGender(text: string, choice?: number): PatientGender | undefined {
  if (choice !== undefined) return PATIENT_GENDERS[choice - 1];
  const words = text.toLowerCase().replace(/['’]/g, '').replace(/[^a-z\s-]/g, ' ').replace(/\b(?:im|i am|a|an)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return WORDS[words];
}
