// Front-desk held-out set (issue 16), written BLIND on 2026-12-04 from the questions patients ask
// a front desk by chat and SMS (in English and Spanish, at the start and in the middle of a flow),
// BEFORE any tuning for them and without reading the NLU tables. It is scored, never tuned on.
// Each message carries the topic a front desk would answer, or 'handoff' (a person, call me, this
// isn't working) or 'emergency' (call 911 first: trouble breathing or swallowing, swelling spreading
// to the eye or neck, bleeding that won't stop, facial trauma, high fever with swelling); the flags
// mirror those two. Ordinary toothaches and jokes are `notEmergency`, with intent 'book' when the
// patient is asking to be seen (no intent: nothing to book).

export type FrontDeskTopic =
  | 'address' | 'hours' | 'phone' | 'insurance' | 'parking' | 'payment' | 'cancellation-policy'
  | 'new-patient-paperwork' | 'languages' | 'other-question' | 'handoff' | 'emergency';

export interface FrontDeskCase {
  text: string;
  locale: 'en' | 'es';
  expect: { topic?: FrontDeskTopic; emergency?: boolean; handoff?: boolean; notEmergency?: boolean; intent?: 'book' };
}

const en = (text: string, topic: FrontDeskTopic): FrontDeskCase => ({ text, locale: 'en', expect: { topic } });
const es = (text: string, topic: FrontDeskTopic): FrontDeskCase => ({ text, locale: 'es', expect: { topic } });
const person = (text: string, locale: 'en' | 'es'): FrontDeskCase => ({ text, locale, expect: { topic: 'handoff', handoff: true } });
const urgent = (text: string, locale: 'en' | 'es'): FrontDeskCase => ({ text, locale, expect: { topic: 'emergency', emergency: true } });
const ordinary = (text: string, locale: 'en' | 'es', intent?: 'book', topic?: FrontDeskTopic): FrontDeskCase =>
  ({ text, locale, expect: { notEmergency: true, ...(intent ? { intent } : {}), ...(topic ? { topic } : {}) } });

const ENGLISH_TOPICS: FrontDeskCase[] = [
  en('where is the Brooklyn office?', 'address'),
  en('whats your address', 'address'),
  en('wait, where exactly are you located in manhattan?', 'address'),
  en('how do I get to the astoria office', 'address'),
  en('what street are you on', 'address'),
  en('what are your hours?', 'hours'),
  en('are you open on saturdays?', 'hours'),
  en('what time do you close today', 'hours'),
  en('before I pick — are you open late on thursdays?', 'hours'),
  en('r u open sunday', 'hours'),
  en('are you open christmas eve?', 'hours'),
  en("what's your phone number", 'phone'),
  en('can I get the office number', 'phone'),
  en('is there a number I can call', 'phone'),
  en('whats the # for the brooklyn office', 'phone'),
  en('do you take insurance?', 'insurance'),
  en('wait, do you take delta dental?', 'insurance'),
  en('is aetna in network', 'insurance'),
  en('I have medicaid, is that ok', 'insurance'),
  en('do u accept cigna ppo', 'insurance'),
  en('is there parking?', 'parking'),
  en('before I pick — where do I park', 'parking'),
  en('is there street parking near the manhattan office', 'parking'),
  en('can I park there', 'parking'),
  en('hold on, is there a garage nearby?', 'parking'),
  en('how much is a cleaning without insurance', 'payment'),
  en('do you take credit cards', 'payment'),
  en('can I pay in installments', 'payment'),
  en('do you accept care credit', 'payment'),
  en('do I have to pay upfront', 'payment'),
  en('is there a payment plan for implants', 'payment'),
  en("what's your cancellation policy", 'cancellation-policy'),
  en('is there a fee if I cancel', 'cancellation-policy'),
  en('how much notice do I need to give to cancel', 'cancellation-policy'),
  en('will I be charged if I miss my appointment', 'cancellation-policy'),
  en('do I need to fill out forms before my first visit', 'new-patient-paperwork'),
  en('what should I bring to my first appointment', 'new-patient-paperwork'),
  en('is there new patient paperwork', 'new-patient-paperwork'),
  en('can I do the intake forms online before I come', 'new-patient-paperwork'),
  en('do you speak spanish?', 'languages'),
  en('does anyone there speak mandarin', 'languages'),
  en('is there a dentist who speaks russian', 'languages'),
  en('my mom only speaks haitian creole, can someone talk to her', 'languages'),
  en('do you do invisalign?', 'other-question'),
  en('is the office wheelchair accessible', 'other-question'),
  en('can I bring my kid with me', 'other-question'),
  en('do you have wifi in the waiting room', 'other-question'),
  en('do you see kids?', 'other-question'),
  en('how long does a cleaning take', 'other-question'),
  en('quick question, do you use laughing gas', 'other-question'),
];

const ENGLISH_PERSON_AND_EMERGENCY: FrontDeskCase[] = [
  person('can I talk to a person', 'en'),
  person('call me', 'en'),
  person("this isn't working", 'en'),
  person('can someone call me back at 718 555 0199', 'en'),
  person('this bot is useless, I want a human', 'en'),
  person('I need to speak to the front desk', 'en'),
  person('have someone call me please', 'en'),
  person('ugh this is not working', 'en'),
  person('operator', 'en'),
  urgent("I can't breathe well and my jaw is swollen", 'en'),
  urgent('my face is swelling up to my eye', 'en'),
  urgent('swelling going down my neck and its hard to swallow', 'en'),
  urgent("my mouth won't stop bleeding after the extraction", 'en'),
  urgent("it's been bleeding for 3 hours and won't stop", 'en'),
  urgent('I got hit in the face and my jaw might be broken', 'en'),
  urgent('fell off my bike, smashed my face, teeth knocked loose', 'en'),
  urgent('fever of 103 and my cheek is swollen', 'en'),
  urgent('having trouble swallowing, my throat is swollen from a tooth', 'en'),
  urgent('swollen jaw and i have a high fever', 'en'),
  urgent('sorry before I pick a time, my eye is swelling shut from this tooth', 'en'),
];

const SPANISH: FrontDeskCase[] = [
  es('¿dónde queda la oficina de brooklyn?', 'address'),
  es('cual es la direccion', 'address'),
  es('¿a qué hora abren?', 'hours'),
  es('abren los sabados?', 'hours'),
  es('cual es el numero de telefono de la oficina', 'phone'),
  es('aceptan medicaid?', 'insurance'),
  es('esperen, aceptan mi seguro? tengo delta dental', 'insurance'),
  es('hay estacionamiento?', 'parking'),
  es('antes de escoger, donde me puedo parquear', 'parking'),
  es('cuanto cuesta una limpieza sin seguro', 'payment'),
  es('aceptan tarjeta de credito?', 'payment'),
  es('cobran si cancelo la cita?', 'cancellation-policy'),
  es('tengo que llenar algun formulario antes de ir?', 'new-patient-paperwork'),
  es('hablan español?', 'languages'),
  es('hay alguien que hable español en la oficina', 'languages'),
  es('atienden niños?', 'other-question'),
  person('quiero hablar con una persona', 'es'),
  person('llámenme por favor', 'es'),
  person('esto no funciona', 'es'),
  urgent('se me está hinchando la cara hasta el ojo', 'es'),
  urgent('no puedo tragar y tengo el cuello hinchado', 'es'),
  urgent('me sangra mucho la boca y no para', 'es'),
  urgent('tengo fiebre alta y la cara hinchada', 'es'),
  urgent('me cuesta respirar y tengo la mandíbula hinchada', 'es'),
];

const NOT_EMERGENCY: FrontDeskCase[] = [
  ordinary('my tooth hurts', 'en', 'book'),
  ordinary('my tooth is killing me', 'en', 'book'),
  ordinary('emergency cleaning lol', 'en', 'book'),
  ordinary('I broke a filling', 'en', 'book'),
  ordinary('a little swelling around my gum', 'en', 'book'),
  ordinary('toothache since yesterday', 'en', 'book'),
  ordinary('my gum is a bit swollen', 'en', 'book'),
  ordinary('I chipped my tooth', 'en', 'book'),
  ordinary('I need an emergency appointment, my crown came off', 'en', 'book'),
  ordinary('bleeding gums when I floss', 'en', 'book'),
  ordinary('my gums bleed a little when brushing', 'en', 'book'),
  ordinary('my teeth are sensitive to cold', 'en', 'book'),
  ordinary('im dying to get my teeth whitened', 'en', 'book'),
  ordinary("my kid's baby tooth is loose", 'en', 'book'),
  ordinary('I have a dull ache in my back tooth', 'en', 'book'),
  ordinary('wisdom tooth is sore', 'en', 'book'),
  ordinary('I lost a filling', 'en', 'book'),
  ordinary('cheek feels slightly puffy but no fever', 'en', 'book'),
  ordinary('emergency? no, just a checkup', 'en', 'book'),
  ordinary('no swelling, just pain when I chew', 'en', 'book'),
  ordinary('my braces wire is poking me', 'en', 'book'),
  ordinary('dying for a cleaning haha', 'en', 'book'),
  ordinary('the bleeding stopped after a minute, all good', 'en'),
  ordinary('this price is killing me', 'en'),
  ordinary('what counts as a dental emergency?', 'en', undefined, 'other-question'),
  ordinary('is a broken tooth an emergency', 'en', undefined, 'other-question'),
  ordinary('me duele una muela', 'es', 'book'),
  ordinary('esta muela me está matando', 'es', 'book'),
  ordinary('se me cayó la corona', 'es', 'book'),
  ordinary('tengo la encía un poco hinchada', 'es', 'book'),
  ordinary('se me rompio un empaste', 'es', 'book'),
];

export const frontDeskHeldOut: FrontDeskCase[] = [...ENGLISH_TOPICS, ...ENGLISH_PERSON_AND_EMERGENCY, ...SPANISH, ...NOT_EMERGENCY];
