// The load bench's figures for one N, with issue 14's targets beside them.
import { percentile, type BenchMetric } from '../report';
import type { SizeResult } from '../load.bench';
import { failedTurn } from './drive';
import type { LoadRun } from './measure';

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ratio = (ours: number, floor: number): number => (floor > 0 ? ours / floor : Number.POSITIVE_INFINITY);

function latencies(load: LoadRun, kind?: 'pick'): number[] {
  return load.runs.flatMap((run) => run.turns).filter((turn) => !kind || turn.kind === kind).map((turn) => turn.ms);
}

function turnCount(load: LoadRun): number {
  return load.runs.reduce((sum, run) => sum + run.turns.length, 0);
}

function latencyMetrics(prefix: string, result: SizeResult): BenchMetric[] {
  const [ours, floor] = [latencies(result.bot), latencies(result.floor)];
  const describe = (values: number[]): string => [50, 95, 99].map((p) => fixed(percentile(values, p))).join(' / ');
  const ratios = [50, 95, 99].map((p) => fixed(ratio(percentile(ours, p), percentile(floor, p)), 1)).join(' / ');
  const picks = latencies(result.bot, 'pick');
  const pickRatio = ratio(percentile(picks, 99), percentile(floor, 99));
  return [
    { label: `${prefix} turn p50/p95/p99 ms (bot | floor | ratio)`, value: `${describe(ours)} | ${describe(floor)} | ${ratios}` },
    { label: `${prefix} p99 of time-pick turns (no NexHealth call) vs floor p99`, value: `${fixed(percentile(picks, 99))} ms, ${fixed(pickRatio, 1)}x`, target: '<= 3x', ok: pickRatio <= 3 },
    { label: `${prefix} turns/s (bot | floor)`, value: `${fixed(turnCount(result.bot) / (result.bot.elapsedMs / 1000), 1)} | ${fixed(turnCount(result.floor) / (result.floor.elapsedMs / 1000), 1)} (${turnCount(result.bot)} turns in ${fixed(result.bot.elapsedMs / 1000, 1)} s${result.bot.cutOff ? ', CUT OFF at the time bound' : ''}; floor failed turns ${result.floor.runs.flatMap((run) => run.turns).filter(failedTurn).length})` },
  ];
}

function resourceMetrics(prefix: string, result: SizeResult): BenchMetric[] {
  const cpuOurs = result.bot.cpuMs / Math.max(1, turnCount(result.bot));
  const cpuFloor = result.floor.cpuMs / Math.max(1, turnCount(result.floor));
  const cpuRatio = ratio(cpuOurs, cpuFloor);
  const rssRatio = ratio(result.bot.peakRssMb, result.floor.peakRssMb);
  const rss: BenchMetric = { label: `${prefix} peak RSS MB (bot | floor | ratio)`, value: `${fixed(result.bot.peakRssMb)} | ${fixed(result.floor.peakRssMb)} | ${fixed(rssRatio, 2)}x` };
  if (result.size >= 200) Object.assign(rss, { target: '<= 1.5x', ok: rssRatio <= 1.5 });
  return [
    { label: `${prefix} CPU ms per turn (bot | floor | ratio)`, value: `${fixed(cpuOurs, 1)} | ${fixed(cpuFloor, 1)} | ${fixed(cpuRatio, 1)}x`, target: '<= 2x', ok: cpuRatio <= 2 },
    rss,
  ];
}

function outcomeMetrics(prefix: string, result: SizeResult): BenchMetric[] {
  const { size, told, calls, outcome } = result;
  const turns = result.bot.runs.flatMap((run) => run.turns);
  const failed = turns.filter(failedTurn).length;
  const byStatus = new Map<string, number>();
  for (const turn of turns.filter(failedTurn)) {
    const key = turn.apology ? 'apology' : `HTTP ${turn.status || 'error'}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const failures = [...byStatus].map(([key, count]) => `${key} ${count}`).join(', ');
  const requestSent = result.bot.runs.filter((run) => run.requestSentAt !== undefined).length;
  const taken = result.bot.runs.reduce((sum, run) => sum + run.taken, 0);
  const unsure = result.bot.runs.reduce((sum, run) => sum + run.unsure, 0);
  const perBooking = outcome.created > 0 ? calls.total / outcome.created : Number.POSITIVE_INFINITY;
  const routes = Object.entries(calls.byRoute).map(([route, count]) => `${route} ${count}`).join(', ');
  return [
    { label: `${prefix} patients told "You're booked" within 60 s`, value: `${told.within60s}/${size} ("Request sent" to ${requestSent}; "time taken" ${taken}x; "couldn't reach, say yes" ${unsure}x)`, target: `${size}/${size}`, ok: told.within60s === size },
    { label: `${prefix} patients told more than once`, value: String(told.moreThanOnce), target: '0', ok: told.moreThanOnce === 0 },
    { label: `${prefix} failed turns (non-200 or apology)`, value: `${failed}${failures ? ` (${failures})` : ''}`, target: '0', ok: failed === 0 },
    { label: `${prefix} NexHealth calls per created appointment`, value: `${fixed(perBooking, 1)} (${calls.total} calls, ${outcome.created} appointments: ${routes})`, target: '<= 3', ok: perBooking <= 3 },
    { label: `${prefix} 429 answered by the sandbox`, value: String(calls.rateLimited), target: '0', ok: calls.rateLimited === 0 },
    { label: `${prefix} double bookings (provider + start)`, value: String(outcome.doubleBooked), target: '0', ok: outcome.doubleBooked === 0 },
    { label: `${prefix} duplicate patients`, value: String(outcome.duplicatePatients), target: '0', ok: outcome.duplicatePatients === 0 },
  ];
}

export function loadMetrics(result: SizeResult): BenchMetric[] {
  const prefix = `${result.storage} N=${result.size}:`;
  return [...latencyMetrics(prefix, result), ...resourceMetrics(prefix, result), ...outcomeMetrics(prefix, result)];
}
