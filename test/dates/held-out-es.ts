// Spanish date-preference held-out set (issue 18), written BLIND on 2026-12-04 from how
// Spanish-speaking patients write by chat and SMS (missing accents, typos, US Spanish), BEFORE any
// tuning for Spanish and without reading the date tables. It is scored, never tuned on.
// Default now: Thu 2026-12-03 10:00 America/New_York. Points are "MM-DD HH:mm": months 11–12 are
// 2026, the others 2027. Numeric dates in Spanish text are day-first ("22/12", "4/1" = 4 January).
import type { DateCase } from './cases';

/** A date case in a language: DateCase has no locale yet. */
export interface LocaleDateCase extends DateCase {
  locale: 'es';
}

export const HELD_OUT_ES_NOW = '2026-12-03T10:00';

function point(p: string): string {
  if (/^\d{4}-/.test(p)) return p;
  const year = Number(p.slice(0, 2)) >= 11 ? 2026 : 2027;
  return `${year}-${p.replace(' ', 'T')}`;
}
const es = (text: string, inside: string[], outside: string[], extra: Partial<DateCase> = {}): LocaleDateCase =>
  ({ now: HELD_OUT_ES_NOW, ...extra, locale: 'es', text, inside: inside.map(point), outside: outside.map(point) });
const asapEs = (text: string): LocaleDateCase => es(text, ['12-03 12:00', '12-20 12:00'], ['12-03 09:00'], { asap: true });
const pastEs = (text: string): LocaleDateCase => ({ now: HELD_OUT_ES_NOW, locale: 'es', text, none: true, past: true });

export const heldOutEs: LocaleDateCase[] = [
  // days, relative
  es('el martes que viene por la tarde', ['12-08 14:00'], ['12-08 09:00', '12-15 14:00']),
  es('la próxima semana', ['12-07 12:00', '12-10 12:00'], ['12-04 12:00', '12-14 12:00']),
  es('la semana que viene', ['12-08 12:00'], ['12-04 12:00', '12-14 12:00']),
  es('la otra semana', ['12-09 12:00'], ['12-04 12:00']),
  es('el proximo lunes', ['12-07 12:00'], ['12-04 12:00', '12-14 12:00']),
  es('mañana temprano', ['12-04 08:30'], ['12-04 15:00', '12-05 08:30']),
  es('mañana por la mañana', ['12-04 09:00'], ['12-04 14:00']),
  es('mañana en la tarde', ['12-04 14:00'], ['12-04 09:00']),
  es('mñana', ['12-04 12:00'], ['12-05 12:00']),
  es('pasado mañana', ['12-05 12:00'], ['12-04 12:00', '12-06 12:00']),
  es('hoy en la tarde', ['12-03 15:00'], ['12-04 15:00']),
  es('esta tarde', ['12-03 15:00'], ['12-04 15:00', '12-03 09:00']),
  es('hoy', ['12-03 14:00'], ['12-04 14:00']),
  es('en dos semanas', ['12-17 12:00'], ['12-16 12:00', '12-18 12:00']),
  es('dentro de una semana', ['12-10 12:00'], ['12-08 12:00']),
  // named dates
  es('el 15 de diciembre', ['12-15 12:00'], ['12-14 12:00', '12-16 12:00']),
  es('el 15', ['12-15 12:00'], ['12-14 12:00', '12-16 12:00']),
  es('el lunes 14', ['12-14 12:00'], ['12-07 12:00']),
  es('el 20 de enero', ['01-20 12:00'], ['01-19 12:00', '01-21 12:00']),
  es('el 31 de diciembre en la mañana', ['12-31 09:00'], ['12-31 14:00', '12-30 09:00']),
  es('el 22/12', ['12-22 12:00'], ['12-21 12:00', '12-23 12:00']),
  es('4/1', ['01-04 12:00'], ['04-01 12:00', '01-05 12:00']),
  es('entre el 10 y el 15', ['12-10 12:00', '12-12 12:00'], ['12-09 12:00', '12-16 12:00']),
  es('a fin de mes', ['12-28 12:00'], ['12-15 12:00']),
  es('a principios de enero', ['01-05 12:00'], ['01-15 12:00', '12-30 12:00']),
  es('a mediados de enero', ['01-15 12:00'], ['01-05 12:00', '01-25 12:00']),
  es('antes de navidad', ['12-10 12:00', '12-23 12:00'], ['12-25 12:00', '12-28 12:00']),
  es('después de año nuevo', ['01-05 12:00'], ['12-30 12:00']),
  es('nochebuena', ['12-24 12:00'], ['12-23 12:00', '12-25 12:00']),
  // times of day
  es('después de las 3', ['12-04 16:00'], ['12-04 10:00']),
  es('antes de las 10', ['12-04 09:00'], ['12-04 14:00']),
  es('el viernes a las 4', ['12-04 16:00'], ['12-04 10:00']),
  es('el jueves a las 10 de la mañana', ['12-10 10:00'], ['12-10 15:00']),
  es('el miércoles al mediodía', ['12-09 12:00'], ['12-09 09:00', '12-09 16:00']),
  es('el sábado en la mañana', ['12-05 09:00'], ['12-05 14:00']),
  es('en la noche el lunes', ['12-07 18:00'], ['12-07 10:00']),
  es('mañana a las 8 y media', ['12-04 08:30'], ['12-04 11:00']),
  es('el viernes a las 2:30 de la tarde', ['12-04 14:30'], ['12-04 10:00']),
  es('a eso de las 4 el lunes', ['12-07 16:00'], ['12-07 12:00']),
  es('despues del trabajo el martes', ['12-08 18:00'], ['12-08 13:00']),
  es('next week en la tarde', ['12-08 14:00'], ['12-08 09:00', '12-04 14:00']),
  // several days, plurals, exclusions
  es('el lunes o el martes por la mañana', ['12-07 09:00', '12-08 09:00'], ['12-08 14:00', '12-09 09:00']),
  es('el martes o miercoles en la mañana', ['12-08 09:00', '12-09 09:00'], ['12-09 14:00', '12-10 09:00']),
  es('entre semana', ['12-07 12:00', '12-04 12:00'], ['12-05 12:00', '12-06 12:00']),
  es('este fin de semana', ['12-05 12:00', '12-06 12:00'], ['12-04 12:00', '12-12 12:00']),
  es('solo los fines de semana', ['12-05 12:00'], ['12-07 12:00']),
  es('los martes por la tarde', ['12-08 14:00', '12-15 14:00'], ['12-08 09:00', '12-09 14:00']),
  es('por las mañanas', ['12-04 09:00', '12-07 09:00'], ['12-04 14:00']),
  es('cualquier día menos el viernes', ['12-07 12:00'], ['12-04 12:00', '12-11 12:00']),
  es('cualquier dia de la semana que viene menos el lunes', ['12-08 12:00'], ['12-07 12:00', '12-14 12:00']),
  es('por la tarde, pero no el miércoles', ['12-04 14:00'], ['12-09 14:00', '12-04 09:00']),
  // as soon as possible
  asapEs('lo antes posible'),
  asapEs('lo más pronto posible'),
  asapEs('cuanto antes'),
  asapEs('la primera cita disponible'),
  asapEs('lo que tengan primero'),
  // past: a symptom's history
  pastEs('desde el lunes'),
  pastEs('hace dos días'),
  pastEs('desde ayer'),
  // other time zones
  es('el viernes por la mañana', ['12-04 09:00'], ['12-04 13:00'], { tz: 'America/Chicago' }),
  es('mañana a las 4', ['12-04 16:00'], ['12-04 14:00'], { tz: 'America/Los_Angeles' }),
];
