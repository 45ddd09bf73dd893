// Interval arithmetic on epoch milliseconds, half-open [start, end).
export interface Interval { start: number; end: number }

/** Sorted, with touching or overlapping intervals merged. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

export function subtractIntervals(from: Interval[], remove: Interval[]): Interval[] {
  let out = mergeIntervals(from);
  for (const r of mergeIntervals(remove)) {
    out = out.flatMap((i) => {
      if (r.end <= i.start || r.start >= i.end) return [i];
      const parts: Interval[] = [];
      if (r.start > i.start) parts.push({ start: i.start, end: r.start });
      if (r.end < i.end) parts.push({ start: r.end, end: i.end });
      return parts;
    });
  }
  return out;
}

export function clipIntervals(intervals: Interval[], start: number, end: number): Interval[] {
  return mergeIntervals(intervals.map((i) => ({ start: Math.max(i.start, start), end: Math.min(i.end, end) })));
}
