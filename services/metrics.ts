// What an operator watches, for Prometheus (prom-client), on a registry of the app's own: the
// booking funnel, how long the office takes to answer, NexHealth calls by route and status, webhook
// deliveries, turns by channel. Labels are fixed words and route patterns: never patient data, ids
// or anything a sender chose (a channel the bot does not know counts as "other").
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InsertionOutcome } from './notify';

export type FunnelStage =
  | 'conversation_started' | 'booking_started' | 'identity_verified' | 'times_offered'
  | 'request_sent' | 'confirmed' | 'refused' | 'abandoned';

export type WebhookResult = 'verified' | 'refused' | 'replayed';

/** What dialogs and services record; the app passes a `Metrics`, tests may pass nothing. */
export interface FunnelRecorder {
  funnel(stage: FunnelStage): void;
}

const KNOWN_CHANNELS = new Set(['webchat', 'msteams', 'sms', 'emulator', 'directline', 'test', 'facebook', 'slack', 'telegram']);

export class Metrics implements FunnelRecorder {
  readonly registry = new Registry();
  private readonly stages = new Counter({ name: 'booking_funnel_total', help: 'Booking conversations reaching each stage', labelNames: ['stage'], registers: [this.registry] });
  private readonly officeAnswer = new Histogram({
    name: 'booking_office_answer_seconds', help: 'From "Request sent" to the office\'s answer', labelNames: ['outcome'],
    buckets: [5, 15, 30, 60, 120, 300, 900, 1800, 3600, 7200, 21600], registers: [this.registry],
  });
  private readonly nexhealthRequests = new Counter({ name: 'nexhealth_requests_total', help: 'NexHealth calls by route and HTTP status (0: no answer)', labelNames: ['route', 'status'], registers: [this.registry] });
  private readonly nexhealthSeconds = new Histogram({ name: 'nexhealth_request_seconds', help: 'NexHealth call latency by route', labelNames: ['route'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10], registers: [this.registry] });
  private readonly webhooks = new Counter({ name: 'nexhealth_webhook_deliveries_total', help: 'NexHealth webhook deliveries by result', labelNames: ['result'], registers: [this.registry] });
  private readonly turns = new Histogram({ name: 'bot_turn_seconds', help: 'Turn latency by channel', labelNames: ['channel'], buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every stage and result shows from the start (at 0), so dashboards need no special cases.
    for (const stage of ['conversation_started', 'booking_started', 'identity_verified', 'times_offered', 'request_sent', 'confirmed', 'refused', 'abandoned']) this.stages.inc({ stage }, 0);
    for (const result of ['verified', 'refused', 'replayed']) this.webhooks.inc({ result }, 0);
  }

  funnel(stage: FunnelStage): void {
    this.stages.inc({ stage });
  }

  officeAnswered(outcome: 'confirmed' | 'refused', seconds: number): void {
    this.officeAnswer.observe({ outcome }, seconds);
  }

  nexhealthResponse(route: string, status: number, ms: number): void {
    this.nexhealthRequests.inc({ route, status: String(status) });
    this.nexhealthSeconds.observe({ route }, ms / 1000);
  }

  webhook(result: WebhookResult): void {
    this.webhooks.inc({ result });
  }

  turn(channel: string | undefined, ms: number): void {
    this.turns.observe({ channel: channel && KNOWN_CHANNELS.has(channel) ? channel : 'other' }, ms / 1000);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Counts an office answer once the patient was told (InsertionOutcomes' `onAnswered`). */
export function countingAnswers(metrics: Metrics): (outcome: InsertionOutcome, waitedMs: number) => void {
  return (outcome, waitedMs) => {
    const answer = outcome === 'complete' ? 'confirmed' : 'refused';
    metrics.funnel(answer);
    metrics.officeAnswered(answer, waitedMs / 1000);
  };
}
