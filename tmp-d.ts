import { dateChrono } from './services/dates/date-chrono';
for (const t of process.argv.slice(2)) console.log(t, dateChrono.parse(t, { instant: new Date('2026-12-03T15:00:00Z'), timezone: -300 }).map((r) => [r.index, r.text, [...r.tags()].filter((x) => x.startsWith('dates')).join(' ')]));
