// understand() over every message of the NLU suite and the held-out list: messages per second
// and the p99 of one message (target p99 < 3 ms). The date parser's time is included.
import { performance } from 'node:perf_hooks';
import { understand } from '../services/nlu';
import { percentile, type BenchReport } from './report';
import { HELD_OUT } from '../test/nlu/held-out';
import { suiteMessages } from '../test/nlu/suite-messages';
import { referenceContext } from '../test/nlu/reference';

const ROUNDS = 20;
const TARGET_P99_MS = 3;

export async function run(): Promise<BenchReport> {
  const messages = [...suiteMessages(), ...HELD_OUT].map((c) => ({ text: c.text, ctx: referenceContext(c.expecting) }));
  for (const message of messages) understand(message.text, message.ctx); // warm up the JIT and the index cache
  const durations: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const message of messages) {
      const before = performance.now();
      understand(message.text, message.ctx);
      durations.push(performance.now() - before);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const p99 = percentile(durations, 99);
  return {
    name: `nlu: understand() over ${messages.length} messages × ${ROUNDS}`,
    metrics: [
      { label: 'messages/second', value: (durations.length / seconds).toFixed(0) },
      { label: 'p50 ms', value: percentile(durations, 50).toFixed(3) },
      { label: 'p99 ms', value: p99.toFixed(3), target: `< ${TARGET_P99_MS}`, ok: p99 < TARGET_P99_MS },
      { label: 'max ms', value: Math.max(...durations).toFixed(3) },
    ],
  };
}
