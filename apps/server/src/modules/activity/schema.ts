import { z } from 'zod';

/**
 * The audit actions counted as authentication attempts, one per factor. `transaction.decline` is a
 * person's decision about a payment, not an attempt to authenticate, so it is not counted.
 */
export const attemptActions = ['face.verify', 'face.identify', 'passkey.authenticate', 'liveness.session.complete', 'transaction.approve', 'operator.sign-in'] as const;
export type AttemptAction = (typeof attemptActions)[number];

/** The outcomes the audit log records. */
export const attemptOutcomes = ['success', 'failure', 'denied', 'error'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

export const activityQuery = z
  .object({
    days: z.coerce.number().int().min(1).max(90).default(14).describe('Number of UTC days ending today (1–90, default 14)'),
  })
  .strict();

const count = z.number().int().min(0);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('UTC calendar day, YYYY-MM-DD');

export const outcomeCountsView = z
  .object({
    success: count.describe('Matched, signed or passed'),
    failure: count.describe('Checked and not matched (face no match, liveness failed, wrong password)'),
    denied: count.describe('Refused before or instead of a match (locked, bad input, bad signature, spent token)'),
    error: count,
  })
  .meta({ id: 'OutcomeCounts' });

const byAction = z.record(z.enum(attemptActions), outcomeCountsView).describe('Counts per audit action (one per factor)');

export const activityReportView = z
  .object({
    days: z.number().int(),
    from: day.describe('First day of the window (inclusive)'),
    to: day.describe('Last day of the window (today, inclusive)'),
    generatedAt: z.string(),
    actions: z.array(z.enum(attemptActions)).describe('The audit actions counted as authentication attempts'),
    daily: z.array(z.object({ date: day, total: outcomeCountsView, byAction })).describe('One entry per day, oldest first, days without activity included'),
    totals: z.object({ total: outcomeCountsView, byAction }),
    liveness: z.object({
      passed: count.describe('Sessions completed as passed in the window'),
      failed: count.describe('Sessions completed as failed in the window'),
      daily: z.array(z.object({ date: day, passed: count, failed: count })),
      reasons: z.array(z.object({ reason: z.string(), count })).describe('Reason codes of the failed sessions, most frequent first (a session may have several)'),
    }),
  })
  .meta({ id: 'ActivityReport', description: "Authentication attempts and liveness results of the caller's tenant per UTC day, from the audit log and the liveness sessions." });

export type ActivityReport = z.infer<typeof activityReportView>;
export type OutcomeCounts = z.infer<typeof outcomeCountsView>;
