import type { ActivityReport } from '@authloop/sdk';
import { livenessReasonLabel } from './livenessText.ts';

type Action = ActivityReport['actions'][number];
type Counts = ActivityReport['totals']['total'];

/** What each counted audit action is called on the dashboard. */
export const actionLabel: Readonly<Record<Action, string>> = {
  'face.verify': 'Face verification',
  'face.identify': 'Face search (1:N)',
  'passkey.authenticate': 'Passkey sign-in',
  'liveness.session.complete': 'Liveness check',
  'transaction.approve': 'Payment approval',
  'operator.sign-in': 'Operator sign-in',
};

/** The three stacks the charts draw: succeeded, failed (checked, no match), refused (denied or error). */
export const outcomeSeries = ['Succeeded', 'Failed', 'Refused'] as const;

const split = (c: Counts): [number, number, number] => [c.success, c.failure, c.denied + c.error];
const sum = (c: Counts): number => c.success + c.failure + c.denied + c.error;

/** One row per factor: counts, and the success rate 0..1 (null without attempts). */
export interface FactorRow {
  readonly action: Action;
  readonly label: string;
  readonly attempts: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly refused: number;
  readonly successRate: number | null;
}

/** The figures of the activity dashboard, derived from one `GET /v1/ops/activity` answer. */
export interface ActivitySummary {
  readonly attempts: number;
  readonly succeeded: number;
  readonly successRate: number | null;
  /** Per day (oldest first): label `MM-DD`, full date, and [succeeded, failed, refused]. */
  readonly daily: readonly { readonly date: string; readonly label: string; readonly values: readonly [number, number, number] }[];
  /** Every factor, busiest first; factors without attempts last. */
  readonly factors: readonly FactorRow[];
  readonly liveness: {
    readonly passed: number;
    readonly failed: number;
    /** Share of completed sessions that failed, 0..1 (null when none completed). */
    readonly rejectionRate: number | null;
    readonly reasons: readonly { readonly reason: string; readonly label: string; readonly count: number }[];
  };
}

/** Summarises an activity report for the charts and their tables. */
export function summariseActivity(report: ActivityReport): ActivitySummary {
  const attempts = sum(report.totals.total);
  const factors = report.actions
    .map((action): FactorRow => {
      const c = report.totals.byAction[action];
      const [succeeded, failed, refused] = split(c);
      const n = sum(c);
      return { action, label: actionLabel[action], attempts: n, succeeded, failed, refused, successRate: n === 0 ? null : succeeded / n };
    })
    .sort((a, b) => b.attempts - a.attempts);
  const { passed, failed } = report.liveness;
  return {
    attempts,
    succeeded: report.totals.total.success,
    successRate: attempts === 0 ? null : report.totals.total.success / attempts,
    daily: report.daily.map((d) => ({ date: d.date, label: d.date.slice(5), values: split(d.total) })),
    factors,
    liveness: {
      passed,
      failed,
      rejectionRate: passed + failed === 0 ? null : failed / (passed + failed),
      reasons: report.liveness.reasons.map((r) => ({ reason: r.reason, label: livenessReasonLabel(r.reason), count: r.count })),
    },
  };
}
