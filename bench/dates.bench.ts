// Date-preference parser speed over every phrase of the suite (test/dates/suite-cases.ts).
import { performance } from 'node:perf_hooks';
import { parseDatePreference } from '../services/dates';
import { allSuiteCases } from '../test/dates/suite-cases';
import { DEFAULT_ZONE, nowOf } from '../test/dates/cases';
import { percentile, type BenchReport } from './report';

const ROUNDS = 20;
const P99_TARGET_MS = 2;

export async function run(): Promise<BenchReport> {
  const inputs = allSuiteCases.map((c) => ({ text: c.text, opts: { now: nowOf(c), timeZone: c.tz ?? DEFAULT_ZONE, horizonDays: c.horizonDays } }));
  for (const input of inputs) parseDatePreference(input.text, input.opts); // warm-up (JIT, luxon zone cache)
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const input of inputs) {
      const t0 = performance.now();
      parseDatePreference(input.text, input.opts);
      times.push(performance.now() - t0);
    }
  }
  const total = performance.now() - started;
  const p99 = percentile(times, 99);
  return {
    name: 'dates: parseDatePreference',
    metrics: [
      { label: 'phrases', value: `${inputs.length} × ${ROUNDS} rounds` },
      { label: 'phrases/second', value: Math.round((times.length / total) * 1000).toLocaleString('en-US') },
      { label: 'p50 ms', value: percentile(times, 50).toFixed(3) },
      { label: 'p99 ms', value: p99.toFixed(3), target: `< ${P99_TARGET_MS}`, ok: p99 < P99_TARGET_MS },
      { label: 'max ms', value: Math.max(...times).toFixed(3) },
    ],
  };
}
