// `npm run bench`: runs every bench/*.bench.ts in turn and prints what each measured.
// A bench module exports `run(): Promise<BenchReport>`; targets are printed next to the numbers,
// and a missed target sets a non-zero exit code (benchmarks are never part of `npm test`).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchReport } from './report';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => !only || file.startsWith(only))
    .sort();
  let missed = 0;
  for (const file of files) {
    const benchModule = (await import(path.join(__dirname, file))) as { run: () => Promise<BenchReport> };
    const report = await benchModule.run();
    console.log(`\n## ${report.name}`);
    for (const metric of report.metrics) {
      const verdict = metric.target === undefined ? '' : metric.ok ? `  (target ${metric.target}: met)` : `  (target ${metric.target}: MISSED)`;
      if (metric.ok === false) missed += 1;
      console.log(`${metric.label}: ${metric.value}${verdict}`);
    }
  }
  process.exitCode = missed > 0 ? 1 : 0;
}

void main();
