// Wall-clock ⇄ instant conversion for one IANA zone over a bounded range, with luxon's zone data.
// Asking luxon per window end costs ~12 µs; "mornings" over a 30-day horizon needs 60 of them.
// Instead we find the zone's offset transitions in the range once (sampling every 7 days, then
// bisecting to the minute) and convert with plain arithmetic. Same rules as luxon: a time in a
// spring-forward gap moves forward; an ambiguous fall-back time takes the earlier instant.
import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 86_400_000;
const STEP = 7 * DAY; // tzdb has no two transitions a week apart (Casablanca's Ramadan break is ~a month)

interface Segment { from: number; offset: number } // offset (minutes) valid from `from` on

export interface ZoneClock {
  /** Instant of a wall-clock time given as Date.UTC(fields). */
  toInstant(wallMs: number): number;
  /** ISO 8601 with the zone's offset at that instant, seconds precision. */
  toIso(ms: number): string;
}

/** Appends the offset transitions of [start, end] to `segments` (sampled every STEP, then bisected). */
function sampleRange(zone: IANAZone, start: number, end: number, segments: Segment[], startOffset?: number): void {
  let prevT = start;
  let prevO = startOffset ?? zone.offset(start);
  // A range after a gap: the offset may have changed in the gap, where no instant is asked for.
  if (prevO !== segments[segments.length - 1].offset) segments.push({ from: start, offset: prevO });
  for (let t = Math.min(start + STEP, end); ; t = Math.min(t + STEP, end)) {
    const o = zone.offset(t);
    if (o !== prevO) {
      let [lo, hi] = [prevT, t]; // offset(lo) = prevO, offset(hi) = o
      while (hi - lo > MINUTE) {
        const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
        if (mid <= lo || mid >= hi) break;
        if (zone.offset(mid) === prevO) lo = mid;
        else hi = mid;
      }
      segments.push({ from: hi, offset: o });
    }
    [prevT, prevO] = [t, o];
    if (t >= end) break;
  }
}

/**
 * A clock exact over [fromMs, toMs] and over each of `alsoRanges` (a named date months ahead needs
 * its own days, not every week in between).
 */
export function zoneClock(zoneName: string, fromMs: number, toMs: number, alsoRanges: { from: number; to: number }[] = []): ZoneClock {
  const zone = IANAZone.create(zoneName);
  const ranges = [{ from: fromMs, to: toMs }, ...alsoRanges]
    .map((r) => ({ from: r.from - 2 * DAY, to: r.to + 2 * DAY }))
    .sort((a, b) => a.from - b.from);
  const segments: Segment[] = [{ from: -Infinity, offset: zone.offset(ranges[0].from) }];
  let covered = -Infinity;
  for (const range of ranges) {
    if (range.to <= covered) continue;
    const start = Math.max(range.from, covered);
    sampleRange(zone, start, range.to, segments, covered === -Infinity ? segments[0].offset : undefined);
    covered = range.to;
  }
  const offsetAt = (ms: number): number => {
    for (let i = segments.length - 1; i > 0; i -= 1) if (ms >= segments[i].from) return segments[i].offset;
    return segments[0].offset;
  };
  return {
    toInstant(wallMs: number): number {
      for (let i = 0; i < segments.length; i += 1) {
        const ts = wallMs - segments[i].offset * MINUTE;
        const until = i + 1 < segments.length ? segments[i + 1].from : Infinity;
        if (ts >= segments[i].from && ts < until) return ts;
        // In a spring-forward gap: keep the earlier offset, which moves the time forward.
        if (ts >= until && wallMs - segments[i + 1].offset * MINUTE < until) return ts;
      }
      return wallMs - segments[segments.length - 1].offset * MINUTE;
    },
    toIso(ms: number): string {
      const offset = offsetAt(ms);
      const wall = new Date(ms + offset * MINUTE).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    },
  };
}
