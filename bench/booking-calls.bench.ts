// What a booking costs in NexHealth calls, by endpoint, for an existing and a new patient (one
// bot's client, warmed up: token and reference data cached), and what 50 patients looking at the
// same week at once cost in slot searches, with the sandbox's documented rate limits on.
import { performance } from 'node:perf_hooks';
import { SandboxAdmin, sharedSandbox, slotsPath } from '../test/support/sandbox';
import { createDialogHarness, createSharedServices, type DialogHarness, type SharedServices } from '../test/support/dialog-harness';
import { closeSharedServers } from '../test/support/shared-servers';
import type { BenchMetric, BenchReport } from './report';

const BROOKLYN = 101;
const BOOKINGS_PER_KIND = 5;
const BURST = 50;
const TARGET_CALLS = { existing: 3, new: 4 };
const WHEN = ['next monday', 'next tuesday', 'next wednesday', 'next thursday', 'next friday'];
const FIRST_NAMES = ['Ben', 'Cara', 'Hugo', 'Ivy', 'Finn', 'Gia', 'Omar', 'Ruth', 'Lena', 'Theo'];
const LAST_NAMES = ['Rivera', 'Stone', 'Okafor', 'Brandt', 'Castell'];

interface Patient { first: string; last: string; dateOfBirth: string; phone: string; email: string }

function patient(index: number): Patient {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Ben';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Rivera';
  const day = String((index % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
  return { first, last, dateOfBirth: `1985-${month}-${day}`, phone: `555301${String(1000 + index)}`, email: `${first}.${last}${index}@example.com`.toLowerCase() };
}

const oneMessage = (who: Patient, when = 'next Tuesday afternoon'): string => {
  const [year, month, day] = who.dateOfBirth.split('-');
  return `I'm ${who.first} ${who.last}, born ${Number(month)}/${Number(day)}/${year}, ${who.phone.slice(0, 3)}-${who.phone.slice(3, 6)}-${who.phone.slice(6)}, I'd like a cleaning ${when}`;
};

/** Answers the bot as a patient would (first offered choice, "yes", the email) until the request is sent. */
async function bookThrough(bot: DialogHarness, who: Patient, first = oneMessage(who)): Promise<boolean> {
  let replies = await bot.say(first);
  for (let turn = 0; turn < 12; turn += 1) {
    if (replies.some((reply) => /Request sent/.test(reply.text))) return true;
    const last = replies[replies.length - 1];
    const choice = last?.choices.find((candidate) => candidate !== 'Other times');
    const answer = choice ?? (last && /email/i.test(last.text) ? who.email : 'yes');
    replies = await bot.say(answer);
  }
  return false;
}

/** Sandbox counters per booking, by endpoint: each patient books in a new conversation of one warmed-up bot. */
async function callsPerBooking(shared: SharedServices, admin: SandboxAdmin, patients: Patient[], partOfDay: string): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const [index, who] of patients.entries()) {
    const bot = await createDialogHarness({ shared, conversationId: `calls-${partOfDay}-${index}` });
    await admin.resetCounters();
    // Each asks for another day, so no booking finds its preference already full.
    if (!(await bookThrough(bot, who, oneMessage(who, `${WHEN[index % WHEN.length] ?? 'next week'} ${partOfDay}`)))) throw new Error('a booking did not reach "Request sent"');
    for (const [endpoint, count] of Object.entries(await admin.counters())) totals.set(endpoint, (totals.get(endpoint) ?? 0) + count);
  }
  return new Map([...totals].map(([endpoint, count]) => [endpoint, count / patients.length]));
}

function describeCalls(label: string, perEndpoint: Map<string, number>, target: number): BenchMetric {
  const total = [...perEndpoint.values()].reduce((sum, count) => sum + count, 0);
  const detail = [...perEndpoint].sort(([a], [b]) => a.localeCompare(b)).map(([endpoint, count]) => `${endpoint} ${count.toFixed(1)}`).join(', ');
  return { label: `${label}: NexHealth calls per booking`, value: `${total.toFixed(1)} (${detail})`, target: `<= ${target}`, ok: total <= target };
}

/** 50 patients on record ask for the same week at once, then each books what they were offered. */
async function burst(admin: SandboxAdmin, slotCacheTtlMs?: number): Promise<BenchMetric[]> {
  const shared = await createSharedServices({ locationId: BROOKLYN, slotCacheTtlMs });
  const label = `${BURST} patients, same week${slotCacheTtlMs === 0 ? ', slot cache off' : ''}`;
  const patients = Array.from({ length: BURST }, (_, index) => patient(100 + index));
  const providerId = (await shared.nexhealth.listProviders(BROOKLYN))[0]?.id ?? 0;
  for (const who of patients) {
    await shared.nexhealth.createPatient({ locationId: BROOKLYN, providerId, gender: 'Female', firstName: who.first, lastName: who.last, dateOfBirth: who.dateOfBirth, email: who.email, phoneNumber: who.phone });
  }
  const bots = await Promise.all(patients.map((_, index) => createDialogHarness({ shared, conversationId: `burst-${index}` })));
  await admin.resetCounters();
  const started = performance.now();
  const offers = await Promise.all(bots.map((bot, index) => bot.say(oneMessage(patients[index]))));
  const offerMs = performance.now() - started;
  const offerSearches = (await admin.counters())[`GET ${slotsPath()}`] ?? 0;
  let booked = 0;
  for (const [index, bot] of bots.entries()) {
    const choice = offers[index]?.at(-1)?.choices[0];
    if (choice && await bookThrough(bot, patients[index], choice)) booked += 1;
  }
  const searches = (await admin.counters())[`GET ${slotsPath()}`] ?? 0;
  const refused = Object.values(await admin.rateLimited()).reduce((sum, count) => sum + count, 0);
  const perBooking = booked === 0 ? Number.POSITIVE_INFINITY : searches / booked;
  return [
    { label: `${label}: slot searches for the ${BURST} first offers at once`, value: `${offerSearches} (${(offerSearches / BURST).toFixed(2)} per patient; offers in ${offerMs.toFixed(0)} ms)` },
    { label: `${label}: booked`, value: `${booked}/${BURST}`, target: `${BURST}/${BURST}`, ok: booked === BURST },
    { label: `${label}: slot searches per booking (a time taken meanwhile is offered anew)`, value: perBooking.toFixed(2) },
    { label: `${label}: 429 answered by the sandbox`, value: String(refused), target: '0', ok: refused === 0 },
  ];
}

export async function run(): Promise<BenchReport> {
  try {
    const admin = new SandboxAdmin((await sharedSandbox()).url);
    const shared = await createSharedServices({ locationId: BROOKLYN });
    // Warm-up: the token and the reference data are fetched once per bot, not per booking.
    await bookThrough(await createDialogHarness({ shared, conversationId: 'warm-up' }), patient(0));
    const newcomers = Array.from({ length: BOOKINGS_PER_KIND }, (_, index) => patient(1 + index));
    const firstVisits = await callsPerBooking(shared, admin, newcomers, 'afternoon');
    // The same people are now on record: the second round books existing patients.
    const returning = await callsPerBooking(shared, admin, newcomers, 'morning');
    return {
      name: `booking calls: ${BOOKINGS_PER_KIND} bookings per kind through one bot; ${BURST} patients at once`,
      metrics: [
        describeCalls('new patient', firstVisits, TARGET_CALLS.new),
        describeCalls('existing patient', returning, TARGET_CALLS.existing),
        ...(await burst(admin)),
        ...(await burst(admin, 0)),
      ],
    };
  } finally {
    await closeSharedServers();
  }
}
