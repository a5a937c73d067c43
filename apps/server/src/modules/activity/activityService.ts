import type { Database } from '@authloop/store';
import type { Clock } from '../../app/Clock.ts';
import { activityRepository } from './activityRepository.ts';
import { attemptActions, attemptOutcomes, type ActivityReport, type AttemptAction, type OutcomeCounts } from './schema.ts';

const DAY_MS = 86_400_000;

const zero = (): OutcomeCounts => ({ success: 0, failure: 0, denied: 0, error: 0 });
const zeroByAction = (): Record<AttemptAction, OutcomeCounts> =>
  Object.fromEntries(attemptActions.map((a) => [a, zero()])) as Record<AttemptAction, OutcomeCounts>;
const isAction = (a: string): a is AttemptAction => (attemptActions as readonly string[]).includes(a);
const isOutcome = (o: string): o is keyof OutcomeCounts => (attemptOutcomes as readonly string[]).includes(o);
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The activity dashboard: authentication attempts (audit actions in {@link attemptActions}) and
 * liveness results per UTC day, for the last `days` days including today, with empty days filled in.
 */
export function activityService({ db, clock }: { db: Database; clock: Clock }) {
  const repo = activityRepository(db);
  return {
    async report(tenantId: string, days: number): Promise<ActivityReport> {
      const now = clock.now();
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const from = new Date(today - (days - 1) * DAY_MS);
      const to = new Date(today + DAY_MS);
      const [attempts, liveness, reasons] = await Promise.all([
        repo.attempts(tenantId, from, to, attemptActions),
        repo.livenessResults(tenantId, from, to),
        repo.livenessReasons(tenantId, from, to),
      ]);

      const dates = Array.from({ length: days }, (_, i) => isoDay(new Date(from.getTime() + i * DAY_MS)));
      const daily = new Map(dates.map((date) => [date, { date, total: zero(), byAction: zeroByAction() }]));
      const totals = { total: zero(), byAction: zeroByAction() };
      for (const r of attempts) {
        const d = daily.get(r.day);
        if (d === undefined || !isAction(r.action) || !isOutcome(r.outcome)) continue;
        d.total[r.outcome] += r.count;
        d.byAction[r.action][r.outcome] += r.count;
        totals.total[r.outcome] += r.count;
        totals.byAction[r.action][r.outcome] += r.count;
      }

      const livenessDaily = new Map(dates.map((date) => [date, { date, passed: 0, failed: 0 }]));
      let passed = 0, failed = 0;
      for (const r of liveness) {
        const d = livenessDaily.get(r.day);
        if (d === undefined) continue;
        if (r.status === 'passed') { d.passed += r.count; passed += r.count; }
        else { d.failed += r.count; failed += r.count; }
      }

      return {
        days,
        from: isoDay(from),
        to: isoDay(new Date(today)),
        generatedAt: now.toISOString(),
        actions: [...attemptActions],
        daily: [...daily.values()],
        totals,
        liveness: { passed, failed, daily: [...livenessDaily.values()], reasons },
      };
    },
  };
}

export type ActivityService = ReturnType<typeof activityService>;
