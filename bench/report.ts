export interface BenchMetric {
  label: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export interface BenchReport {
  name: string;
  metrics: BenchMetric[];
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
