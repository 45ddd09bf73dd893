// `npm run dates -- "next tuesday afternoon" [--now 2026-11-24T10:00] [--tz America/New_York] [--horizon 30]`
// Prints the windows in local time, for people tuning the parser.
import { DateTime } from 'luxon';
import { parseDatePreference } from './index';

function main(argv: string[]): number {
  let now = new Date();
  let timeZone = 'America/New_York';
  let horizonDays: number | undefined;
  const words: string[] = [];
  let nowText: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--now') nowText = argv[++i];
    else if (arg === '--tz') timeZone = argv[++i] ?? timeZone;
    else if (arg === '--horizon') horizonDays = Number(argv[++i]);
    else words.push(arg);
  }
  if (nowText !== undefined) {
    const parsed = DateTime.fromISO(nowText, { zone: timeZone });
    if (!parsed.isValid) {
      console.error(`--now: not an ISO date/time: ${nowText}`);
      return 2;
    }
    now = parsed.toJSDate();
  }
  if (!DateTime.local().setZone(timeZone).isValid) {
    console.error(`--tz: unknown IANA zone: ${timeZone}`);
    return 2;
  }
  const text = words.join(' ');
  if (!text) {
    console.error('usage: npm run dates -- "next tuesday afternoon" [--now ISO] [--tz Zone] [--horizon days]');
    return 2;
  }
  const result = parseDatePreference(text, { now, timeZone, horizonDays });
  const local = (iso: string): string => DateTime.fromISO(iso, { zone: timeZone }).toFormat('ccc yyyy-LL-dd HH:mm');
  console.log(`"${text}"  now ${DateTime.fromJSDate(now, { zone: timeZone }).toFormat('ccc yyyy-LL-dd HH:mm')} ${timeZone}`);
  for (const w of result.windows) console.log(`  ${local(w.start)} – ${local(w.end)}`);
  if (result.windows.length === 0) console.log('  (no windows)');
  console.log(`  asap: ${result.asap}  past: ${result.past}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
