// The booking conversation end to end in one process: dialogs → booking service → NexHealth client
// → sandbox over loopback HTTP. Measures the patient-visible latency of the one-message booking
// (first offer of times), how many NexHealth calls it costs, and memory after many conversations.
import { performance } from 'node:perf_hooks';
import { SandboxAdmin, slotsPath } from '../test/support/sandbox';
import { createDialogHarness } from '../test/support/dialog-harness';
import { closeSharedServers } from '../test/support/shared-servers';
import { percentile, type BenchReport } from './report';

const CONVERSATIONS = 40;
const ONE_MESSAGE = "I'm Ana Diaz, born 3/4/1990, 555-201-3344, I'd like a cleaning next Tuesday afternoon";
const TARGET_P99_MS = 250;
const TARGET_SLOT_CALLS = 3;

export async function run(): Promise<BenchReport> {
  const offerLatencies: number[] = [];
  const confirmLatencies: number[] = [];
  let slotCalls = 0;
  let apiCalls = 0;
  try {
    for (let index = 0; index < CONVERSATIONS; index += 1) {
      // A bot with one location, as most practice websites run it (no "which office?" question).
      const bot = await createDialogHarness({ locationId: 101 });
      const admin = new SandboxAdmin(bot.sandbox.url);
      await admin.resetCounters();
      let started = performance.now();
      const offer = await bot.say(ONE_MESSAGE);
      offerLatencies.push(performance.now() - started);
      const counters = await admin.counters();
      slotCalls += counters[`GET ${slotsPath()}`] ?? 0;
      apiCalls += Object.values(counters).reduce((sum, value) => sum + value, 0);
      const first = offer[offer.length - 1]?.choices[0];
      if (!first) throw new Error('no times offered');
      started = performance.now();
      await bot.say(first);
      await bot.say('yes');
      confirmLatencies.push((performance.now() - started) / 2);
    }
  } finally {
    await closeSharedServers();
  }
  const p99 = percentile(offerLatencies, 99);
  const slotCallsPerBooking = slotCalls / CONVERSATIONS;
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  return {
    name: `booking: ${CONVERSATIONS} one-message bookings (dialogs + client + sandbox over HTTP)`,
    metrics: [
      { label: 'first offer p50 ms', value: percentile(offerLatencies, 50).toFixed(1) },
      { label: 'first offer p99 ms', value: p99.toFixed(1), target: `< ${TARGET_P99_MS}`, ok: p99 < TARGET_P99_MS },
      { label: 'confirm/book turn p50 ms', value: percentile(confirmLatencies, 50).toFixed(1) },
      { label: 'slot searches per offer', value: slotCallsPerBooking.toFixed(2), target: `<= ${TARGET_SLOT_CALLS}`, ok: slotCallsPerBooking <= TARGET_SLOT_CALLS },
      { label: 'NexHealth calls per offer (incl. token, reference data)', value: (apiCalls / CONVERSATIONS).toFixed(1) },
      { label: 'heap after run MB', value: heapMb.toFixed(0) },
    ],
  };
}
