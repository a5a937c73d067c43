import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../../app/createServices.ts';

/** How often each background job runs, in milliseconds. */
export interface ComplianceJobIntervals {
  readonly webhookDeliveryMs: number;
  readonly auditCheckpointMs: number;
  readonly retentionMs: number;
}

export const defaultJobIntervals: ComplianceJobIntervals = { webhookDeliveryMs: 5_000, auditCheckpointMs: 5 * 60_000, retentionMs: 60 * 60_000 };

/**
 * Starts the periodic jobs of issue 6 in this process: webhook delivery, signed audit checkpoints,
 * retention. Each run is safe on several replicas at once (SKIP LOCKED leases, idempotent
 * checkpoints and erasures). A run never overlaps itself. Returns `stop`.
 */
export function startComplianceJobs(services: Services, log: FastifyBaseLogger, intervals: ComplianceJobIntervals = defaultJobIntervals): () => void {
  const timers: NodeJS.Timeout[] = [];
  const every = (name: string, ms: number, run: () => Promise<unknown>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      run()
        .catch((error: unknown) => log.error({ err: error, job: name }, 'background job failed'))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  every('webhooks.deliver', intervals.webhookDeliveryMs, () => services.webhooks.deliverDue());
  every('audit.checkpoint', intervals.auditCheckpointMs, () => services.auditTrail.checkpointAll());
  every('privacy.retention', intervals.retentionMs, () => services.privacy.runRetention());
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
