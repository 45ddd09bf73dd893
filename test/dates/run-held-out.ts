// `npm run dates:heldout`: accuracy on each held-out set (never tuned on; see held-out*.ts).
import { heldOut } from './held-out';
import { heldOut2 } from './held-out-2';
import { caseErrors, runCase, showWindows, DEFAULT_ZONE, type DateCase } from './cases';

function score(name: string, cases: DateCase[]): void {
  let passed = 0;
  for (const c of cases) {
    const result = runCase(c);
    const errors = caseErrors(c, result);
    if (errors.length === 0) passed += 1;
    else console.log(`MISS  "${c.text}"${c.now ? ` (now ${c.now}${c.tz ? ` ${c.tz}` : ''})` : ''}: ${errors.join(', ')}\n      got ${showWindows(result, c.tz ?? DEFAULT_ZONE)}`);
  }
  const pct = ((100 * passed) / cases.length).toFixed(1);
  console.log(`${name} accuracy: ${passed}/${cases.length} (${pct}%)\n`);
}

score('held-out', heldOut);
score('held-out-2 (issue 17)', heldOut2);
