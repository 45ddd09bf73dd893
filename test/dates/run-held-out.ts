// `npm run dates:heldout`: accuracy on the held-out phrases (never tuned on; see held-out.ts).
import { heldOut } from './held-out';
import { caseErrors, runCase, showWindows, DEFAULT_ZONE } from './cases';

let passed = 0;
for (const c of heldOut) {
  const result = runCase(c);
  const errors = caseErrors(c, result);
  if (errors.length === 0) passed += 1;
  else console.log(`MISS  "${c.text}": ${errors.join(', ')}\n      got ${showWindows(result, c.tz ?? DEFAULT_ZONE)}`);
}
const pct = ((100 * passed) / heldOut.length).toFixed(1);
console.log(`held-out accuracy: ${passed}/${heldOut.length} (${pct}%)`);
